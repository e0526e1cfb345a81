package cc;

/**
 * Copying and zeroing blocks of memory (struct assignment, struct arguments and results,
 * brace initialisers): unrolled 8-byte moves and then single bytes, or a loop for a big
 * block, so that the code stays small whatever the size of the object. They use t0, t1, t4
 * and t5 only, so no value on the register stack (nor t2 and t3, which calls use to pass
 * addresses here) is disturbed.
 */
final class BlockMoves {
    private BlockMoves() {}

    /** Blocks larger than this are moved by a loop rather than unrolled. */
    private static final int UNROLL_LIMIT = 256;

    /** Copies {@code size} bytes from the address in {@code src} to the address in {@code dst}. */
    static void copy(Codegen g, String dst, String src, int size) {
        if (size > UNROLL_LIMIT) {
            String loop = g.label();
            g.emit("mv\tt4, " + src);
            g.emit("mv\tt5, " + dst);
            g.emit("li\tt1, " + (size / 8 * 8));
            g.emit("add\tt1, t1, t4");
            g.emitLabel(loop);
            g.emit("ld\tt0, 0(t4)");
            g.emit("sd\tt0, 0(t5)");
            g.emit("addi\tt4, t4, 8");
            g.emit("addi\tt5, t5, 8");
            g.emit("bltu\tt4, t1, " + loop);
            for (int i = 0; i < size % 8; i++) {
                g.emit("lbu\tt0, " + i + "(t4)");
                g.emit("sb\tt0, " + i + "(t5)");
            }
            return;
        }
        int i = 0;
        for (; i + 8 <= size; i += 8) {
            g.emit("ld\tt0, " + i + "(" + src + ")");
            g.emit("sd\tt0, " + i + "(" + dst + ")");
        }
        for (; i < size; i++) {
            g.emit("lbu\tt0, " + i + "(" + src + ")");
            g.emit("sb\tt0, " + i + "(" + dst + ")");
        }
    }

    /** Fills {@code size} bytes at the address in {@code addr} with zeros. */
    static void zero(Codegen g, String addr, int size) {
        if (size > UNROLL_LIMIT) {
            String loop = g.label();
            g.emit("mv\tt0, " + addr);
            g.emit("li\tt1, " + (size / 8 * 8));
            g.emit("add\tt1, t1, " + addr);
            g.emitLabel(loop);
            g.emit("sd\tzero, 0(t0)");
            g.emit("addi\tt0, t0, 8");
            g.emit("bltu\tt0, t1, " + loop);
            for (int i = size / 8 * 8; i < size; i++) g.emit("sb\tzero, " + (i - size / 8 * 8) + "(t1)");
            return;
        }
        int i = 0;
        for (; i + 8 <= size; i += 8) g.emit("sd\tzero, " + i + "(" + addr + ")");
        for (; i < size; i++) g.emit("sb\tzero, " + i + "(" + addr + ")");
    }
}
