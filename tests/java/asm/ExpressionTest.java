package asm;

import org.junit.jupiter.api.Test;
import vm.Isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Integer literals and constant expressions. */
class ExpressionTest {
    private static long value(String expr) {
        return Isa.imm(Asm.word("li a0, " + expr));
    }

    @Test
    void literalsInEveryBase() {
        assertEquals(42, value("42"));
        assertEquals(42, value("0x2a"));
        assertEquals(42, value("0X2A"));
        assertEquals(42, value("0o52"));
        assertEquals(42, value("052"));
        assertEquals(42, value("0b101010"));
        assertEquals(0, value("0"));
        assertEquals(-42, value("-42"));
        assertEquals('a', value("'a'"));
        assertEquals('\n', value("'\\n'"));
        assertEquals(0x41, value("'\\x41'"));
    }

    @Test
    void operatorsFollowCPrecedence() {
        assertEquals(14, value("2 + 3 * 4"));
        assertEquals(20, value("(2 + 3) * 4"));
        assertEquals(1 << 4, value("1 << 2 + 2"));
        assertEquals(6 | 1 & 3, value("6 | 1 & 3"));
        assertEquals(5 ^ 3, value("5 ^ 3"));
        assertEquals(-8 >> 1, value("-8 >> 1"));
        assertEquals(7 / 2, value("7 / 2"));
        assertEquals(-7 % 3, value("-7 % 3"));
        assertEquals(~5, value("~5"));
        assertEquals(-(-3), value("- -3"));
        assertEquals(10 - 2 - 3, value("10 - 2 - 3"));
    }

    @Test
    void hexLiteralOfAll64BitsIsMinusOne() {
        assertEquals(Isa.encode(Isa.LI, 10, 0, 0, -1), Asm.word("li a0, 0xffffffffffffffff"));
    }

    @Test
    void locationCounterAndLabelArithmetic() {
        byte[] t = Asm.text("start: nop\nnop\nli a0, . - start\nli a1, end - start\nend:");
        assertEquals(16, Isa.imm(Disassembler.word(t, 16)));
        assertEquals(32, Isa.imm(Disassembler.word(t, 24)));
    }

    @Test
    void branchToLocationCounterOffsets() {
        byte[] t = Asm.text("j .\nbeq a0, a1, .+16\nj .-16");
        assertEquals(0, Isa.imm(Disassembler.word(t, 0)));
        assertEquals(16, Isa.imm(Disassembler.word(t, 8)));
        assertEquals(-16, Isa.imm(Disassembler.word(t, 16)));
    }
}
