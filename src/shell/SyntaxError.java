package shell;

/**
 * Text that does not parse; the message is what the user sees after "sh: " (and, in a
 * script, the file and line). {@code line} counts from 1 in the text given to the parser.
 * An {@link Incomplete} error means the text stopped in the middle of a command (an open
 * quote, {@code if} without {@code fi}, a line ending in {@code |}): more lines may complete it.
 */
class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    SyntaxError(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The text ended before the command did; the message is bash's for a script that ends there. */
    static final class Incomplete extends SyntaxError {
        private static final long serialVersionUID = 1L;

        Incomplete(int line) {
            super("syntax error: unexpected end of file", line);
        }
    }
}
