package cc;

import diag.Diagnostic;
import diag.Diagnostics;

/**
 * Reports a diagnostic at a token: the token's file, line and column, with the line of
 * source it came from so that the message shows a caret under it.
 */
final class PpDiag {
    private PpDiag() {
    }

    /** Records an error at {@code t}. */
    static void error(Diagnostics diags, Token t, String message) {
        report(diags, Diagnostic.Severity.ERROR, t, message);
    }

    /** Records a fatal error at {@code t}: the compilation stops after it. */
    static void fatal(Diagnostics diags, Token t, String message) {
        report(diags, Diagnostic.Severity.FATAL, t, message);
    }

    /** Records a warning at {@code t}. */
    static void warning(Diagnostics diags, Token t, String message) {
        report(diags, Diagnostic.Severity.WARNING, t, message);
    }

    static void report(Diagnostics diags, Diagnostic.Severity severity, Token t, String message) {
        diags.add(new Diagnostic(t.file, t.line, t.column, severity, message, sourceLine(t.source, t.line)));
    }

    /** Line {@code line} (1-based) of {@code source} without its terminator, or null. */
    static String sourceLine(String source, int line) {
        if (source == null || line < 1) return null;
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = nextLineStart(source, start);
            if (nl < 0) return null;
            start = nl;
        }
        int end = start;
        while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') end++;
        return source.substring(start, end);
    }

    private static int nextLineStart(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') return i + 1;
            if (c == '\r') return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        }
        return -1;
    }
}
