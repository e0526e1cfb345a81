package asm;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import org.junit.jupiter.api.Test;
import vm.Isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pseudo-instructions of docs/isa.md become exactly the instructions they stand for. */
class PseudoInstructionTest {
    @Test
    void mvIsAddiWithZero() {
        assertEquals(Isa.encode(Isa.ADDI, 10, 11, 0, 0), Asm.word("mv a0, a1"));
    }

    @Test
    void jAndCallAreJalWithZeroAndRa() {
        byte[] t = Asm.text("x: j x\ncall x");
        assertEquals(Isa.encode(Isa.JAL, Isa.ZERO, 0, 0, 0), Disassembler.word(t, 0));
        assertEquals(Isa.encode(Isa.JAL, Isa.RA, 0, 0, -8), Disassembler.word(t, 8));
    }

    @Test
    void jrCallrAndRetAreJalr() {
        assertEquals(Isa.encode(Isa.JALR, Isa.ZERO, 5, 0, 0), Asm.word("jr t0"));
        assertEquals(Isa.encode(Isa.JALR, Isa.RA, 5, 0, 0), Asm.word("callr t0"));
        assertEquals(Isa.encode(Isa.JALR, Isa.ZERO, Isa.RA, 0, 0), Asm.word("ret"));
    }

    @Test
    void laIsLiWithAnAbs32Relocation() {
        ObjectFile o = Asm.assemble("la a0, msg+4\n.data\nmsg: .quad 0");
        assertEquals(Isa.encode(Isa.LI, 10, 0, 0, 0), Disassembler.word(o.section(Section.Kind.TEXT).data(), 0));
        Relocation r = o.relocations().get(0);
        assertEquals(Relocation.Type.ABS32, r.type);
        assertEquals(4, r.offset);
        assertEquals("msg", r.symbol);
        assertEquals(4, r.addend);
    }

    @Test
    void liWithASmallConstantIsOneInstruction() {
        assertEquals(Isa.encode(Isa.LI, 10, 0, 0, -1), Asm.word("li a0, -1"));
        assertEquals(Isa.encode(Isa.LI, 10, 0, 0, Integer.MIN_VALUE), Asm.word("li a0, -0x80000000"));
    }

    /** li rd, low then lih rd, high: the CPU's li sign-extends, and lih replaces the high half. */
    @Test
    void liWith64BitConstantExpandsToLiAndLih() {
        long[] values = {0x123456789abcdef0L, 0xffffffffL, 0x80000000L, Long.MIN_VALUE, Long.MAX_VALUE, -0x80000001L};
        for (long v : values) {
            byte[] t = Asm.text("li t3, " + v);
            assertEquals(16, t.length, "two instructions for " + v);
            assertEquals(Isa.encode(Isa.LI, 8, 0, 0, (int) v), Disassembler.word(t, 0));
            assertEquals(Isa.encode(Isa.LIH, 8, 0, 0, (int) (v >>> 32)), Disassembler.word(t, 8));
            // What the machine computes: sext(low), then the high half replaced.
            long low = (int) v;
            long result = (low & 0xffffffffL) | ((long) (int) (v >>> 32) << 32);
            assertEquals(v, result);
        }
    }

    @Test
    void liExpansionKeepsLaterLabelsRight() {
        byte[] t = Asm.text("li a0, 0x100000000\nj end\nnop\nend: ret");
        assertEquals(40, t.length);
        assertEquals(Isa.encode(Isa.JAL, 0, 0, 0, 16), Disassembler.word(t, 16));
    }

    @Test
    void liOfAnEquConstantDefinedEarlierCanBeWide() {
        byte[] t = Asm.text(".equ BIG, 1 << 40\nli a0, BIG");
        assertEquals(16, t.length);
    }
}
