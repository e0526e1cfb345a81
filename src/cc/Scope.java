package cc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * C's block scopes. Ordinary identifiers (variables, functions, typedef names and enum
 * constants share one name space) and tags (struct, union and enum) are looked up from the
 * innermost block outwards. Maps are used only for lookup, never iterated, so hash order
 * cannot leak into the output.
 */
final class Scope {
    /** What an ordinary identifier names: exactly one of the fields is set. */
    static final class Entry {
        Obj var;
        Type typedef;
        Type enumType;
        long enumValue;
    }

    private final Deque<Map<String, Entry>> vars = new ArrayDeque<>();
    private final Deque<Map<String, Type>> tags = new ArrayDeque<>();

    Scope() {
        enter();
    }

    /** Opens a block. */
    void enter() {
        vars.push(new HashMap<>());
        tags.push(new HashMap<>());
    }

    /** Closes the innermost block. */
    void leave() {
        vars.pop();
        tags.pop();
    }

    /** True when no block is open beyond file scope. */
    boolean atFileScope() {
        return vars.size() == 1;
    }

    /** Declares {@code name} in the innermost block and returns its entry to fill in. */
    Entry declare(String name) {
        Entry e = new Entry();
        vars.peek().put(name, e);
        return e;
    }

    /** The innermost visible entry for {@code name}, or null. */
    Entry find(String name) {
        for (Map<String, Entry> m : vars) {
            Entry e = m.get(name);
            if (e != null) return e;
        }
        return null;
    }

    /** The entry for {@code name} in the innermost block only, or null. */
    Entry findHere(String name) {
        return vars.peek().get(name);
    }

    /** The entry for {@code name} at file scope, or null. */
    Entry findGlobal(String name) {
        return vars.peekLast().get(name);
    }

    /** Declares a struct/union/enum tag in the innermost block. */
    void declareTag(String name, Type type) {
        tags.peek().put(name, type);
    }

    /** The innermost visible tag, or null. */
    Type findTag(String name) {
        for (Map<String, Type> m : tags) {
            Type t = m.get(name);
            if (t != null) return t;
        }
        return null;
    }

    /** The tag declared in the innermost block only, or null. */
    Type findTagHere(String name) {
        return tags.peek().get(name);
    }
}
