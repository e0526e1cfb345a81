package ld;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Symbol;

/**
 * One object file taking part in a link: either named on the command line or pulled out of
 * an archive. Layout fills in where each of its sections ended up.
 */
final class Input {
    /** The object itself. */
    final ObjectFile obj;
    /** How messages name it: "hello.o", or "libc.a(printf.o)" for an archive member. */
    final String displayName;
    /** Final address of each of its sections, indexed by {@link Section.Kind#ordinal()}. */
    final long[] base = new long[Section.Kind.values().length];
    /**
     * For .init_array and .fini_array, whose pieces of different priorities are placed apart
     * (Layout): where each piece went. A kind absent here lies whole at its {@link #base}.
     */
    final Map<Section.Kind, List<Placed>> placed = new EnumMap<>(Section.Kind.class);

    /** A piece of a section and the address Layout gave it. */
    record Placed(Section.Piece piece, long address) {}

    Input(ObjectFile obj, String displayName) {
        this.obj = obj;
        this.displayName = displayName;
    }

    /** True if this object itself defines {@code name} (with any binding). */
    boolean definesLocally(String name) {
        Symbol s = obj.symbol(name);
        return s != null && !s.isUndefined();
    }

    /**
     * The names this object uses but does not define: its undefined symbols, then the targets
     * of its relocations that it does not define, in order of first appearance.
     */
    Set<String> externalReferences() {
        Set<String> refs = new LinkedHashSet<>();
        for (Symbol s : obj.symbols()) if (s.isUndefined()) refs.add(s.name);
        for (Relocation r : obj.relocations()) if (!definesLocally(r.symbol)) refs.add(r.symbol);
        return refs;
    }

    /**
     * The function whose code holds {@code offset} of {@code section}: the symbol of type
     * FUNC defined there that starts at or before it and, if its size is known, ends after
     * it. Null if there is none (data, or code outside any function).
     */
    Symbol functionAt(Section.Kind section, long offset) {
        Symbol best = null;
        for (Symbol s : obj.symbols()) {
            if (s.type != Symbol.Type.FUNC || s.section != section || s.value > offset) continue;
            if (s.size > 0 && offset >= s.value + s.size) continue;
            if (best == null || s.value > best.value) best = s;
        }
        return best;
    }

    /** Final address of a symbol this object defines. */
    long address(Symbol s) {
        return addressOf(s.section, s.value);
    }

    /**
     * Final address of byte {@code offset} of this object's section {@code kind}: in the piece
     * holding it for a section placed piece by piece (its end: the end of its last piece).
     */
    long addressOf(Section.Kind kind, long offset) {
        List<Placed> pieces = placed.get(kind);
        if (pieces == null || pieces.isEmpty()) return base[kind.ordinal()] + offset;
        for (Placed p : pieces) {
            if (offset >= p.piece().offset() && offset < p.piece().offset() + p.piece().size()) {
                return p.address() + offset - p.piece().offset();
            }
        }
        Placed last = pieces.get(pieces.size() - 1);
        return last.address() + offset - last.piece().offset();
    }

    /** Records that {@code piece} of section {@code kind} lies at {@code address}. */
    void place(Section.Kind kind, Section.Piece piece, long address) {
        placed.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Placed(piece, address));
    }

    /** "hello.o:(.text+0x18)", the way ld names a place in an object. */
    String where(Section.Kind section, long offset) {
        return displayName + ":(" + section.sectionName() + "+0x" + Long.toHexString(offset) + ")";
    }

    @Override
    public String toString() {
        return displayName;
    }
}
