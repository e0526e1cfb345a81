package asm;

import obj.LineTable;
import obj.ObjectFile;
import obj.Section;
import org.junit.jupiter.api.Test;
import vm.Isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sections, data, strings, alignment and space reservation. */
class DirectiveTest {
    private static byte[] data(String src) {
        return Asm.assemble(".data\n" + src).section(Section.Kind.DATA).data();
    }

    @Test
    void dataWidthsAreLittleEndian() {
        assertEquals("01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f", Asm.hex(data(".byte 1\n.half 0x0302\n.word 0x07060504\n.quad 0x0f0e0d0c0b0a0908")));
        assertEquals("ff ff ff ff", Asm.hex(data(".word -1")));
        assertEquals("ff ff ff ff", Asm.hex(data(".word 0xffffffff")));
        assertEquals("80 ff 7f", Asm.hex(data(".byte -128, 255, 127")));
    }

    @Test
    void aliasesShortIntLongDword() {
        assertEquals(Asm.hex(data(".half 1\n.word 2\n.word 3\n.quad 4")), Asm.hex(data(".short 1\n.int 2\n.long 3\n.dword 4")));
    }

    @Test
    void stringsWithEscapes() {
        assertEquals("61 0a 09 5c 22 00 41 07 ff 27", Asm.hex(data(".ascii \"a\\n\\t\\\\\\\"\\0\\x41\\7\\377'\"")));
        assertEquals("68 69 00 78 00", Asm.hex(data(".asciz \"hi\", \"x\"")));
        assertEquals("6f 6b 00", Asm.hex(data(".string \"ok\"")));
        assertEquals("c3 a9", Asm.hex(data(".ascii \"\u00e9\"")), "non-ASCII text is stored as UTF-8");
    }

    @Test
    void characterLiterals() {
        assertEquals("61 0a 27 5c 00", Asm.hex(data(".byte 'a', '\\n', '\\'', '\\\\', '\\0'")));
    }

    @Test
    void zeroAndSpace() {
        assertEquals("00 00 00", Asm.hex(data(".zero 3")));
        assertEquals("ab ab", Asm.hex(data(".space 2, 0xab")));
        assertEquals("00", Asm.hex(data(".skip 1")));
    }

    @Test
    void bssHasASizeButNoBytes() {
        ObjectFile o = Asm.assemble(".bss\nbuf: .zero 100\n.align 64\nbig: .space 4096");
        Section bss = o.section(Section.Kind.BSS);
        assertEquals(128 + 4096, bss.size());
        assertEquals(0, bss.data().length);
        assertEquals(64, bss.align());
        assertEquals(128, o.symbol("big").value);
    }

    @Test
    void alignPadsDataWithZerosAndRaisesTheSectionAlignment() {
        ObjectFile o = Asm.assemble(".data\n.byte 1\n.align 16\nx: .byte 2");
        assertEquals("01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02", Asm.hex(o.section(Section.Kind.DATA).data()));
        assertEquals(16, o.section(Section.Kind.DATA).align());
        assertEquals(16, o.symbol("x").value);
    }

    @Test
    void alignPadsTextWithNops() {
        byte[] t = Asm.text("ret\n.align 32\nret");
        assertEquals(40, t.length);
        for (int off = 8; off < 32; off += 8) assertEquals(Isa.encode(Isa.NOP, 0, 0, 0, 0), Disassembler.word(t, off));
    }

    @Test
    void balignAndP2align() {
        assertEquals(8, data(".byte 1\n.balign 8").length);
        assertEquals(4, data(".byte 1\n.p2align 2").length);
        assertEquals(1, data(".byte 1\n.align 1").length);
    }

    @Test
    void sectionDirectivesAndNames() {
        ObjectFile o = Asm.assemble(".section .rodata.str1.1\na: .byte 1\n.section .data, \"aw\", @progbits\nb: .byte 2\n"
                + ".rodata\nc: .byte 3\n.text\nnop\n.section \".bss\"\nd: .zero 8");
        assertEquals(Section.Kind.RODATA, o.symbol("a").section);
        assertEquals(Section.Kind.DATA, o.symbol("b").section);
        assertEquals(Section.Kind.RODATA, o.symbol("c").section);
        assertEquals(1, o.symbol("c").value);
        assertEquals(Section.Kind.BSS, o.symbol("d").section);
        assertArrayEquals(new byte[] {1, 3}, o.section(Section.Kind.RODATA).data());
    }

    @Test
    void typeAndSize() {
        ObjectFile o = Asm.assemble(".globl f\n.type f, @function\nf: nop\nret\n.size f, .-f\n.data\n.type v, @object\nv: .quad 1\n.size v, 8");
        assertEquals(obj.Symbol.Type.FUNC, o.symbol("f").type);
        assertEquals(16, o.symbol("f").size);
        assertEquals(obj.Symbol.Type.OBJECT, o.symbol("v").type);
        assertEquals(8, o.symbol("v").size);
    }

    @Test
    void blockAndLineComments() {
        assertEquals(16, Asm.text("nop # one\nnop // two\n/* a\n   b */ /* c */").length);
        assertEquals(24, Asm.text("nop /* x */ \n/* multi\nline\n*/ nop\nnop").length);
    }

    @Test
    void locGivesTheCodeThatFollowsItASourceLineUntilTheNextOrTheEndOfText() {
        ObjectFile o = Asm.assemble(".file 1, \"a.c\"\n.file 2, \"a.h\"\nf:\n.loc 1, 3\nnop\nnop\n"
                + ".loc 2, 10\nnop\n.data\n.word 1\n.text\nnop\n");
        assertEquals(java.util.List.of("a.c", "a.h"), o.lines().files());
        assertEquals(java.util.List.of(new LineTable.Row(0, 0, 3), new LineTable.Row(16, 1, 10), new LineTable.Row(32, 1, 0)),
                o.lines().rows(), "the last row reaches the end of .text, across the .data in between");
        assertEquals(java.util.List.of(), Asm.assemble("nop\n").lines().rows(), "hand-written assembly has no lines");
    }

    @Test
    void locNeedsANumberedFileALineAndText() {
        assertTrue(Asm.errors(".loc 1, 3").contains("file 1 has no number: give it one with .file 1, \"name\" first"));
        assertTrue(Asm.errors(".file 1, \"a.c\"\n.data\n.loc 1, 3").contains("'.loc' belongs in .text, not .data"));
        assertTrue(Asm.errors(".file 1, \"a.c\"\n.loc 1, 0").contains("line 0 is not between 1 and 2147483647"));
        assertTrue(Asm.errors(".file 1, \"a.c\"\n.file 1, \"b.c\"").contains("file 1 is already \"a.c\""));
        assertTrue(Asm.errors(".file 0, \"a.c\"").contains("file number 0 is not between 1 and 65535"));
    }
}
