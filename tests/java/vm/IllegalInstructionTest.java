package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/** Encodings the machine refuses: they trap ILLEGAL_INSTRUCTION at the instruction, with no effect. */
class IllegalInstructionTest {

    static Trap run(long word) {
        Machine m = new Machine().code(word);
        m.set(A0, 1234);
        Trap t = m.runTrap();
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, t.cause(), () -> Long.toHexString(word));
        assertEquals(Machine.CODE, t.pc());
        assertEquals(Machine.CODE, m.cpu.pc());
        assertEquals(word, t.instruction());
        assertEquals(1234, m.reg(A0));
        assertEquals(0, m.cpu.retired());
        return t;
    }

    @Test
    void opcodeZeroIsIllegalSoZeroedMemoryTrapsAtOnce() {
        run(0);
        run(encode(0, A0, 0, 0, 0));
    }

    @Test
    void undefinedOpcodesAreIllegal() {
        run(encode(0x05, 0, 0, 0, 0));
        run(encode(0x23, A0, A0, A0, 0));      // between mulw and divw
        run(encode(0x87, A0, A0, 0, 0));       // between lwu and sb
        run(encode(0xFF, 0, 0, 0, 0));
    }

    @Test
    void unusedFloatingPointOpcodesAndFieldsAreIllegal() {
        run(encode(0xD6, A0, A0, A0, 0));
        run(encode(0xD7, A0, A0, A0, 0));
        run(encode(FADDD, A0, A0, A0, 8));      // fadd.d has no immediate
        run(encode(FSQRTD, A0, A0, A1, 0));     // unary has no rs2
    }

    @Test
    void nonZeroUnusedFieldIsIllegal() {
        run(encode(ADD, A0, A0, A0, 1));        // add has no immediate
        run(encode(SYSCALL, A0, 0, 0, 0));      // syscall has no operands
        run(encode(NOP, 0, 0, 0, 7));
        run(encode(ADDI, A0, A0, A1, 1));       // addi has no rs2
        run(encode(LI, A0, A1, 0, 1));          // li has no rs1
        run(encode(NEG, A0, A1, A2, 0));        // unary has no rs2
        run(encode(SD, A0, A1, A2, 0));         // stores have no rd
        run(encode(BEQ, A0, A1, A2, 8));        // branches have no rd
        run(encode(JAL, A0, A1, 0, 8));         // jal has no rs1
    }

    @Test
    void registerFieldOf32OrMoreIsIllegal() {
        run(encode(ADD, 32, A0, A0, 0));
        run(encode(ADD, A0, 33, A0, 0));
        run(encode(ADD, A0, A0, 255, 0));
        run(encode(LD, A0, 64, 0, 0));
        run(encode(CASD, A0, A1, 128, 0));
    }

    @Test
    void everyDefinedOpcodeWithCleanFieldsIsLegal() {
        for (int op = 0; op < 256; op++) {
            if (isDefined(op)) assertEquals(true, isLegal(encode(op, 0, 0, 0, 0)), mnemonic(op));
        }
    }
}
