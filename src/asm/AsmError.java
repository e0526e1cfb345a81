package asm;

/**
 * A mistake found in one statement, with the line and column to blame.
 *
 * <p>Stages throw it to abandon the statement they are working on; the driver catches it,
 * turns it into a {@link diag.Diagnostic} and carries on with the next line, so one run
 * reports many mistakes. It never leaves the {@code asm} package.
 */
final class AsmError extends RuntimeException {
    final int line;
    final int col;

    AsmError(int line, int col, String message) {
        super(message, null, false, false);
        this.line = line;
        this.col = col;
    }

    /** An error pointing at token {@code t}. */
    AsmError(Token t, String message) {
        this(t.line, t.col, message);
    }
}
