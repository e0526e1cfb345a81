package ld;

import static ld.TestObjects.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import obj.Executable;
import obj.ExecutableFormat;
import obj.ObjectFile;
import obj.Section;
import obj.Segment;
import obj.Symbol;

/** Where the linker puts things: segments, pages, permissions, alignment, bss. */
class LinkerLayoutTest {

    /** An object with some text, 5 bytes of rodata, 12 bytes of data and 100 bytes of bss. */
    private static ObjectFile program() {
        ObjectFile o = startCalling("prog.o", "_start");
        label(o, Section.Kind.RODATA, "greeting", Symbol.Binding.LOCAL, Symbol.Type.OBJECT);
        o.section(Section.Kind.RODATA).append("hi!\n\0".getBytes());
        label(o, Section.Kind.DATA, "counter", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        o.section(Section.Kind.DATA).appendLE(0x1122334455667788L, 8);
        o.section(Section.Kind.DATA).appendLE(7, 4);
        label(o, Section.Kind.BSS, "buffer", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        o.section(Section.Kind.BSS).appendZeros(100);
        return o;
    }

    @Test
    void segmentsArePageAlignedWithTextRxRodataRDataRw() throws Exception {
        Executable exe = new Linker().link(List.of(program()), List.of());
        List<Segment> segs = exe.segments();
        assertEquals(3, segs.size());
        assertEquals(0x400000, segs.get(0).vaddr());
        assertEquals("r-x", segs.get(0).permissions());
        assertEquals(0x401000, segs.get(1).vaddr(), "rodata starts on the next page");
        assertEquals("r--", segs.get(1).permissions());
        assertEquals(0x402000, segs.get(2).vaddr());
        assertEquals("rw-", segs.get(2).permissions());
        for (Segment s : segs) assertEquals(0, s.vaddr() % Segment.PAGE_SIZE);
        assertEquals(0x400000, exe.entry());
    }

    @Test
    void bssTakesMemoryButNoFileBytes() throws Exception {
        Executable exe = new Linker().link(List.of(program()), List.of());
        Segment rw = exe.segments().get(2);
        assertEquals(12, rw.fileSize(), "only .data is in the file");
        long buffer = addr(exe, "buffer");
        assertEquals(0x402000 + 16, buffer, ".bss follows .data at its 8-byte alignment");
        assertEquals(buffer + 100 - rw.vaddr(), rw.memSize());
        assertTrue(rw.memSize() > rw.fileSize());
        assertEquals(0x1122334455667788L, read(exe, addr(exe, "counter"), 8));
        assertEquals(0x403000, exe.end(), "the heap starts on the page after bss");
    }

    @Test
    void bssAloneMakesAWritableSegmentWithNoFileBytes() throws Exception {
        ObjectFile o = startCalling("a.o", "_start");
        o.section(Section.Kind.BSS).appendZeros(5000);
        Executable exe = new Linker().link(List.of(o), List.of());
        assertEquals(2, exe.segments().size(), "no empty rodata segment");
        Segment rw = exe.segments().get(1);
        assertEquals(0x401000, rw.vaddr());
        assertEquals(0, rw.fileSize());
        assertEquals(5000, rw.memSize());
        assertTrue(rw.writable() && !rw.executable());
    }

    @Test
    void sectionsOfEachKindAreConcatenatedRespectingAlignment() throws Exception {
        ObjectFile a = startCalling("a.o", "_start");
        a.section(Section.Kind.DATA).append(new byte[] {1, 2, 3});
        label(a, Section.Kind.DATA, "a_end", Symbol.Binding.LOCAL, Symbol.Type.NOTYPE);
        ObjectFile b = new ObjectFile("b.o");
        b.section(Section.Kind.DATA).setAlign(16);
        label(b, Section.Kind.DATA, "b_data", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        b.section(Section.Kind.DATA).append(new byte[] {9});
        ObjectFile c = new ObjectFile("c.o");
        c.section(Section.Kind.DATA).setAlign(1);
        label(c, Section.Kind.DATA, "c_data", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        c.section(Section.Kind.DATA).append(new byte[] {8});

        Executable exe = new Linker().link(List.of(a, b, c), List.of());

        assertEquals(0x401003, addr(exe, "a_end"));
        assertEquals(0x401010, addr(exe, "b_data"), "b.o's .data is 16-byte aligned");
        assertEquals(0x401011, addr(exe, "c_data"), "c.o's .data needs no alignment");
        assertEquals(9, read(exe, 0x401010, 1));
        assertEquals(0, read(exe, 0x401004, 1), "padding is zero");
        assertEquals(8, read(exe, 0x401011, 1));
    }

    @Test
    void textOfSeveralObjectsIsPaddedToEightBytes() throws Exception {
        ObjectFile a = startCalling("a.o", "f");
        a.section(Section.Kind.TEXT).append(new byte[] {4, 0, 0, 0}); // an odd-sized text section
        ObjectFile b = leaf("b.o", "f");
        Executable exe = new Linker().link(List.of(a, b), List.of());
        assertEquals(0x400018, addr(exe, "f"));
        assertEquals(0, addr(exe, "f") % 8);
    }

    @Test
    void segmentAlignmentAbovePageSizeIsHonoured() throws Exception {
        ObjectFile a = startCalling("a.o", "_start");
        a.section(Section.Kind.DATA).setAlign(1 << 16);
        label(a, Section.Kind.DATA, "big", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        a.section(Section.Kind.DATA).appendZeros(8);
        Executable exe = new Linker().link(List.of(a), List.of());
        assertEquals(0x410000, addr(exe, "big"));
    }

    @Test
    void linkerProvidesEndSymbolsWhenUsed() throws Exception {
        ObjectFile o = program();
        long at = la(o, 10, "_end", 0);
        la(o, 11, "_edata", 0);
        Executable exe = new Linker().link(List.of(o), List.of());
        assertEquals(addr(exe, "buffer") + 100, imm(exe, 0x400000 + at));
        assertEquals(0x402000 + 12, addr(exe, "_edata"));
        assertNull(exe.symbol("_etext"), "unused linker symbols are not added");
    }

    @Test
    void textBaseIsConfigurable() throws Exception {
        Executable exe = new Linker().textBase(0x10000).link(List.of(program()), List.of());
        assertEquals(0x10000, exe.entry());
        assertEquals(0x11000, exe.segments().get(1).vaddr());
    }

    @Test
    void sameInputsGiveSameBytes() throws Exception {
        byte[] first = ExecutableFormat.write(new Linker().link(List.of(program(), leaf("x.o", "x")), List.of()));
        byte[] second = ExecutableFormat.write(new Linker().link(List.of(program(), leaf("x.o", "x")), List.of()));
        assertArrayEquals(first, second);
    }

    @Test
    void linkedExecutableSurvivesAWriteReadRoundTrip() throws Exception {
        Executable exe = new Linker().link(List.of(program()), List.of());
        byte[] bytes = ExecutableFormat.write(exe);
        Executable back = ExecutableFormat.read("prog", bytes);
        assertArrayEquals(bytes, ExecutableFormat.write(back));
        assertEquals(exe.segments(), back.segments());
    }
}
