package asm;

import org.junit.jupiter.api.Test;
import vm.Isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every mnemonic of the ISA assembles to the encoding docs/isa.md gives. */
class InstructionEncodingTest {
    @Test
    void addiMatchesTheDocumentedExampleByteForByte() {
        assertEquals("40 0a 0a 00 01 00 00 00", Asm.hex(Asm.text("addi a0, a0, 1")));
    }

    @Test
    void exactBytesOfOneInstructionPerFormat() {
        assertEquals("01 00 00 00 00 00 00 00", Asm.hex(Asm.text("syscall")));
        assertEquals("10 0a 0b 0c 00 00 00 00", Asm.hex(Asm.text("add a0, a1, a2")));
        assertEquals("39 05 06 00 00 00 00 00", Asm.hex(Asm.text("neg t0, t1")));
        assertEquals("70 0a 00 00 2a 00 00 00", Asm.hex(Asm.text("li a0, 42")));
        assertEquals("71 0a 00 00 ff ff ff ff", Asm.hex(Asm.text("lih a0, 0xffffffff")));
        assertEquals("83 0a 02 00 f8 ff ff ff", Asm.hex(Asm.text("ld a0, -8(sp)")));
        assertEquals("8b 00 02 01 10 00 00 00", Asm.hex(Asm.text("sd ra, 16(sp)")));
        assertEquals("a1 0a 0c 0b 00 00 00 00", Asm.hex(Asm.text("cas.d a0, a1, (a2)")));
        assertEquals("99 01 05 00 04 00 00 00", Asm.hex(Asm.text("jalr ra, 4(t0)")));
    }

    /** Builds, for each opcode, a line in its operand shape and the word it must become. */
    @Test
    void everyMnemonicAssemblesToItsFields() {
        int checked = 0;
        for (int op = 0; op < 256; op++) {
            if (!Isa.isDefined(op)) continue;
            String m = Isa.mnemonic(op);
            boolean shift = m.matches("s[lr][la]iw?");
            int imm = shift ? 5 : -1234;
            String line;
            long expect;
            switch (Isa.format(op)) {
                case Isa.F_NONE: line = m; expect = Isa.encode(op, 0, 0, 0, 0); break;
                case Isa.F_RRR: line = m + " a0, s1, t8"; expect = Isa.encode(op, 10, 18, 31, 0); break;
                case Isa.F_RR: line = m + " r7, r31"; expect = Isa.encode(op, 7, 31, 0, 0); break;
                case Isa.F_RRI: line = m + " a0, a1, " + imm; expect = Isa.encode(op, 10, 11, 0, imm); break;
                case Isa.F_RI: line = m + " t1, " + imm; expect = Isa.encode(op, 6, 0, 0, imm); break;
                case Isa.F_LOAD: line = m + " a5, " + imm + "(sp)"; expect = Isa.encode(op, 15, 2, 0, imm); break;
                case Isa.F_STORE: line = m + " a5, " + imm + "(fp)"; expect = Isa.encode(op, 0, 4, 15, imm); break;
                case Isa.F_BRANCH: line = "x: nop\n" + m + " a0, a1, x"; expect = Isa.encode(op, 0, 10, 11, -8); break;
                case Isa.F_RTARGET: line = m + " a2, y\nnop\ny: nop"; expect = Isa.encode(op, 12, 0, 0, 16); break;
                case Isa.F_ATOMIC: line = m + " a0, a1, 16(a2)"; expect = Isa.encode(op, 10, 12, 11, 16); break;
                default: throw new AssertionError(m);
            }
            byte[] text = Asm.text(line);
            int at = Isa.format(op) == Isa.F_BRANCH ? 8 : 0;
            assertEquals(expect, Disassembler.word(text, at), "for " + line);
            checked++;
        }
        assertEquals(true, checked > 80, "every opcode was checked: " + checked);
    }

    @Test
    void mnemonicsAreCaseInsensitiveButRegistersAreNot() {
        assertEquals(Isa.encode(Isa.ADD, 10, 11, 12, 0), Asm.word("ADD a0, a1, a2"));
    }

    @Test
    void registerAliasesAndNumberedNames() {
        assertEquals(Isa.encode(Isa.ADD, 4, 4, 31, 0), Asm.word("add fp, s0, r31"));
        assertEquals(Isa.encode(Isa.ADD, 0, 1, 2, 0), Asm.word("add zero, ra, sp"));
    }

    @Test
    void memoryOperandWithoutOffsetAndWithExpressionOffset() {
        assertEquals(Isa.encode(Isa.LW, 10, 2, 0, 0), Asm.word("lw a0, (sp)"));
        assertEquals(Isa.encode(Isa.LW, 10, 2, 0, 24), Asm.word("lw a0, (4+4)*3(sp)"));
    }

    @Test
    void shiftCountsUpToTheWidth() {
        assertEquals(Isa.encode(Isa.SLLI, 10, 10, 0, 63), Asm.word("slli a0, a0, 63"));
        assertEquals(Isa.encode(Isa.SRAIW, 10, 10, 0, 31), Asm.word("sraiw a0, a0, 31"));
    }

    @Test
    void immediateExtremesOfTheSigned32BitField() {
        assertEquals(Isa.encode(Isa.ADDI, 10, 10, 0, Integer.MIN_VALUE), Asm.word("addi a0, a0, -2147483648"));
        assertEquals(Isa.encode(Isa.ADDI, 10, 10, 0, Integer.MAX_VALUE), Asm.word("addi a0, a0, 0x7fffffff"));
    }
}
