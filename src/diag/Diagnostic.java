package diag;

/**
 * One message about a place in a source file, printed the way clang prints it:
 *
 * <pre>
 * hello.s:3:13: error: unknown register 'a9'
 *     add a0, a9, a1
 *             ^
 * </pre>
 *
 * The position is 1-based. A diagnostic with line 0 has no position and renders as
 * {@code file: error: message}; one without a source line renders only its first line.
 */
public final class Diagnostic {
    /**
     * How serious a diagnostic is. Errors and fatal errors make a compilation fail; a fatal
     * error (a missing #include file, as clang calls it) also stops it at once.
     */
    public enum Severity {
        FATAL("fatal error"), ERROR("error"), WARNING("warning"), NOTE("note");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        /** True for the severities that make a compilation fail. */
        public boolean isError() {
            return this == FATAL || this == ERROR;
        }

        /** The words printed in messages: "fatal error", "error", "warning" or "note". */
        public String label() {
            return label;
        }
    }

    private final String file;
    private final int line;
    private final int column;
    private final Severity severity;
    private final String message;
    private final String sourceLine;

    /**
     * A diagnostic at {@code file:line:column}. {@code sourceLine} is the text of that line,
     * shown under the message with a caret; it may be null.
     */
    public Diagnostic(String file, int line, int column, Severity severity, String message, String sourceLine) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.severity = severity;
        this.message = message;
        this.sourceLine = sourceLine;
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public Severity severity() { return severity; }
    public String message() { return message; }
    /** The source line shown under the message, or null. */
    public String sourceLine() { return sourceLine; }

    /** The first line only: {@code file:line:col: severity: message}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(severity.label()).append(": ").append(message).toString();
    }

    /**
     * The full rendering: the first line, then the source line and a caret, each ending in
     * "\n". A control character in the source line (a NUL byte, say) is shown as GCC shows
     * it, "&lt;U+0000&gt;", never raw, and the caret still points at the column.
     */
    public String render() {
        StringBuilder sb = new StringBuilder(toString()).append('\n');
        if (line > 0 && sourceLine != null) {
            StringBuilder pad = new StringBuilder();
            int upTo = Math.min(Math.max(column, 1) - 1, sourceLine.length());
            for (int i = 0; i < sourceLine.length(); i++) {
                char c = sourceLine.charAt(i);
                // Copy tabs so the caret lines up whatever the tab width is.
                String shown = c == '\t' || (c >= 0x20 && c != 0x7f) ? String.valueOf(c) : String.format("<U+%04X>", (int) c);
                sb.append(shown);
                if (i < upTo) pad.append(c == '\t' ? "\t" : " ".repeat(shown.length()));
            }
            sb.append('\n').append(pad);
            for (int i = upTo; i < column - 1; i++) sb.append(' ');
            sb.append("^\n");
        }
        return sb.toString();
    }
}
