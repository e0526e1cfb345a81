package obj;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Executable#symbolAt} turns an address into symbol + offset for backtraces. */
class SymbolAtTest {

    private static Symbol sym(String name, long addr, long size, Symbol.Binding b, Symbol.Type t) {
        return new Symbol(name, null, addr, size, b, t);
    }

    private static final Executable EXE = new Executable(0x400000,
            List.of(new Segment(0x400000, 0x100, new byte[0x100], Segment.R | Segment.X),
                    new Segment(0x401000, 0x40, new byte[0], Segment.R | Segment.W)),
            List.of(
                    sym("_start", 0x400000, 0x20, Symbol.Binding.GLOBAL, Symbol.Type.FUNC),
                    sym("main", 0x400020, 0x40, Symbol.Binding.GLOBAL, Symbol.Type.FUNC),
                    sym("loop", 0x400030, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE),
                    sym("helper", 0x400080, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE),
                    sym("alias", 0x400080, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE),
                    sym("counter", 0x401000, 8, Symbol.Binding.GLOBAL, Symbol.Type.OBJECT)));

    private static String at(long addr) {
        return EXE.symbolAt(addr).map(SymbolOffset::toString).orElse("?");
    }

    @Test
    void addressInsideSizedFunctionNamesItWithOffset() {
        assertEquals("_start", at(0x400000));
        assertEquals("_start+0x18", at(0x400018));
        assertEquals("main+0x10", at(0x400030), "a sized function wins over a label inside it");
        assertEquals("main+0x3f", at(0x40005f));
    }

    @Test
    void addressPastSizedSymbolsFallsBackToNearestLabel() {
        assertEquals("loop+0x30", at(0x400060), "past main's end, the closest label");
        assertEquals("alias+0x8", at(0x400088), "at equal addresses a global beats a local");
    }

    @Test
    void dataAddressesFindObjects() {
        assertEquals("counter+0x4", at(0x401004));
        assertEquals(4, EXE.symbolAt(0x401004).orElseThrow().offset());
    }

    @Test
    void addressOutsideEverythingHasNoSymbol() {
        assertTrue(EXE.symbolAt(0x3ff000).isEmpty());
        assertTrue(EXE.symbolAt(0x401020).isEmpty(), "bss with no symbol covering it");
        assertTrue(EXE.symbolAt(0).isEmpty());
    }

    @Test
    void symbolLookupByNamePrefersGlobals() {
        assertEquals(0x400020, EXE.symbol("main").value);
        assertNull(EXE.symbol("nothing"));
        assertEquals(0x402000, EXE.end());
        assertSame(EXE.segments().get(1), EXE.segmentAt(0x401010));
    }
}
