package shell;

/**
 * A jump out of the commands running: {@code break N} and {@code continue N} to an
 * enclosing loop, {@code return N} to the function's caller, and an interruption (Ctrl-C
 * during a loop) to the prompt. Thrown by the built-ins, caught by the {@link Interpreter}
 * at the loop, the function call or the top; every level in between restores what it
 * changed in its finally blocks.
 */
final class Control extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { BREAK, CONTINUE, RETURN, INTERRUPT }

    final Kind kind;
    /** For BREAK and CONTINUE, how many loops are left to leave; for RETURN, the status. */
    int value;

    Control(Kind kind, int value) {
        super(null, null, false, false);
        this.kind = kind;
        this.value = value;
    }
}
