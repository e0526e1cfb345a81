package asm;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed input gives clang-style messages with the exact line, column and caret. */
class ErrorMessageTest {
    /** Asserts the full rendering of a source with exactly one error. */
    private static void error(String source, String expected) {
        assertEquals(expected + "1 error generated.\n", Asm.errors(source));
    }

    @Test
    void unknownMnemonicWithSuggestion() {
        error("nop\n  addd a0, a0, 1\n",
              "t.s:2:3: error: unknown instruction 'addd'; did you mean 'add'?\n  addd a0, a0, 1\n  ^\n");
    }

    @Test
    void unknownRegister() {
        error("    add a0, a9, a1", "t.s:1:13: error: unknown register 'a9'\n    add a0, a9, a1\n            ^\n");
        error("ld a0, 8(a9)", "t.s:1:10: error: unknown register 'a9'\nld a0, 8(a9)\n         ^\n");
    }

    @Test
    void wrongOperandCount() {
        error("add a0, a1", "t.s:1:1: error: 'add' expects 3 operands (rd, rs1, rs2), but 2 were given\nadd a0, a1\n^\n");
        error("ret a0", "t.s:1:5: error: 'ret' takes no operands, but 1 was given\nret a0\n    ^\n");
    }

    @Test
    void badNumber() {
        error("li a0, 0x1g", "t.s:1:8: error: invalid digit 'g' in hexadecimal number '0x1g'\nli a0, 0x1g\n       ^\n");
        error("li a0, 09", "t.s:1:8: error: invalid digit '9' in octal number '09'\nli a0, 09\n       ^\n");
        error(".quad 99999999999999999999", "t.s:1:7: error: number '99999999999999999999' does not fit in 64 bits\n"
                + ".quad 99999999999999999999\n      ^\n");
    }

    @Test
    void immediateOutOfRange() {
        error("addi a0, a0, 0x80000000", "t.s:1:14: error: immediate 2147483648 does not fit in a signed 32-bit field"
                + " (-2147483648..2147483647)\naddi a0, a0, 0x80000000\n             ^\n");
    }

    @Test
    void shiftCountOutOfRange() {
        error("slliw a0, a0, 32", "t.s:1:15: error: shift count 32 is out of range 0..31\nslliw a0, a0, 32\n              ^\n");
    }

    @Test
    void byteOutOfRange() {
        error(".data\n.byte 1, 256", "t.s:2:10: error: '.byte' value 256 is out of range (-128..255)\n.byte 1, 256\n         ^\n");
    }

    @Test
    void undefinedConstants() {
        error(".zero N", "t.s:1:7: error: 'N' is not defined above this line (the size must be known here)\n.zero N\n      ^\n");
        error(".data\n.byte UNDEF", "t.s:2:7: error: undefined symbol 'UNDEF' (a '.byte' value must be a constant)\n.byte UNDEF\n      ^\n");
        error(".equ X, Y + 1", "t.s:1:9: error: 'Y' is not defined above this line (an .equ can only use symbols defined before it)\n"
                + ".equ X, Y + 1\n        ^\n");
    }

    @Test
    void duplicateLabel() {
        error("x: nop\n\tx: nop", "t.s:2:2: error: symbol 'x' is already defined (first defined at line 1, column 1)\n\tx: nop\n\t^\n");
    }

    @Test
    void unterminatedStringAndComment() {
        error(".ascii \"abc", "t.s:1:8: error: unterminated string\n.ascii \"abc\n       ^\n");
        error("nop\n/* open", "t.s:2:1: error: unterminated /* comment\n/* open\n^\n");
    }

    @Test
    void badDirective() {
        error(".wrod 1", "t.s:1:1: error: unknown directive '.wrod'; did you mean '.word'?\n.wrod 1\n^\n");
        error(".align 3", "t.s:1:8: error: alignment 3 is not a power of two\n.align 3\n       ^\n");
    }

    @Test
    void syntaxErrors() {
        error("add a0, a1 a2", "t.s:1:12: error: expected ',' or end of line, found 'a2'\nadd a0, a1 a2\n           ^\n");
        error("add a0,, a1", "t.s:1:8: error: expected an operand, found ','\nadd a0,, a1\n       ^\n");
        error("li a0, (1 + 2", "t.s:1:14: error: expected ')', found end of line\nli a0, (1 + 2\n             ^\n");
        error("nop ; nop", "t.s:1:5: error: unexpected character ';'\nnop ; nop\n    ^\n");
    }

    @Test
    void misplacedStatements() {
        error(".data\nnop", "t.s:2:1: error: instructions belong in .text, not in .data\nnop\n^\n");
        error(".bss\n.word 1", "t.s:2:1: error: '.word' in .bss: .bss holds no bytes, reserve space with .zero instead\n.word 1\n^\n");
        error(".byte 1\nnop", "t.s:2:1: error: instruction at offset 1 is not 8-byte aligned; add '.align 8' before it\nnop\n^\n");
    }

    @Test
    void wideLiOfAConstantDefinedLater() {
        error("li a0, BIG\n.equ BIG, 1 << 40", "t.s:1:8: error: 'li' of 1099511627776 needs two instructions, but its value"
                + " is only known further down; define the constant before this line\nli a0, BIG\n       ^\n");
    }

    @Test
    void severalErrorsInOneRunInLineOrder() {
        CompileException e = assertThrows(CompileException.class, () -> Assembler.assemble("multi.s",
                "frob\nadd a0, a1\n\"x\"\nli a0, 0x\nnop\n.byte 300\n"));
        assertEquals(5, e.errorCount());
        int[] lines = e.diagnostics().stream().mapToInt(Diagnostic::line).toArray();
        assertEquals("[1, 2, 3, 4, 6]", java.util.Arrays.toString(lines));
        assertTrue(e.render().endsWith("5 errors generated.\n"));
        assertTrue(e.getMessage().startsWith("multi.s:1:1: error: unknown instruction 'frob'"));
    }

    @Test
    void stopsAfterTwentyErrors() {
        CompileException e = assertThrows(CompileException.class, () -> Assembler.assemble("t.s", "frob\n".repeat(100)));
        assertEquals(20, e.errorCount());
        assertTrue(e.render().contains("note: too many errors emitted (20), stopping now"));
    }

    @Test
    void anErrorInPass2DoesNotShiftLaterLabels() {
        // The bad .byte is dropped in pass 2 but its bytes still count, so only one error appears.
        String r = Asm.errors(".data\na: .byte 1, far\n.text\nbeq a0, a1, b\n.align 8\nb: nop\n.data\n.equ far, 1000");
        assertEquals(1, r.split("error:").length - 1, r);
    }
}
