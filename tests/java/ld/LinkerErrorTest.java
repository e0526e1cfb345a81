package ld;

import static ld.TestObjects.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Symbol;
import vm.Isa;

/** Link errors name what is wrong and where, and all of them are reported at once. */
class LinkerErrorTest {

    private static LinkException fails(List<ObjectFile> objects) {
        return assertThrows(LinkException.class, () -> new Linker().link(objects, List.of()));
    }

    @Test
    void undefinedSymbolMessageNamesSymbolAndObject() {
        LinkException e = fails(List.of(startCalling("hello.o", "foo")));
        assertEquals(List.of("ld: hello.o: in function '_start': undefined reference to 'foo'"), e.messages());
        assertEquals("ld: hello.o: in function '_start': undefined reference to 'foo'", e.getMessage());
    }

    @Test
    void undefinedReferenceNamesTheSourceFileAndEachFunctionThatUsesIt() {
        ObjectFile o = startCalling("prog.o", "foo");
        o.setSource("prog.c");
        call(o, "foo");
        label(o, Section.Kind.TEXT, "helper", Symbol.Binding.LOCAL, Symbol.Type.FUNC);
        call(o, "foo");
        call(o, "bar");
        o.addRelocation(new Relocation(Section.Kind.DATA, 0, Relocation.Type.ABS64, "baz", 0));
        o.section(Section.Kind.DATA).append(new byte[8]);
        LinkException e = fails(List.of(o));
        assertEquals(List.of(
                "ld: prog.c: in function '_start': undefined reference to 'foo'",
                "ld: prog.c: in function 'helper': undefined reference to 'foo'",
                "ld: prog.c: in function 'helper': undefined reference to 'bar'",
                "ld: prog.c: undefined reference to 'baz'"), e.messages(),
                "once per function and name; a reference from data names no function");
    }

    @Test
    void undefinedSymbolIsReportedOncePerObjectThatUsesIt() {
        ObjectFile a = startCalling("a.o", "foo");
        call(a, "foo");
        LinkException e = fails(List.of(a, leaf("b.o", "b", "foo")));
        assertEquals(List.of(
                "ld: a.o: in function '_start': undefined reference to 'foo'",
                "ld: b.o: in function 'b': undefined reference to 'foo'"), e.messages());
    }

    @Test
    void localSymbolDoesNotSatisfyAnotherObjectsReference() {
        ObjectFile b = new ObjectFile("b.o");
        label(b, Section.Kind.TEXT, "foo", Symbol.Binding.LOCAL, Symbol.Type.FUNC);
        ret(b);
        LinkException e = fails(List.of(startCalling("a.o", "foo"), b));
        assertEquals(List.of("ld: a.o: in function '_start': undefined reference to 'foo'"), e.messages());
    }

    @Test
    void duplicateGlobalDefinitionNamesBothObjects() {
        LinkException e = fails(List.of(startCalling("main.o", "f"), leaf("one.o", "f"), leaf("two.o", "f")));
        assertEquals(List.of("ld: two.o: multiple definition of 'f'; first defined in one.o"), e.messages());
    }

    @Test
    void missingEntrySymbolIsAnError() {
        LinkException e = fails(List.of(leaf("lib.o", "f")));
        assertEquals(List.of("ld: entry symbol '_start' is not defined"), e.messages());
    }

    @Test
    void entrySymbolIsConfigurable() throws Exception {
        ObjectFile o = leaf("m.o", "g");
        Symbol main = TestObjects.func(o, "main");
        ret(o);
        endSymbol(o, main);
        assertEquals(0x400008, new Linker().entry("main").link(List.of(o), List.of()).entry());
        LinkException e = assertThrows(LinkException.class, () -> new Linker().entry("begin").link(List.of(o), List.of()));
        assertEquals(List.of("ld: entry symbol 'begin' is not defined"), e.messages());
    }

    @Test
    void entrySymbolMustBeCode() {
        ObjectFile o = new ObjectFile("d.o");
        label(o, Section.Kind.DATA, "_start", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        o.section(Section.Kind.DATA).appendZeros(8);
        LinkException e = fails(List.of(o));
        assertEquals(List.of("ld: d.o: entry symbol '_start' is in .data, not .text"), e.messages());
    }

    @Test
    void abs32OverflowNamesSymbolObjectAndPlace() {
        ObjectFile o = startCalling("big.o", "_start");
        long at = la(o, Isa.A0, "_start", 0x7fff0000L);
        LinkException e = fails(List.of(o));
        assertEquals(1, e.messages().size());
        String m = e.messages().get(0);
        assertTrue(m.startsWith("ld: big.o:(.text+0x" + Long.toHexString(at + 4) + "): "), m);
        assertTrue(m.contains("ABS32") && m.contains("'_start'") && m.contains("0x803f0000"), m);
        assertTrue(m.contains("out of range"), m);
    }

    @Test
    void abs32AcceptsTheLargestPositiveValueAndNegativeAddends() throws Exception {
        ObjectFile o = startCalling("ok.o", "_start");
        la(o, Isa.A0, "_start", 0x7fffffffL - 0x400000L);
        la(o, Isa.A1, "_start", -0x400000L - 0x80000000L);
        new Linker().link(List.of(o), List.of());
    }

    @Test
    void pcrel32OverflowIsAnError() {
        ObjectFile o = startCalling("far.o", "_start");
        o.addRelocation(new Relocation(Section.Kind.TEXT, 4, Relocation.Type.PCREL32, "_start", 1L << 32));
        LinkException e = fails(List.of(o));
        assertTrue(e.messages().get(0).contains("PCREL32 against '_start' out of range"), e.getMessage());
    }

    @Test
    void relocationOutsideItsSectionIsAnError() {
        ObjectFile o = startCalling("bad.o", "_start");
        o.addRelocation(new Relocation(Section.Kind.TEXT, 12, Relocation.Type.ABS64, "_start", 0));
        LinkException e = fails(List.of(o));
        assertEquals(List.of("ld: bad.o:(.text+0xc): 8-byte relocation field lies outside .text (size 0x10)"), e.messages());

        ObjectFile far = startCalling("far.o", "_start");
        far.addRelocation(new Relocation(Section.Kind.TEXT, Long.MAX_VALUE - 1, Relocation.Type.ABS32, "_start", 0));
        assertEquals(1, fails(List.of(far)).messages().size(), "an offset near 2^63 does not wrap around the check");
    }

    @Test
    void everyErrorIsReportedNotJustTheFirst() {
        ObjectFile a = startCalling("a.o", "missing1");
        long at = la(a, Isa.A0, "f", 1L << 31);
        ObjectFile b = leaf("b.o", "f", "missing2");
        ObjectFile c = leaf("c.o", "f");
        LinkException e = fails(List.of(a, b, c));
        List<String> m = e.messages();
        assertEquals(4, m.size(), String.join("\n", m));
        assertEquals("ld: c.o: multiple definition of 'f'; first defined in b.o", m.get(0));
        assertEquals("ld: a.o: in function '_start': undefined reference to 'missing1'", m.get(1));
        assertEquals("ld: b.o: in function 'f': undefined reference to 'missing2'", m.get(2));
        assertTrue(m.get(3).startsWith("ld: a.o:(.text+0x" + Long.toHexString(at + 4) + "): relocation ABS32"), m.get(3));
    }

    @Test
    void programWhoseFileWouldOutgrowAGuestFileIsRejected() {
        assertEquals(fs.RegularFile.MAX_SIZE, Layout.MAX_FILE_BYTES, "the limit is the largest guest file");
        ObjectFile a = startCalling("a.o", "_start");
        a.section(Section.Kind.DATA).append(new byte[40 << 20]);
        ObjectFile b = leaf("b.o", "b");
        b.section(Section.Kind.RODATA).append(new byte[30 << 20]);
        LinkException e = fails(List.of(a, b));
        assertTrue(e.messages().get(0).startsWith("ld: program too large: its segments hold 734"), e.getMessage());
        assertTrue(e.messages().get(0).endsWith(" bytes of code and data, more than the 64 MiB a file can hold"), e.getMessage());
    }

    @Test
    void programBeyondTwoGigabytesIsRejected() {
        ObjectFile o = startCalling("huge.o", "_start");
        o.section(Section.Kind.BSS).appendZeros(1L << 31);
        LinkException e = fails(List.of(o));
        assertTrue(e.messages().get(0).startsWith("ld: program too large"), e.getMessage());
    }
}
