package obj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A linked program, ready for the loader: an entry point, page-aligned segments to map, and a
 * symbol table and line table used only by tools (the disassembler, addr2line, backtraces,
 * {@code nm}), never by the loader.
 *
 * <p>Symbols here are absolute: {@link Symbol#section} is null and {@link Symbol#value} is the
 * virtual address. The binary encoding (magic "\x7fCLX") is {@link ExecutableFormat}, described
 * in docs/executable.md.
 */
public final class Executable {
    private final long entry;
    private final List<Segment> segments;
    private final List<Symbol> symbols;
    private final LineTable lines;

    /** An executable without a line table; see {@link #Executable(long, List, List, LineTable)}. */
    public Executable(long entry, List<Segment> segments, List<Symbol> symbols) {
        this(entry, segments, symbols, LineTable.EMPTY);
    }

    /**
     * An executable starting at {@code entry}. Segments must be in increasing address order and
     * must not share a page; symbols are kept in the order given; {@code lines} gives the
     * source lines of the code at its absolute addresses.
     *
     * @throws IllegalArgumentException if the segments overlap or are out of order
     */
    public Executable(long entry, List<Segment> segments, List<Symbol> symbols, LineTable lines) {
        for (int i = 1; i < segments.size(); i++) {
            if (pageUp(segments.get(i - 1).end()) > segments.get(i).vaddr()) {
                throw new IllegalArgumentException("segments overlap or are out of order: "
                        + segments.get(i - 1) + " and " + segments.get(i));
            }
        }
        this.entry = entry;
        this.segments = List.copyOf(segments);
        this.symbols = Collections.unmodifiableList(new ArrayList<>(symbols));
        this.lines = lines;
    }

    /** The address of the first instruction to run. */
    public long entry() {
        return entry;
    }

    /** The segments, in increasing address order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The symbol table, in the order the linker wrote it (input order, not address order). */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** The source lines of the code (empty for a program linked from hand-written assembly only). */
    public LineTable lines() {
        return lines;
    }

    /** The address just past the highest segment, rounded up to a page: where the heap (brk) starts. */
    public long end() {
        long end = 0;
        for (Segment s : segments) end = Math.max(end, s.end());
        return pageUp(end);
    }

    /** The segment containing {@code addr}, or null. */
    public Segment segmentAt(long addr) {
        for (Segment s : segments) if (s.contains(addr)) return s;
        return null;
    }

    /** The symbol called {@code name}, preferring a global one to locals of that name; or null. */
    public Symbol symbol(String name) {
        Symbol found = null;
        for (Symbol s : symbols) {
            if (!s.name.equals(name)) continue;
            if (s.binding == Symbol.Binding.GLOBAL) return s;
            if (found == null) found = s;
        }
        return found;
    }

    /**
     * Describes {@code addr} as symbol + offset, for backtraces and disassembly.
     *
     * <p>A symbol with a size claims the addresses {@code [value, value + size)}; if several
     * do, the one starting closest below {@code addr} wins. If none contains {@code addr}, the
     * closest size-zero symbol (a plain assembly label) at or below it in the same segment is
     * used, as gdb does for code without size information. At equal addresses a FUNC or OBJECT
     * beats a NOTYPE label and a global beats a local.
     *
     * @return the symbol and offset, or empty if nothing suitable precedes {@code addr}
     */
    public Optional<SymbolOffset> symbolAt(long addr) {
        Symbol best = null;
        for (Symbol s : symbols) {
            if (s.size > 0 && Long.compareUnsigned(addr - s.value, s.size) < 0 && better(s, best)) best = s;
        }
        if (best == null) {
            Segment seg = segmentAt(addr);
            if (seg == null) return Optional.empty();
            for (Symbol s : symbols) {
                if (s.size == 0 && seg.contains(s.value) && s.value <= addr && better(s, best)) best = s;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new SymbolOffset(best, addr - best.value));
    }

    /** True if candidate {@code s} describes an address better than the current {@code best}. */
    private static boolean better(Symbol s, Symbol best) {
        if (best == null) return true;
        if (s.value != best.value) return s.value > best.value;
        return rank(s) > rank(best);
    }

    /** Preference among symbols at the same address: typed over NOTYPE, then global over local. */
    private static int rank(Symbol s) {
        return (s.type != Symbol.Type.NOTYPE ? 2 : 0) + (s.binding == Symbol.Binding.GLOBAL ? 1 : 0);
    }

    static long pageUp(long a) {
        return (a + Segment.PAGE_SIZE - 1) & -Segment.PAGE_SIZE;
    }
}
