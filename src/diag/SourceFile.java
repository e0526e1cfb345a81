package diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A source text and its name, with the line lookup that diagnostics need.
 *
 * <p>Lines are numbered from 1 and columns from 1, as compilers print them. A line ends at
 * "\n", "\r\n" or a lone "\r"; the terminator is not part of the line's text.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    /** Offset in {@code text} where each line starts; index 0 holds line 1. */
    private final int[] lineStarts;

    /** Wraps {@code text} read from the file called {@code name} (used only in messages). */
    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The file name given at construction. */
    public String name() {
        return name;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** Number of lines; a final line without a terminator counts, an empty last one too. */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of line {@code line} (1-based) without its terminator; "" if out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }

    /** The 1-based line holding character offset {@code offset}. */
    public int lineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** The 1-based column of character offset {@code offset} within its line. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }
}
