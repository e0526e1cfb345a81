package cc;

/**
 * Copying and zeroing blocks of memory (struct assignment, struct arguments and results,
 * brace initialisers): unrolled 8-byte moves and then single bytes, or a loop for a big
 * block of zeros. They use t0 and t1 only, so no value on the register stack is disturbed.
 */
final class BlockMoves {
    private BlockMoves() {}

    /** Copies {@code size} bytes from the address in {@code src} to the address in {@code dst}. */
    static void copy(Codegen g, String dst, String src, int size) {
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
        if (size > 256) {
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
