package shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shell's variables: name to value, which of them are exported into the environment of
 * the programs it starts, the positional parameters ({@code $1...}, {@code $#}, {@code $@},
 * {@code $*}: the script's, or a function's while it runs), the special parameters
 * {@code $?} (the last status), {@code $$} (the shell's pid), {@code $!} (the last
 * background job's pid) and {@code $-} (the options set), and the frames of the functions
 * running, which remember what their {@code local} variables hid. Kept in sorted maps so
 * that {@code export} lists them, and programs see them, in one order.
 */
final class Variables {
    private final Map<String, String> values = new TreeMap<>();
    private final TreeSet<String> exported = new TreeSet<>();
    private int status;
    private int shellPid;
    private int lastBackgroundPid;
    private List<String> positional = List.of();
    private String options = "";
    /** One frame per running function: for each local, the value it hid (null: it was unset). */
    private final Deque<Map<String, String>> frames = new ArrayDeque<>();

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
            case "#" -> Integer.toString(positional.size());
            case "@", "*" -> String.join(" ", positional);
            case "-" -> options;
            default -> {
                if (name.chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(name.length() > 9 ? "999999999" : name);
                    yield n <= positional.size() ? positional.get(n - 1) : "";
                }
                yield values.getOrDefault(name, "");
            }
        };
    }

    /** True if {@code name} has a value (special parameters always have one, $! once a job ran in the background). */
    boolean isSet(String name) {
        if (name.length() == 1 && "?$#@*0-".indexOf(name.charAt(0)) >= 0) return true;
        if (name.equals("!")) return lastBackgroundPid != 0;
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            return name.length() < 10 && Integer.parseInt(name) <= positional.size();
        }
        return values.containsKey(name);
    }

    /** The positional parameters, $1 first. */
    List<String> positional() {
        return positional;
    }

    /** Replaces the positional parameters (set --, a function call); returns the old ones. */
    List<String> setPositional(List<String> args) {
        List<String> old = positional;
        positional = List.copyOf(args);
        return old;
    }

    /** Sets the letters $- shows (e for set -e, x for set -x). */
    void setOptions(String letters) {
        options = letters;
    }

    /** What a subshell may change: the variables, their export marks and the positional parameters. */
    record Snapshot(Map<String, String> values, TreeSet<String> exported, List<String> positional) {}

    Snapshot snapshot() {
        return new Snapshot(new TreeMap<>(values), new TreeSet<>(exported), positional);
    }

    /** Puts back what {@link #snapshot} saw. */
    void restore(Snapshot s) {
        values.clear();
        values.putAll(s.values());
        exported.clear();
        exported.addAll(s.exported());
        positional = s.positional();
    }

    /** Enters a function: its locals are remembered in a new frame. */
    void pushFrame() {
        frames.push(new LinkedHashMap<>());
    }

    /** Leaves a function: each of its locals gets back the value it hid. */
    void popFrame() {
        for (Map.Entry<String, String> e : frames.pop().entrySet()) {
            if (e.getValue() == null) values.remove(e.getKey());
            else values.put(e.getKey(), e.getValue());
        }
    }

    /** {@code local NAME} in a function: the current value is kept, to be restored on return. */
    void makeLocal(String name) {
        if (!frames.isEmpty()) frames.peek().putIfAbsent(name, values.get(name));
    }

    /** Sets {@code name} (which must be a valid name). */
    void set(String name, String value) {
        values.put(name, value);
    }

    /** Marks {@code name} for export; it need not have a value yet. */
    void export(String name) {
        exported.add(name);
    }

    /** Removes the value of {@code name}, keeping its export mark (a temporary assignment ends). */
    void unsetValue(String name) {
        values.remove(name);
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

    /** The names of the variables that have a value, sorted. */
    List<String> names() {
        return new ArrayList<>(values.keySet());
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
