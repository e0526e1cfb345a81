package diag;

import java.util.List;

/**
 * A compilation failed: carries every diagnostic reported, errors and the warnings and notes
 * around them. {@link #render()} is what a command-line tool prints.
 */
public final class CompileException extends Exception {
    private final List<Diagnostic> diagnostics;

    /** Wraps the diagnostics of a failed compilation; the list should hold at least one error. */
    public CompileException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "compilation failed" : diagnostics.get(0).toString());
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A failure with a single error and no position, e.g. a file that cannot be read. */
    public static CompileException of(String file, String message) {
        return new CompileException(List.of(new Diagnostic(file, 0, 0, Diagnostic.Severity.ERROR, message, null)));
    }

    /** The diagnostics, in the order they were reported. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Number of errors among the diagnostics. */
    public int errorCount() {
        return (int) diagnostics.stream().filter(d -> d.severity().isError()).count();
    }

    /**
     * Every diagnostic rendered with its source line and caret, followed by a summary line
     * such as "2 errors generated." as clang prints it.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) sb.append(d.render());
        int n = errorCount();
        sb.append(n).append(n == 1 ? " error" : " errors").append(" generated.\n");
        return sb.toString();
    }
}
