package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;
import static vm.Machine.rr;
import static vm.Machine.rri;
import static vm.Machine.rrr;
import static vm.Machine.rrrTrap;

import org.junit.jupiter.api.Test;

/** Register-register, unary and immediate integer instructions, with their edge cases. */
class AluInstructionTest {
    static final long MIN = Long.MIN_VALUE, MAX = Long.MAX_VALUE;
    static final long IMIN = Integer.MIN_VALUE;

    @Test
    void addAndSubWrapAround() {
        assertEquals(MIN, rrr(ADD, MAX, 1));
        assertEquals(-2, rrr(ADD, -1, -1));
        assertEquals(MAX, rrr(SUB, MIN, 1));
        assertEquals(-5, rrr(SUB, 3, 8));
    }

    @Test
    void mulKeepsLow64Bits() {
        assertEquals(0, rrr(MUL, 1L << 32, 1L << 32));
        assertEquals(-15, rrr(MUL, -3, 5));
        assertEquals(MIN, rrr(MUL, MIN, -1));
    }

    @Test
    void mulhIsSignedHighHalf() {
        assertEquals(0x3FFF_FFFF_FFFF_FFFFL, rrr(MULH, MAX, MAX));
        assertEquals(-1, rrr(MULH, -1, 1));
        assertEquals(0x4000_0000_0000_0000L, rrr(MULH, MIN, MIN));
        assertEquals(0, rrr(MULH, 1L << 31, 1L << 32));
    }

    @Test
    void mulhuIsUnsignedHighHalf() {
        assertEquals(-2, rrr(MULHU, -1, -1));
        assertEquals(1, rrr(MULHU, MIN, 2));
        assertEquals(0, rrr(MULHU, 5, 7));
        assertEquals(MAX, rrr(MULHU, MIN, -1));
    }

    @Test
    void signedDivisionRoundsTowardZeroAndRemainderHasDividendSign() {
        assertEquals(-3, rrr(DIV, -7, 2));
        assertEquals(-1, rrr(REM, -7, 2));
        assertEquals(-3, rrr(DIV, 7, -2));
        assertEquals(1, rrr(REM, 7, -2));
        assertEquals(MIN, rrr(DIV, MIN, 1));
        assertEquals(0, rrr(REM, MIN, 1));
    }

    @Test
    void unsignedDivisionTreatsOperandsAsUnsigned() {
        assertEquals(MAX, rrr(DIVU, -1, 2));
        assertEquals(5, rrr(REMU, -1, 10));
        assertEquals(0, rrr(DIVU, 5, -1));
        assertEquals(5, rrr(REMU, 5, -1));
    }

    @Test
    void divisionByZeroTraps() {
        for (int op : new int[] {DIV, DIVU, REM, REMU}) {
            Trap t = rrrTrap(op, 42, 0);
            assertEquals(TrapCause.DIVIDE_ERROR, t.cause(), mnemonic(op));
            assertEquals(Machine.CODE, t.pc());
        }
    }

    @Test
    void longMinDividedOrModuloMinusOneTraps() {
        assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(DIV, MIN, -1).cause());
        assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(REM, MIN, -1).cause());
        // Unsigned division has no overflow case.
        assertEquals(0, rrr(DIVU, MIN, -1));
        assertEquals(MIN, rrr(REMU, MIN, -1));
    }

    @Test
    void wordDivisionUsesLowHalvesAndSignExtends() {
        assertEquals(3, rrr(DIVW, 0x1_0000_0007L, 2));
        assertEquals(-4, rrr(DIVW, -8, 2));
        assertEquals(-1, rrr(REMW, -7, 0x7_0000_0002L));
        assertEquals(-1, rrr(DIVUW, 0xFFFF_FFFFL, 1));
        assertEquals(0xFFFF_FFFF_8000_0000L, rrr(DIVUW, 0x8000_0000L, 1));
        assertEquals(0x7FFF_FFFF, rrr(DIVUW, -1, 2));
        assertEquals(5, rrr(REMUW, 0xFFFF_FFFFL, 10));
        assertEquals(-2, rrr(REMUW, 0xFFFF_FFFEL, 0xFFFF_FFFFL));
    }

    @Test
    void wordDivisionByZeroLowHalfTrapsEvenIfHighHalfIsNot() {
        for (int op : new int[] {DIVW, DIVUW, REMW, REMUW}) {
            assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(op, 42, 0x1_0000_0000L).cause(), mnemonic(op));
        }
    }

    @Test
    void intMinDividedOrModuloMinusOneTraps() {
        assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(DIVW, IMIN, -1).cause());
        assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(REMW, IMIN, -1).cause());
        assertEquals(TrapCause.DIVIDE_ERROR, rrrTrap(DIVW, 0x5_8000_0000L, 0xFFFF_FFFFL).cause());
        assertEquals(0, rrr(DIVUW, IMIN, -1));
    }

    @Test
    void bitwiseOperations() {
        assertEquals(0b1000, rrr(AND, 0b1100, 0b1010));
        assertEquals(0b1110, rrr(OR, 0b1100, 0b1010));
        assertEquals(0b0110, rrr(XOR, 0b1100, 0b1010));
    }

    @Test
    void shiftCountsAreMaskedToSixBits() {
        assertEquals(2, rrr(SLL, 1, 65));
        assertEquals(7, rrr(SLL, 7, 64));
        assertEquals(MIN, rrr(SLL, 1, 63));
        assertEquals(1, rrr(SRL, MIN, 63));
        assertEquals(MIN >>> 1, rrr(SRL, MIN, 129));
        assertEquals(-1, rrr(SRA, MIN, 63));
        assertEquals(MIN, rrr(SRA, MIN, 64));
        assertEquals(-4, rrr(SRA, -16, -62)); // -62 & 63 = 2
    }

    @Test
    void wordArithmeticSignExtends() {
        assertEquals(0xFFFF_FFFF_8000_0000L, rrr(ADDW, 0x7FFF_FFFF, 1));
        assertEquals(0x7FFF_FFFF, rrr(SUBW, IMIN, 1));
        assertEquals(5, rrr(ADDW, 0x1234_0000_0002L, 0x5678_0000_0003L));
        assertEquals(0, rrr(MULW, 0x10000, 0x10000));
        assertEquals(IMIN, rrr(MULW, 0x4000_0000, 2));
    }

    @Test
    void wordShiftsMaskToFiveBitsAndSignExtend() {
        assertEquals(IMIN, rrr(SLLW, 1, 31));
        assertEquals(0xFFFF_FFFF_8765_4321L, rrr(SLLW, 0x1_8765_4321L, 32));
        assertEquals(2, rrr(SLLW, 1, 33));
        assertEquals(0x0800_0000, rrr(SRLW, 0xFFFF_FFFF_8000_0000L, 4));
        assertEquals(IMIN, rrr(SRLW, 0x8000_0000L, 0));
        assertEquals(1, rrr(SRLW, 0x8000_0000L, 31));
        assertEquals(0xFFFF_FFFF_F800_0000L, rrr(SRAW, 0x8000_0000L, 4));
        assertEquals(-1, rrr(SRAW, 0x8000_0000L, 63)); // 63 & 31 = 31
    }

    @Test
    void comparisonsSignedAndUnsigned() {
        assertEquals(1, rrr(SEQ, 5, 5));
        assertEquals(0, rrr(SEQ, 5, 6));
        assertEquals(1, rrr(SNE, 5, 6));
        assertEquals(1, rrr(SLT, -1, 1));
        assertEquals(0, rrr(SLTU, -1, 1));
        assertEquals(1, rrr(SLTU, 1, -1));
        assertEquals(1, rrr(SLE, 3, 3));
        assertEquals(0, rrr(SLE, 4, 3));
        assertEquals(1, rrr(SLEU, 3, 3));
        assertEquals(0, rrr(SLEU, -1, 3));
        assertEquals(1, rrr(SLEU, 3, -1));
    }

    @Test
    void unaryOperations() {
        assertEquals(~0x1234L, rr(NOT, 0x1234));
        assertEquals(-7, rr(NEG, 7));
        assertEquals(MIN, rr(NEG, MIN));
        assertEquals(-128, rr(SEXTB, 0x1280));
        assertEquals(0x7F, rr(SEXTB, 0x7F));
        assertEquals(-32768, rr(SEXTH, 0xF_8000));
        assertEquals(IMIN, rr(SEXTW, 0x1_8000_0000L));
        assertEquals(0xFF, rr(ZEXTB, -1));
        assertEquals(0xFFFF, rr(ZEXTH, -1));
        assertEquals(0xFFFF_FFFFL, rr(ZEXTW, -1));
    }

    @Test
    void immediateOperationsUseTheSignExtendedImmediate() {
        assertEquals(-1, rri(ADDI, 0, -1));
        assertEquals(MIN, rri(ADDI, MAX, 1));
        assertEquals(-21, rri(MULI, 7, -3));
        assertEquals(0x1234_5678_9ABC_DEF0L, rri(ANDI, 0x1234_5678_9ABC_DEF0L, -1));
        assertEquals(0xF0, rri(ANDI, 0x1234_5678_9ABC_DEF0L, 0xFF));
        assertEquals(-1, rri(ORI, 0, -1));
        assertEquals(~5L, rri(XORI, 5, -1));
        assertEquals(0xFFFF_FFFF_8000_0000L, rri(ADDIW, 0x7FFF_FFFF, 1));
        assertEquals(3, rri(ADDIW, 0x1_0000_0002L, 1));
    }

    @Test
    void immediateShiftCountsAreMasked() {
        assertEquals(2, rri(SLLI, 1, 65));
        assertEquals(1, rri(SRLI, MIN, 63));
        assertEquals(-1, rri(SRAI, MIN, 127));
        assertEquals(IMIN, rri(SLLIW, 1, 63));
        assertEquals(0x7FFF_FFFF, rri(SRLIW, -1, 33));
        assertEquals(-1, rri(SRAIW, 0x8000_0000L, 31));
        assertEquals(0x4000_0000, rri(SRLIW, 0x8000_0000L, 1));
    }

    @Test
    void immediateComparisons() {
        assertEquals(1, rri(SEQI, -5, -5));
        assertEquals(1, rri(SNEI, 5, -5));
        assertEquals(1, rri(SLTI, -6, -5));
        assertEquals(0, rri(SLTI, -5, -5));
        assertEquals(1, rri(SLEI, -5, -5));
        // sltiu/sleiu compare unsigned against the sign-extended immediate: -1 is 2^64 - 1.
        assertEquals(1, rri(SLTIU, 5, -1));
        assertEquals(0, rri(SLTIU, -1, -1));
        assertEquals(1, rri(SLEIU, -1, -1));
        assertEquals(0, rri(SLEIU, -1, 5));
        assertEquals(1, rri(SLTIU, 0, 1)); // the C idiom for "x == 0"
    }

    @Test
    void liSignExtendsAndLihSetsTheHighHalf() {
        Machine m = new Machine().code(
                encode(LI, A0, 0, 0, -2),
                encode(LI, A1, 0, 0, 0x9ABC_DEF0),
                encode(LIH, A1, 0, 0, 0x1234_5678),
                encode(LI, A2, 0, 0, -1),
                encode(LIH, A2, 0, 0, 0),
                encode(LI, A3, 0, 0, 5),
                encode(LIH, A3, 0, 0, -1));
        m.runClean(7);
        assertEquals(-2, m.reg(A0));
        assertEquals(0x1234_5678_9ABC_DEF0L, m.reg(A1));
        assertEquals(0xFFFF_FFFFL, m.reg(A2));
        assertEquals(0xFFFF_FFFF_0000_0005L, m.reg(A3));
    }

    @Test
    void addpcAddsToTheAddressOfItself() {
        Machine m = new Machine().code(encode(NOP, 0, 0, 0, 0), encode(ADDPC, A0, 0, 0, -8), encode(ADDPC, A1, 0, 0, 0x1000));
        m.runClean(3);
        assertEquals(Machine.CODE, m.reg(A0));
        assertEquals(Machine.CODE + 16 + 0x1000, m.reg(A1));
    }

    @Test
    void writesToRegisterZeroAreDiscarded() {
        Machine m = new Machine().code(
                encode(LI, ZERO, 0, 0, 5),
                encode(ADDI, A0, ZERO, 0, 0),
                encode(ADDI, ZERO, ZERO, 0, 1),
                encode(ADD, A1, ZERO, ZERO, 0));
        m.runClean(4);
        assertEquals(0, m.reg(A0));
        assertEquals(0, m.reg(A1));
        assertEquals(0, m.reg(ZERO));
        m.cpu.setReg(ZERO, 99);
        assertEquals(0, m.reg(ZERO));
    }

    @Test
    void fenceAndNopChangeNothingButThePc() {
        Machine m = new Machine().code(encode(FENCE, 0, 0, 0, 0), encode(NOP, 0, 0, 0, 0));
        m.set(A0, 77);
        m.runClean(2);
        assertEquals(77, m.reg(A0));
        assertEquals(Machine.CODE + 16, m.cpu.pc());
    }
}
