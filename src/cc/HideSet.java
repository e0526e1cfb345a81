package cc;

import java.util.TreeSet;

/**
 * An immutable set of macro names: the "hide set" of Prosser's macro expansion algorithm,
 * which the preprocessor uses to follow the C rule that a macro is not expanded again inside
 * its own expansion (C11 6.10.3.4p2).
 *
 * <p>A set is a linked list of names sharing its tail with the set it was made from, so
 * adding a name costs one small object however many tokens carry the result. Sets hold
 * only as many names as macros are nested, so the linear lookups are cheap.
 */
public final class HideSet {
    /** The empty hide set, carried by every token read from a file. */
    public static final HideSet EMPTY = new HideSet(null, null);

    private final String name;
    private final HideSet rest;

    private HideSet(String name, HideSet rest) {
        this.name = name;
        this.rest = rest;
    }

    /** True if {@code n} is in the set. */
    public boolean contains(String n) {
        for (HideSet s = this; s.name != null; s = s.rest) {
            if (s.name.equals(n)) return true;
        }
        return false;
    }

    /** This set with {@code n} added. */
    public HideSet with(String n) {
        return contains(n) ? this : new HideSet(n, this);
    }

    /** The union of this set and {@code other}. */
    public HideSet union(HideSet other) {
        if (other == this || other.containsAll(this)) return other;
        HideSet result = this;
        for (HideSet s = other; s.name != null; s = s.rest) result = result.with(s.name);
        return result;
    }

    /** The intersection of this set and {@code other}. */
    public HideSet intersect(HideSet other) {
        if (other == this || other.containsAll(this)) return this;
        HideSet result = EMPTY;
        for (HideSet s = this; s.name != null; s = s.rest) {
            if (other.contains(s.name)) result = result.with(s.name);
        }
        return result;
    }

    private boolean containsAll(HideSet other) {
        for (HideSet s = other; s.name != null; s = s.rest) {
            if (!contains(s.name)) return false;
        }
        return true;
    }

    /** The names in alphabetical order, as "[a, b]". */
    @Override
    public String toString() {
        TreeSet<String> names = new TreeSet<>();
        for (HideSet s = this; s.name != null; s = s.rest) names.add(s.name);
        return names.toString();
    }
}
