package lab;

import java.util.List;

/**
 * A bounded, unified-diff-like excerpt of how an output differs from the expected one: the
 * lines common to both ends are skipped, a few are kept around the change as context, then
 * the expected lines of the change ({@code -}) and the lines that came instead
 * ({@code +}), at most {@link #MAX_LINES} of each. Enough to see the first difference,
 * never a page.
 */
final class OutputDiff {
    static final int CONTEXT = 2;
    static final int MAX_LINES = 10;

    private OutputDiff() {}

    /** The excerpt; {@code expected} and {@code actual} differ. */
    static String excerpt(List<String> expected, List<String> actual) {
        int prefix = 0;
        while (prefix < expected.size() && prefix < actual.size() && expected.get(prefix).equals(actual.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < expected.size() - prefix && suffix < actual.size() - prefix
                && expected.get(expected.size() - 1 - suffix).equals(actual.get(actual.size() - 1 - suffix))) suffix++;
        StringBuilder s = new StringBuilder("--- expected\n+++ actual\n");
        int from = Math.max(0, prefix - CONTEXT);
        s.append("@@ line ").append(prefix + 1).append(" @@\n");
        for (int i = from; i < prefix; i++) s.append("  ").append(Verdict.clip(expected.get(i))).append('\n');
        lines(s, '-', expected.subList(prefix, expected.size() - suffix));
        lines(s, '+', actual.subList(prefix, actual.size() - suffix));
        int after = expected.size() - suffix;
        for (int i = after; i < Math.min(expected.size(), after + CONTEXT); i++) {
            s.append("  ").append(Verdict.clip(expected.get(i))).append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static void lines(StringBuilder s, char sign, List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) s.append(sign).append(Verdict.clip(lines.get(i))).append('\n');
        if (lines.size() > MAX_LINES) s.append(sign).append(" ... ").append(lines.size() - MAX_LINES).append(" more lines\n");
    }
}
