package diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the diagnostics of one compilation so that a run can report many mistakes at
 * once instead of stopping at the first.
 *
 * <p>After {@link #limit()} errors the collector adds one final note and ignores further
 * reports; callers check {@link #shouldStop()} to stop early. Warnings and notes do not
 * count towards the limit.
 */
public final class Diagnostics {
    /** The default number of errors after which a compilation gives up. */
    public static final int DEFAULT_LIMIT = 20;

    private final int limit;
    private final List<Diagnostic> list = new ArrayList<>();
    private int errors;
    private boolean stopped;

    /** A collector that gives up after {@link #DEFAULT_LIMIT} errors. */
    public Diagnostics() {
        this(DEFAULT_LIMIT);
    }

    /** A collector that gives up after {@code limit} errors (at least 1). */
    public Diagnostics(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** The error limit. */
    public int limit() {
        return limit;
    }

    /** Records a diagnostic at {@code line:column} of {@code file}, showing that source line. */
    public void report(Diagnostic.Severity severity, SourceFile file, int line, int column, String message) {
        add(new Diagnostic(file.name(), line, column, severity, message, file.line(line)));
    }

    /** Records an error at {@code line:column} of {@code file}. */
    public void error(SourceFile file, int line, int column, String message) {
        report(Diagnostic.Severity.ERROR, file, line, column, message);
    }

    /** Records a warning at {@code line:column} of {@code file}. */
    public void warning(SourceFile file, int line, int column, String message) {
        report(Diagnostic.Severity.WARNING, file, line, column, message);
    }

    /** Records a note at {@code line:column} of {@code file}. */
    public void note(SourceFile file, int line, int column, String message) {
        report(Diagnostic.Severity.NOTE, file, line, column, message);
    }

    /** Records a ready-made diagnostic (for instance one without a position). */
    public void add(Diagnostic d) {
        if (stopped) return;
        list.add(d);
        if (d.severity() == Diagnostic.Severity.FATAL) {
            errors++;
            stopped = true; // nothing after a fatal error would be worth reading
        } else if (d.severity().isError() && ++errors >= limit) {
            stopped = true;
            list.add(new Diagnostic(d.file(), 0, 0, Diagnostic.Severity.NOTE,
                    "too many errors emitted (" + limit + "), stopping now", null));
        }
    }

    /**
     * Orders the diagnostics by line and column, keeping the order of those at the same place
     * and putting those without a position last. For a single-file tool whose stages
     * report in several sweeps (a lexer, then two passes) this gives the reader one ordered
     * list.
     */
    public void sortByPosition() {
        list.sort((a, b) -> {
            if (a.line() <= 0 || b.line() <= 0) return Boolean.compare(a.line() <= 0, b.line() <= 0);
            return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
        });
    }

    /** True once a fatal error or the error limit has been reached: the caller should stop compiling. */
    public boolean shouldStop() {
        return stopped;
    }

    /** True if at least one error was reported. */
    public boolean hasErrors() {
        return errors > 0;
    }

    /** Number of errors reported (not counting warnings and notes). */
    public int errorCount() {
        return errors;
    }

    /** Everything reported, in order. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }

    /** Throws a {@link CompileException} carrying every diagnostic if any error was reported. */
    public void throwIfErrors() throws CompileException {
        if (hasErrors()) throw new CompileException(list);
    }
}
