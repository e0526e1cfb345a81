package shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shell's variables: name to value, which of them are exported into the environment of
 * the programs it starts, and the special parameters {@code $?} (the last status),
 * {@code $$} (the shell's pid) and {@code $!} (the last background job's pid). Kept in
 * sorted maps so that {@code export} lists them, and programs see them, in one order.
 */
final class Variables {
    private final Map<String, String> values = new TreeMap<>();
    private final TreeSet<String> exported = new TreeSet<>();
    private int status;
    private int shellPid;
    private int lastBackgroundPid;

    /** A valid variable name: a letter or '_', then letters, digits and '_'. */
    static boolean isName(String s) {
        if (s.isEmpty() || !(s.charAt(0) == '_' || isAsciiLetter(s.charAt(0)))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || isAsciiLetter(c) || c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The value of {@code name} (a variable or a special parameter), "" if unset. */
    String get(String name) {
        return switch (name) {
            case "?" -> Integer.toString(status);
            case "$" -> Integer.toString(shellPid);
            case "!" -> lastBackgroundPid == 0 ? "" : Integer.toString(lastBackgroundPid);
            case "0" -> "sh";
            default -> values.getOrDefault(name, "");
        };
    }

    /** True if {@code name} has a value. */
    boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** Sets {@code name} (which must be a valid name). */
    void set(String name, String value) {
        values.put(name, value);
    }

    /** Marks {@code name} for export; it need not have a value yet. */
    void export(String name) {
        exported.add(name);
    }

    /** Removes {@code name} and its export mark. */
    void unset(String name) {
        values.remove(name);
        exported.remove(name);
    }

    /** The environment for a program: every exported variable with a value, as NAME=value, sorted. */
    List<String> environment(Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>();
        for (String n : exported) if (values.containsKey(n)) env.put(n, values.get(n));
        env.putAll(extra);
        List<String> list = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) list.add(e.getKey() + "=" + e.getValue());
        return list;
    }

    /** The exported names, sorted. */
    List<String> exportedNames() {
        return new ArrayList<>(exported);
    }

    int status() { return status; }

    void setStatus(int s) { status = s; }

    void setShellPid(int pid) { shellPid = pid; }

    void setLastBackgroundPid(int pid) { lastBackgroundPid = pid; }
}
