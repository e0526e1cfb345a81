package asm;

import obj.Executable;
import obj.Symbol;
import obj.SymbolOffset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Names addresses for the disassembler: {@code 0x400010} becomes {@code main+0x10}.
 *
 * <p>It has the shape of {@link Executable#symbolAt(long)}, so an executable can be passed
 * as {@code exe::symbolAt}.
 */
@FunctionalInterface
public interface SymbolLookup {
    /** The symbol that best describes {@code addr} and the offset from it, or empty. */
    Optional<SymbolOffset> symbolAt(long addr);

    /** Names nothing: every address prints as a bare number. */
    SymbolLookup NONE = addr -> Optional.empty();

    /** The lookup of an executable, which knows symbol sizes and segment bounds. */
    static SymbolLookup of(Executable exe) {
        return exe::symbolAt;
    }

    /**
     * A lookup over {@code symbols}, whose values are taken as addresses: the nearest symbol
     * at or below the address wins; at equal addresses a FUNC or OBJECT beats a plain label,
     * then a global beats a local, then the first given. Assembler-local labels ({@code .L...})
     * are skipped, as they would be absent from an ELF symbol table.
     */
    static SymbolLookup of(Collection<Symbol> symbols) {
        List<Symbol> sorted = new ArrayList<>();
        for (Symbol s : symbols) if (!s.name.startsWith(".L")) sorted.add(s);
        // A stable sort: by address, and at one address the preferred symbol first.
        sorted.sort(Comparator.comparingLong((Symbol s) -> s.value).thenComparing(s -> -rank(s)));
        return addr -> {
            int lo = 0, hi = sorted.size() - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).value <= addr) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0) return Optional.empty();
            // Step back to the first (preferred) symbol at that address.
            long v = sorted.get(found).value;
            while (found > 0 && sorted.get(found - 1).value == v) found--;
            return Optional.of(new SymbolOffset(sorted.get(found), addr - v));
        };
    }

    private static int rank(Symbol s) {
        return (s.type != Symbol.Type.NOTYPE ? 2 : 0) + (s.binding == Symbol.Binding.GLOBAL ? 1 : 0);
    }
}
