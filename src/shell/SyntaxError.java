package shell;

/** A command line that does not parse; the message is the one line the user sees. */
final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
        super(message, null, false, false);
    }
}
