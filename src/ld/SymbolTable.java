package ld;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import obj.Section;
import obj.Symbol;

/**
 * The linker's global symbol table: which input defines each global name, which names are
 * still wanted but undefined, and the few symbols the linker itself provides.
 *
 * <p>Only GLOBAL symbols enter this table. A LOCAL symbol is looked up only inside its own
 * object, which is why two objects may each have a local {@code loop} without clashing.
 */
final class SymbolTable {
    /** Where a global symbol is defined. */
    record Definition(Input input, Symbol symbol) {
        long address() {
            return input.address(symbol);
        }
    }

    private final Map<String, Definition> globals = new LinkedHashMap<>();
    private final Set<String> undefined = new LinkedHashSet<>();
    private final Map<String, Long> provided = new LinkedHashMap<>();
    private final List<String> errors;

    /** A table that appends its problems (duplicate definitions) to {@code errors}. */
    SymbolTable(List<String> errors) {
        this.errors = errors;
    }

    /** Enters {@code in}'s global definitions, then notes the names it needs from elsewhere. */
    void add(Input in) {
        for (Symbol s : in.obj.symbols()) {
            if (s.isUndefined() || s.binding != Symbol.Binding.GLOBAL) continue;
            Definition first = globals.get(s.name);
            if (first != null) {
                errors.add("ld: " + in.displayName + ": multiple definition of '" + s.name
                        + "'; first defined in " + first.input().displayName);
                continue;
            }
            globals.put(s.name, new Definition(in, s));
            undefined.remove(s.name);
        }
        for (String name : in.externalReferences()) require(name);
    }

    /** Notes that {@code name} must be defined by some input (used for the entry symbol too). */
    void require(String name) {
        if (!globals.containsKey(name)) undefined.add(name);
    }

    /** True if {@code name} is wanted and no input defines it yet: what archive members are pulled for. */
    boolean isUndefined(String name) {
        return undefined.contains(name);
    }

    /** The global definition of {@code name}, or null. */
    Definition global(String name) {
        return globals.get(name);
    }

    /** Defines a linker-provided symbol such as {@code _end}, but only if it is wanted and undefined. */
    void provide(String name, long address) {
        if (undefined.remove(name)) provided.put(name, address);
    }

    /** The linker-provided symbols that were used, in the order provided. */
    Map<String, Long> provided() {
        return provided;
    }

    /**
     * The section of the definition {@code resolve} finds, or null for a linker-provided
     * symbol or none.
     */
    Section.Kind sectionOf(Input in, String name) {
        Symbol own = in.obj.symbol(name);
        if (own != null && !own.isUndefined()) return own.section;
        Definition d = globals.get(name);
        return d == null ? null : d.symbol().section;
    }

    /**
     * The address {@code name} has when used from {@code in}: its own definition first (local
     * or global), then a global one, then a linker-provided one; null if there is none.
     */
    Long resolve(Input in, String name) {
        Symbol own = in.obj.symbol(name);
        if (own != null && !own.isUndefined()) return in.address(own);
        Definition d = globals.get(name);
        if (d != null) return d.address();
        return provided.get(name);
    }
}
