package shell;

import fs.Directory;
import fs.FsException;
import fs.FsStruct;
import fs.Inode;
import fs.PathWalker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Patterns: matching a string against {@code * ? [...]} (case patterns, and the names of
 * pathname expansion), and pathname expansion itself against the guest file system.
 *
 * <p>A pattern is text plus the set of its characters that were quoted: those match only
 * themselves, so {@code "*"} is a star and {@code *} is any string. In brackets, {@code !}
 * or {@code ^} first negates, {@code a-z} is a range and {@code [:alpha:]} a class.
 *
 * <p>Pathname expansion replaces a word by the paths that match it, component by
 * component, sorted as bash sorts them in the C locale (by bytes); a name starting with '.'
 * is matched only by a pattern that starts with a literal '.', and '.' and '..' never by a
 * pattern. A word that matches nothing stays as it is.
 */
final class Glob {
    private Glob() {}

    /** True if {@code text} has an unquoted {@code * ? [}: then it is a pattern. */
    static boolean hasPattern(String text, BitSet quoted) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '*' || c == '?' || c == '[') && !quoted.get(i)) return true;
        }
        return false;
    }

    /** True if all of {@code s} matches the pattern {@code pat} (whose quoted characters are {@code quoted}). */
    static boolean matches(String pat, BitSet quoted, String s) {
        // The classic walk with one remembered star: on a mismatch, let the last star take one more character.
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = 0;
        while (i < s.length()) {
            if (p < pat.length() && pat.charAt(p) == '*' && !quoted.get(p)) {
                starP = p++;
                starI = i;
                continue;
            }
            int next = p < pat.length() ? matchOne(pat, quoted, p, s.charAt(i)) : -1;
            if (next >= 0) {
                p = next;
                i++;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < pat.length() && pat.charAt(p) == '*' && !quoted.get(p)) p++;
        return p == pat.length();
    }

    /** If the pattern element at {@code p} matches {@code c}, the index after it; else -1. */
    private static int matchOne(String pat, BitSet quoted, int p, char c) {
        char pc = pat.charAt(p);
        if (quoted.get(p)) return pc == c ? p + 1 : -1;
        if (pc == '?') return p + 1;
        if (pc == '[') {
            int end = bracketEnd(pat, quoted, p);
            if (end < 0) return c == '[' ? p + 1 : -1;
            return inBracket(pat, p + 1, end, c) ? end + 1 : -1;
        }
        return pc == c ? p + 1 : -1;
    }

    /** The index of the ']' closing the bracket expression at {@code open}, or -1 (then '[' is literal). */
    private static int bracketEnd(String pat, BitSet quoted, int open) {
        int i = open + 1;
        if (i < pat.length() && (pat.charAt(i) == '!' || pat.charAt(i) == '^')) i++;
        if (i < pat.length() && pat.charAt(i) == ']') i++; // a ']' first is a member
        for (; i < pat.length(); i++) {
            if (pat.startsWith("[:", i)) {
                int close = pat.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (pat.charAt(i) == ']' && !quoted.get(i)) return i;
        }
        return -1;
    }

    private static boolean inBracket(String pat, int from, int end, char c) {
        boolean negate = from < end && (pat.charAt(from) == '!' || pat.charAt(from) == '^');
        if (negate) from++;
        boolean found = false;
        for (int i = from; i < end; i++) {
            if (pat.startsWith("[:", i) && pat.indexOf(":]", i + 2) > 0 && pat.indexOf(":]", i + 2) < end) {
                int close = pat.indexOf(":]", i + 2);
                found |= inClass(pat.substring(i + 2, close), c);
                i = close + 1;
            } else if (i + 2 < end && pat.charAt(i + 1) == '-') {
                found |= c >= pat.charAt(i) && c <= pat.charAt(i + 2);
                i += 2;
            } else {
                found |= pat.charAt(i) == c;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        boolean ascii = c < 128;
        return switch (name) {
            case "alpha" -> ascii && Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> ascii && Character.isLetterOrDigit(c);
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "space" -> c == ' ' || c >= '\t' && c <= '\r';
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> ascii && c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit" -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            default -> false;
        };
    }

    /**
     * The paths of {@code fs} (relative ones from its cwd) that the pattern matches, sorted;
     * empty if none does.
     */
    static List<String> expand(FsStruct fs, String pat, BitSet quoted) {
        List<String> paths = new ArrayList<>();
        paths.add(pat.startsWith("/") ? "/" : "");
        int start = pat.startsWith("/") ? 1 : 0;
        while (start <= pat.length() && !paths.isEmpty()) {
            int slash = pat.indexOf('/', start);
            int end = slash < 0 ? pat.length() : slash;
            String component = pat.substring(start, end);
            BitSet q = quoted.get(start, end);
            boolean last = slash < 0;
            List<String> next = new ArrayList<>();
            for (String base : paths) {
                if (component.isEmpty()) {
                    next.add(base); // "//", or the slash at the end of "dir/"
                } else if (hasPattern(component, q)) {
                    for (String name : names(fs, base)) {
                        if (name.startsWith(".") && component.charAt(0) != '.') continue;
                        if (matches(component, q, name) && fits(fs, base + name, last)) next.add(base + name + (last ? "" : "/"));
                    }
                } else if (fits(fs, base + component, last)) {
                    next.add(base + component + (last ? "" : "/"));
                }
            }
            paths = next;
            if (last) break;
            start = slash + 1;
        }
        paths.sort(null);
        return paths;
    }

    /** The entries of the directory {@code base} ("" for the cwd), or none. */
    private static List<String> names(FsStruct fs, String base) {
        List<String> names = new ArrayList<>();
        try {
            Inode dir = PathWalker.resolve(fs, fs.cwd(), base.isEmpty() ? "." : base, true);
            if (dir instanceof Directory d) for (Directory.Entry e : d.entries()) names.add(e.name());
        } catch (FsException e) {
            // An unreadable directory matches nothing.
        }
        return names;
    }

    /** True if {@code path} exists, and is a directory unless it is the {@code last} component. */
    private static boolean fits(FsStruct fs, String path, boolean last) {
        try {
            Inode inode = PathWalker.resolve(fs, fs.cwd(), path, !last);
            return last || inode.isDirectory();
        } catch (FsException e) {
            return false;
        }
    }
}
