package asm;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import org.junit.jupiter.api.Test;
import vm.Isa;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the assembler resolves itself and what it leaves to the linker. */
class RelocationTest {
    private static String relocs(ObjectFile o) {
        StringBuilder sb = new StringBuilder();
        for (Relocation r : o.relocations()) sb.append(r).append('\n');
        return sb.toString();
    }

    @Test
    void branchesWithinTheSectionAreResolvedWithoutRelocation() {
        ObjectFile o = Asm.assemble("top: nop\nbeq a0, a1, top\nbne a0, a1, bottom\njal ra, top\naddpc t0, top\nbottom: ret");
        assertTrue(o.relocations().isEmpty());
        byte[] t = o.section(Section.Kind.TEXT).data();
        assertEquals(Isa.encode(Isa.BEQ, 0, 10, 11, -8), Disassembler.word(t, 8));
        assertEquals(Isa.encode(Isa.BNE, 0, 10, 11, 24), Disassembler.word(t, 16));
        assertEquals(Isa.encode(Isa.JAL, 1, 0, 0, -24), Disassembler.word(t, 24));
        assertEquals(Isa.encode(Isa.ADDPC, 5, 0, 0, -32), Disassembler.word(t, 32));
    }

    @Test
    void branchesToUndefinedSymbolsArePcrel32AtTheImmediateField() {
        ObjectFile o = Asm.assemble("nop\ncall puts\nj exit+8\nbeq a0, zero, fail");
        assertEquals(".text+12 PCREL32 puts+0\n.text+20 PCREL32 exit+8\n.text+28 PCREL32 fail+0\n", relocs(o));
    }

    @Test
    void crossSectionReferencesNameTheLocalLabel() {
        ObjectFile o = Asm.assemble(".rodata\n.byte 0, 0\nmsg: .byte 1\n.text\naddpc a0, msg+2\nla a1, msg");
        assertEquals(".text+4 PCREL32 msg+2\n.text+12 ABS32 msg+0\n", relocs(o));
    }

    @Test
    void dataWordsAndQuadsWithSymbols() {
        ObjectFile o = Asm.assemble(".data\nptrs: .quad main, ptrs+16, 7\n.word ext-4\n.text\nmain: ret");
        assertEquals(".data+0 ABS64 main+0\n.data+8 ABS64 ptrs+16\n.data+24 ABS32 ext-4\n", relocs(o));
        byte[] d = o.section(Section.Kind.DATA).data();
        assertEquals(28, d.length);
        assertEquals(7, d[16]);
        assertEquals(0, d[0], "relocated fields hold 0; the addend is in the relocation");
    }

    @Test
    void immediatesOfLoadsStoresAndArithmeticMayBeAddresses() {
        ObjectFile o = Asm.assemble("ld a0, counter(zero)\nsd a0, counter+8(zero)\naddi a1, zero, counter\n.bss\ncounter: .zero 16");
        assertEquals(".text+4 ABS32 counter+0\n.text+12 ABS32 counter+8\n.text+20 ABS32 counter+0\n", relocs(o));
    }

    @Test
    void differenceOfTwoLabelsInOneSectionIsAConstant() {
        ObjectFile o = Asm.assemble(".data\na: .quad 0, 0\nb: .word b - a\n.text\nli a0, b - a");
        assertTrue(o.relocations().isEmpty());
        assertEquals(16, o.section(Section.Kind.DATA).data()[16]);
        assertEquals(List.of(), o.relocations());
    }

    @Test
    void threadPointerOffsetsAreTpoff32AndThreadLocalSectionsHoldTheVariables() {
        ObjectFile o = Asm.assemble(".section .tdata\nx: .word 5\n.section .tbss\ny: .zero 8\n"
                + ".text\nlw a0, %tpoff(x)(tp)\naddi a1, tp, %tpoff(y+4)\nli a2, %tpoff(ext)\n.word %tpoff(x)");
        assertEquals(".text+4 TPOFF32 x+0\n.text+12 TPOFF32 y+4\n.text+20 TPOFF32 ext+0\n.text+24 TPOFF32 x+0\n", relocs(o));
        assertEquals(4, o.section(Section.Kind.TDATA).size());
        assertEquals(8, o.section(Section.Kind.TBSS).size());
        assertEquals(0, o.section(Section.Kind.TBSS).data().length, ".tbss holds no bytes");
    }

    @Test
    void tpoffIsOnlyA32BitFieldOfAThreadLocalSymbol() {
        assertTrue(Asm.errors(".section .tbss\nx: .zero 4\n.text\naddi a0, tp, %tpoff(x)+4").contains(
                "no arithmetic on '%tpoff(x)': write %tpoff(x+N)"));
        assertTrue(Asm.errors(".section .tbss\nx: .zero 4\n.data\n.quad %tpoff(x)").contains(
                "'%tpoff(x)' can only be a 32-bit immediate or .word"));
        assertTrue(Asm.errors(".data\nx: .word 1\n.text\nlw a0, %tpoff(x)(tp)").contains(
                "%tpoff(x): 'x' is in .data, not in .tdata or .tbss"));
        assertTrue(Asm.errors(".section .tbss\n.byte 1").contains(
                "'.byte' in .tbss: .tbss holds no bytes, reserve space with .zero instead"));
    }
}
