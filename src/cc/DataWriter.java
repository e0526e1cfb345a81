package cc;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Emits global variables and string literals as assembler data directives: initialised
 * data in {@code .data}, string literals in {@code .rodata}, zero-filled ones in
 * {@code .bss}; thread-local variables in {@code .tdata} and {@code .tbss}, the TLS template.
 * Addresses inside initialisers become {@code .quad symbol+addend}.
 */
final class DataWriter {
    private DataWriter() {}

    /** Appends the data of every defined global variable in {@code globals} to {@code out}. */
    static void write(List<Obj> globals, StringBuilder out) {
        for (Obj v : globals) {
            if (v.isFunction() || !v.isDefinition || v.type.size < 0) continue;
            if (v.initData == null) {
                out.append(v.isThreadLocal ? "\n\t.section\t.tbss\n" : "\n\t.bss\n");
                header(v, out);
                out.append("\t.zero\t").append(Math.max(1, v.type.size)).append('\n');
                continue;
            }
            out.append(v.isStringLiteral ? "\n\t.rodata\n" : v.isThreadLocal ? "\n\t.section\t.tdata\n" : "\n\t.data\n");
            header(v, out);
            if (v.isStringLiteral) {
                out.append("\t.asciz\t").append(quote(v.initData.toArray(), v.initData.size() - 1)).append('\n');
                continue;
            }
            bytes(v, out);
        }
    }

    /**
     * Appends the .init_array and .fini_array entries of the constructors and destructors
     * defined in {@code globals}. As gcc does, a prioritised one goes to
     * {@code .init_array.00101} (its priority in five digits) and one without a priority to
     * plain {@code .init_array}; the linker sorts the entries of all objects by priority, the
     * unnumbered ones last, equal priorities in link order (docs/executable.md). Within the
     * file, equal priorities are in the order the functions are defined, as gcc emits them.
     */
    static void initArrays(List<Obj> globals, StringBuilder out) {
        array(globals, ".init_array", f -> f.constructor, out);
        array(globals, ".fini_array", f -> f.destructor, out);
    }

    private static void array(List<Obj> globals, String section, ToIntFunction<Obj> priority, StringBuilder out) {
        List<Obj> fns = globals.stream()
                .filter(f -> f.isFunction() && f.isDefinition && priority.applyAsInt(f) >= 0)
                .sorted(Comparator.comparingInt(priority).thenComparingInt(f -> f.definitionOrder))
                .toList();
        int current = -1;
        for (Obj f : fns) {
            int p = priority.applyAsInt(f);
            if (p != current) {
                out.append("\n\t.section\t").append(section);
                if (p != Obj.DEFAULT_PRIORITY) out.append(String.format(".%05d", p));
                out.append("\n\t.align\t8\n");
                current = p;
            }
            out.append("\t.quad\t").append(f.name).append('\n');
        }
    }

    private static void header(Obj v, StringBuilder out) {
        if (!v.name.startsWith(".L")) {
            out.append(v.isStatic ? "\t.local\t" : "\t.globl\t").append(v.name).append('\n');
            out.append("\t.type\t").append(v.name).append(", @object\n");
        }
        out.append("\t.align\t").append(v.alignment()).append('\n');
        out.append(v.name).append(":\n");
    }

    /** The bytes, with runs of zeros as .zero (however long) and relocated words as .quad. */
    private static void bytes(Obj v, StringBuilder out) {
        DataImage data = v.initData;
        int i = 0, relocIndex = 0;
        List<Obj.Reloc> relocs = v.relocs.stream().sorted((a, b) -> Integer.compare(a.offset(), b.offset())).toList();
        while (i < data.size()) {
            if (relocIndex < relocs.size() && relocs.get(relocIndex).offset() == i) {
                Obj.Reloc r = relocs.get(relocIndex++);
                out.append("\t.quad\t").append(r.label());
                if (r.addend() != 0) out.append(r.addend() > 0 ? "+" : "").append(r.addend());
                out.append('\n');
                i += 8;
                continue;
            }
            int limit = relocIndex < relocs.size() ? relocs.get(relocIndex).offset() : data.size();
            int zeros = data.zerosFrom(i, limit);
            if (zeros >= 8 || i + zeros == limit) {
                if (zeros > 0) out.append("\t.zero\t").append(zeros).append('\n');
                i += zeros;
                continue;
            }
            out.append("\t.byte\t");
            int n = 0;
            while (i < limit && n < 16) {
                if (n > 0) out.append(", ");
                out.append(data.byteAt(i) & 0xff);
                i++;
                n++;
            }
            out.append('\n');
            if (out.length() > Limits.MAX_ASSEMBLY_BYTES) throw new Codegen.TooLarge();
        }
    }

    /** A C-style quoted string of the first {@code len} bytes, octal escapes for the unprintable. */
    static String quote(byte[] b, int len) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 32 && c < 127) sb.append((char) c);
                    else sb.append(String.format("\\%03o", c));
                }
            }
        }
        return sb.append('"').toString();
    }
}
