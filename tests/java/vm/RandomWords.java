package vm;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Random instruction words for the fuzzers: mostly defined opcodes with their unused fields
 * cleared (so most words are legal and do something), sometimes an undefined opcode or a
 * stray bit in a must-be-zero field, with immediates that are small, page-sized or taken
 * from the caller's operands.
 */
public final class RandomWords {
    private RandomWords() {}

    /** One instruction word; {@code operand} supplies interesting values for immediates. */
    public static long word(Random r, LongSupplier operand) {
        int op;
        do op = r.nextInt(256); while (r.nextInt(10) != 0 && !Isa.isDefined(op));
        int imm = r.nextBoolean() ? r.nextInt(33) - 16 : r.nextBoolean() ? (int) operand.getAsLong() : r.nextInt(8192) - 4096;
        long w = Isa.encode(op, r.nextInt(32), r.nextInt(32), r.nextInt(32), imm);
        // Usually clear the fields the opcode does not use, so most words are legal.
        if (r.nextInt(8) != 0 && Isa.isDefined(op)) w &= ~Isa.mustBeZero(op);
        if (r.nextInt(50) == 0) w |= (long) (32 + r.nextInt(224)) << (8 * (1 + r.nextInt(3)));
        return w;
    }
}
