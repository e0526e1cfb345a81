package asm;

import obj.Executable;
import obj.LineTable;
import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Segment;
import obj.Symbol;
import obj.SymbolOffset;
import vm.Isa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The disassembler: instruction words back to text, in two styles.
 *
 * <p>A <em>listing</em>, as {@code objdump -d} prints one, for people:
 * <pre>
 * 0000000000400000 &lt;_start&gt;:
 *   400000:	70 0a 00 00 2a 00 00 00 	li	a0, 42
 *   400008:	98 00 00 00 f8 ff ff ff 	j	400000 &lt;_start&gt;
 * </pre>
 * and <em>source</em> ({@code disassembleAsSource}) that the {@link Assembler} turns back
 * into the same bytes; see {@link SourceWriter}.
 *
 * <p>With line numbers (objdump -d -l), the listing says where the code came from, as GNU
 * objdump does: "main():" under a function's header, and "file:line" before the first
 * instruction of each run of code from one source line (from the line table, obj.LineTable).
 *
 * <p>Words that are exactly a pseudo-instruction print as the pseudo; illegal words print
 * as {@code .quad 0x...}; branch targets print as an address with {@code <symbol+offset>}.
 */
public final class Disassembler {
    private Disassembler() {}

    /**
     * One instruction, for traces and backtraces: {@code word} is the instruction at
     * {@code pc}; {@code lookup} names branch targets. An illegal word gives ".quad 0x...".
     */
    public static String format(long word, long pc, SymbolLookup lookup) {
        String s = InsnFormatter.format(word, pc, listingStyle(lookup, true), null);
        return s != null ? s : InsnFormatter.quad(word);
    }

    /** A listing of every executable segment of {@code exe}, named with its symbol table. */
    public static String disassemble(Executable exe) {
        return disassemble(exe, false);
    }

    /** {@link #disassemble(Executable)}, with the source lines interleaved if {@code lineNumbers}. */
    public static String disassemble(Executable exe, boolean lineNumbers) {
        StringBuilder out = new StringBuilder();
        LineTable lines = lineNumbers ? exe.lines() : LineTable.EMPTY;
        for (Segment seg : exe.segments()) {
            if (!seg.executable()) continue;
            out.append(String.format("Disassembly of segment 0x%x-0x%x (%s):%n", seg.vaddr(), seg.end(), seg.permissions()));
            listing(out, seg.data(), seg.vaddr(), exe.symbols(), exe::symbolAt, Map.of(), true, lines);
        }
        return out.toString();
    }

    /**
     * A listing of the text section of an object file. Addresses are offsets in the section;
     * each relocation is printed under its instruction, and the field it patches shows the
     * symbol rather than the placeholder 0.
     */
    public static String disassemble(ObjectFile o) {
        return disassemble(o, false);
    }

    /** {@link #disassemble(ObjectFile)}, with the source lines interleaved if {@code lineNumbers}. */
    public static String disassemble(ObjectFile o, boolean lineNumbers) {
        List<Symbol> text = new ArrayList<>();
        for (Symbol s : o.symbols()) if (s.section == Section.Kind.TEXT) text.add(s);
        Map<Long, Relocation> relocs = new TreeMap<>();
        for (Relocation r : o.relocations()) if (r.section == Section.Kind.TEXT) relocs.put(r.offset, r);
        StringBuilder out = new StringBuilder("Disassembly of section .text:\n");
        listing(out, o.section(Section.Kind.TEXT).data(), 0, text, SymbolLookup.of(text), relocs, false,
                lineNumbers ? o.lines() : LineTable.EMPTY);
        return out.toString();
    }

    /**
     * A listing of {@code code} loaded at {@code base}. {@code symbols} (values are
     * addresses) label the listing and name branch targets.
     */
    public static String disassemble(byte[] code, long base, List<Symbol> symbols) {
        StringBuilder out = new StringBuilder();
        listing(out, code, base, symbols, SymbolLookup.of(symbols), Map.of(), true, LineTable.EMPTY);
        return out.toString();
    }

    /** Re-assemblable source for a whole object file: all four sections, symbols and relocations. */
    public static String disassembleAsSource(ObjectFile o) {
        return SourceWriter.object(o);
    }

    /**
     * Re-assemblable source for {@code code} at {@code base}: a {@code .text} section with
     * a label for each symbol and for each branch target inside the code.
     */
    public static String disassembleAsSource(byte[] code, long base, List<Symbol> symbols) {
        return SourceWriter.code(code, base, symbols);
    }

    /** Reads the little-endian 64-bit word at {@code off}. */
    static long word(byte[] b, int off) {
        long w = 0;
        for (int i = 7; i >= 0; i--) w = (w << 8) | (b[off + i] & 0xff);
        return w;
    }

    /** Listing style: "400000 <_start>" for targets; with {@code absolute}, li of a symbol's address gets a comment. */
    private static InsnFormatter.Style listingStyle(SymbolLookup lookup, boolean absolute) {
        return new InsnFormatter.Style() {
            @Override
            public String target(long pc, long target) {
                return Long.toHexString(target) + describe(lookup, target);
            }

            @Override
            public String liComment(long value) {
                if (!absolute) return "";
                Optional<SymbolOffset> s = lookup.symbolAt(value);
                return s.isPresent() && s.get().offset() == 0 ? "\t# " + Long.toHexString(value) + " <" + s.get() + ">" : "";
            }
        };
    }

    private static String describe(SymbolLookup lookup, long addr) {
        Optional<SymbolOffset> s = lookup.symbolAt(addr);
        return s.isPresent() ? " <" + s.get() + ">" : "";
    }

    private static void listing(StringBuilder out, byte[] code, long base, List<Symbol> symbols, SymbolLookup lookup,
                                Map<Long, Relocation> relocs, boolean absolute, LineTable lines) {
        Map<Long, Symbol> headers = headers(symbols, base, code.length);
        InsnFormatter.Style style = listingStyle(lookup, absolute);
        LineTable.Location lastLine = null;
        for (int off = 0; off < code.length; off += Isa.INSN_BYTES) {
            long addr = base + off;
            Symbol h = headers.get(addr);
            if (h != null) out.append(String.format("%n%016x <%s>:%n", addr, h.name));
            LineTable.Location line = lines.lookup(addr).orElse(null);
            if (line != null && (h != null || !line.equals(lastLine))) {
                if (h != null) out.append(h.name).append("():\n");
                out.append(line.file()).append(':').append(line.line()).append('\n');
            }
            lastLine = line;
            int n = Math.min(Isa.INSN_BYTES, code.length - off);
            StringBuilder bytes = new StringBuilder();
            for (int i = 0; i < n; i++) bytes.append(String.format("%02x ", code[off + i]));
            String text;
            Relocation r = relocs.get((long) off + 4);
            if (n < Isa.INSN_BYTES) {
                StringBuilder b = new StringBuilder(".byte\t");
                for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(String.format("0x%02x", code[off + i]));
                text = b.toString();
            } else {
                long w = word(code, off);
                String sym = r != null && r.type != Relocation.Type.ABS64 ? r.target() : null;
                text = InsnFormatter.format(w, addr, style, sym);
                if (text == null) text = InsnFormatter.quad(w);
            }
            out.append(String.format("%8x:\t%-24s\t%s%n", addr, bytes, text));
            for (long f = off; f < off + n; f++) {
                Relocation rel = relocs.get(f);
                if (rel != null) {
                    out.append(String.format("\t\t\t%x: %s\t%s%n", f, rel.type, InsnFormatter.symbolPlus(rel.symbol, rel.addend)));
                }
            }
        }
    }

    /** For each address in [base, base + length) with symbols, the one to print as a header. */
    private static Map<Long, Symbol> headers(List<Symbol> symbols, long base, long length) {
        Map<Long, Symbol> best = new TreeMap<>();
        Comparator<Symbol> rank = Comparator.comparingInt(s -> (s.type != Symbol.Type.NOTYPE ? 2 : 0) + (s.binding == Symbol.Binding.GLOBAL ? 1 : 0));
        for (Symbol s : symbols) {
            if (s.name.startsWith(".L") || s.value < base || s.value - base >= length) continue;
            Symbol cur = best.get(s.value);
            if (cur == null || rank.compare(s, cur) > 0) best.put(s.value, s);
        }
        return best;
    }
}
