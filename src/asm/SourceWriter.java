package asm;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Symbol;
import vm.Isa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The disassembler's second style: assembly source that re-assembles to the same bytes.
 *
 * <p>Every symbol becomes a label, and every branch target without one gets a generated
 * label {@code .L_<hex address>} (a target outside the code is written {@code .+N}, an
 * offset from the branch). A relocated field is written as its symbol and addend, which
 * makes the assembler produce the same relocation. Bytes that are not a whole legal
 * instruction (an illegal word, a word with a label or relocation in its middle, a short
 * tail) are written as {@code .quad}, {@code .word} or {@code .byte} data.
 */
final class SourceWriter {
    private final StringBuilder out = new StringBuilder();
    /** Every name already in use, so generated labels never clash. */
    private final Set<String> names = new HashSet<>();

    private SourceWriter() {}

    /** Source for a whole object: symbol declarations, then each non-empty section. */
    static String object(ObjectFile o) {
        SourceWriter w = new SourceWriter();
        List<Symbol> symbols = o.symbols();
        for (Symbol s : symbols) w.names.add(s.name);
        // Declarations come first and in the original order, so the new symbol table keeps it.
        for (Symbol s : symbols) {
            w.line((s.binding == Symbol.Binding.GLOBAL ? ".globl" : ".local") + "\t" + s.name);
            if (s.type != Symbol.Type.NOTYPE) w.line(".type\t" + s.name + ", @" + (s.type == Symbol.Type.FUNC ? "function" : "object"));
            if (s.size != 0) w.line(".size\t" + s.name + ", " + s.size);
        }
        for (Section.Kind k : Section.Kind.values()) {
            Section sec = o.section(k);
            Map<Long, List<String>> labels = new TreeMap<>();
            for (Symbol s : symbols) if (s.section == k) labels.computeIfAbsent(s.value, x -> new ArrayList<>()).add(s.name);
            Map<Long, Relocation> relocs = new TreeMap<>();
            for (Relocation r : o.relocations()) if (r.section == k) relocs.put(r.offset, r);
            if (sec.size() == 0 && labels.isEmpty()) continue;
            if (sec.hasPriorities() && sec.size() > 0) {
                w.prioritised(sec, labels, relocs);
                continue;
            }
            w.line(k == Section.Kind.TEXT || k == Section.Kind.DATA || k == Section.Kind.BSS ? k.sectionName() : ".section\t" + k.sectionName());
            if (sec.align() > 1) w.line(".align\t" + sec.align());
            w.section(sec.data(), sec.size(), 0, k == Section.Kind.TEXT, k.zeroFilled(), labels, relocs);
        }
        return w.out.toString();
    }

    /**
     * Writes an .init_array or .fini_array piece by piece, each under the section name that
     * gives its priority (".init_array.00101"; the plain name for the default).
     */
    private void prioritised(Section sec, Map<Long, List<String>> labels, Map<Long, Relocation> relocs) {
        byte[] data = sec.data();
        List<Section.Piece> pieces = sec.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            Section.Piece piece = pieces.get(i);
            long start = piece.offset(), end = start + piece.size();
            boolean last = i == pieces.size() - 1;
            line(".section\t" + sec.name() + (piece.priority() == Section.DEFAULT_PRIORITY ? "" : String.format(".%05d", piece.priority())));
            if (i == 0 && sec.align() > 1) line(".align\t" + sec.align());
            Map<Long, List<String>> pieceLabels = new TreeMap<>();
            labels.forEach((off, names) -> {
                if (off >= start && (off < end || (last && off == end))) pieceLabels.put(off - start, names);
            });
            Map<Long, Relocation> pieceRelocs = new TreeMap<>();
            relocs.forEach((off, r) -> {
                if (off >= start && off < end) pieceRelocs.put(off - start, r);
            });
            section(java.util.Arrays.copyOfRange(data, (int) start, (int) end), piece.size(), 0, false, false, pieceLabels, pieceRelocs);
        }
    }

    /** Source for raw code at {@code base}, labelled with those of {@code symbols} that fall inside it. */
    static String code(byte[] code, long base, List<Symbol> symbols) {
        SourceWriter w = new SourceWriter();
        Map<Long, List<String>> labels = new TreeMap<>();
        w.line(".text");
        for (Symbol s : symbols) {
            // A name defined twice (two objects' local "loop") can be a label only once.
            if (s.value < base || s.value - base > code.length || !w.names.add(s.name)) continue;
            labels.computeIfAbsent(s.value - base, x -> new ArrayList<>()).add(s.name);
            if (s.binding == Symbol.Binding.GLOBAL) w.line(".globl\t" + s.name);
        }
        w.section(code, code.length, base, true, false, labels, Map.of());
        return w.out.toString();
    }

    private void line(String s) {
        out.append('\t').append(s).append('\n');
    }

    /**
     * Writes one section. {@code labels} and {@code relocs} are keyed by offset in the
     * section; {@code base} is the section's address (0 in an object file).
     */
    private void section(byte[] data, long size, long base, boolean text, boolean bss,
                         Map<Long, List<String>> labels, Map<Long, Relocation> relocs) {
        if (text) addBranchTargetLabels(data, base, labels, relocs);
        TreeMap<Long, List<String>> at = new TreeMap<>(labels);
        InsnFormatter.Style style = new InsnFormatter.Style() {
            @Override
            public String target(long pc, long target) {
                List<String> l = at.get(target - base);
                if (l != null) return l.get(0);
                return InsnFormatter.symbolPlus(".", target - pc);
            }

            @Override
            public boolean strict() {
                return true;
            }
        };
        long off = 0;
        while (off < size) {
            for (String name : at.getOrDefault(off, List.of())) out.append(name).append(":\n");
            Long nextLabel = at.higherKey(off);
            long limit = nextLabel == null ? size : Math.min(size, nextLabel);
            if (bss) {
                line(".zero\t" + (limit - off));
                off = limit;
                continue;
            }
            int o = (int) off;
            if (text && o % Isa.INSN_BYTES == 0 && o + Isa.INSN_BYTES <= limit && onlyImmediateReloc(relocs, o)) {
                long w = Disassembler.word(data, o);
                Relocation r = relocs.get(off + 4);
                String insn = InsnFormatter.format(w, base + o, style, r == null ? null : r.target());
                if (insn != null || r == null) {
                    line(insn != null ? insn : InsnFormatter.quad(w));
                    off += Isa.INSN_BYTES;
                    continue;
                }
            }
            off += data(data, o, limit, text, relocs);
        }
        for (String name : at.getOrDefault(size, List.of())) out.append(name).append(":\n");
    }

    /** True if the only relocation touching the word at {@code o} is one on its immediate field. */
    private static boolean onlyImmediateReloc(Map<Long, Relocation> relocs, int o) {
        for (int i = 0; i < Isa.INSN_BYTES; i++) {
            Relocation r = relocs.get((long) o + i);
            if (r != null && (i != 4 || r.type == Relocation.Type.ABS64)) return false;
        }
        return true;
    }

    /**
     * Writes data from offset {@code o}, stopping before {@code limit}, and returns how many
     * bytes it wrote: a relocated field as {@code .quad}/{@code .word sym+addend}, otherwise
     * a run of {@code .byte} up to the next relocation (or, in text, the next word).
     */
    private int data(byte[] data, int o, long limit, boolean text, Map<Long, Relocation> relocs) {
        Relocation r = relocs.get((long) o);
        if (r != null && r.type != Relocation.Type.PCREL32) {
            int width = r.type == Relocation.Type.ABS64 ? 8 : 4;
            if (o + width <= limit) {
                line((width == 8 ? ".quad\t" : ".word\t") + r.target());
                return width;
            }
        }
        if (!text) {
            int n = textRun(data, o, limit, relocs);
            if (n > 0) {
                boolean nul = data[o + n - 1] == 0;
                line((nul ? ".asciz\t\"" : ".ascii\t\"") + escape(data, o, nul ? n - 1 : n) + "\"");
                return n;
            }
        }
        StringBuilder b = new StringBuilder(".byte\t");
        int n = 0;
        while (o + n < limit && n < 16 && (n == 0 || (!relocs.containsKey((long) o + n) && !(text && (o + n) % Isa.INSN_BYTES == 0)))) {
            b.append(n > 0 ? ", " : "").append(String.format("0x%02x", data[o + n]));
            n++;
        }
        line(b.toString());
        return n;
    }

    /**
     * Length of the string at {@code o}: printable characters, tabs and newlines, ending
     * with its NUL if it has one, up to the next relocation. Returns 0 for fewer than four
     * characters, which read better as {@code .byte}.
     */
    private static int textRun(byte[] data, int o, long limit, Map<Long, Relocation> relocs) {
        int n = 0;
        while (o + n < limit && n < 64 && (n == 0 || !relocs.containsKey((long) o + n))) {
            int c = data[o + n] & 0xff;
            if (c == 0) return n >= 4 ? n + 1 : 0;
            if (!(c >= 0x20 && c < 0x7f) && c != '\n' && c != '\t') break;
            n++;
        }
        return n >= 4 ? n : 0;
    }

    /** The bytes as the inside of a string literal, with C escapes. */
    private static String escape(byte[] data, int o, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = o; i < o + n; i++) {
            int c = data[i] & 0xff;
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                default: sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Gives every in-section branch target that has no label a generated one. */
    private void addBranchTargetLabels(byte[] data, long base, Map<Long, List<String>> labels, Map<Long, Relocation> relocs) {
        for (int o = 0; o + Isa.INSN_BYTES <= data.length; o += Isa.INSN_BYTES) {
            long w = Disassembler.word(data, o);
            if (!Isa.isLegal(w) || relocs.containsKey((long) o + 4)) continue;
            int f = Isa.format(Isa.op(w));
            if (f != Isa.F_BRANCH && f != Isa.F_RTARGET) continue;
            long t = o + (long) Isa.imm(w);
            if (t < 0 || t > data.length || labels.containsKey(t)) continue;
            String name = ".L_" + Long.toHexString(base + t);
            while (!names.add(name)) name += "_";
            labels.put(t, new ArrayList<>(List.of(name)));
        }
    }
}
