package cc;

import diag.Diagnostic;
import diag.Diagnostics;
import diag.SourceFile;

import java.util.List;

/**
 * Checks, before any code is generated, that a translation unit's global variables and
 * string literals fit in the assembler's sections ({@link Limits#MAX_DATA_SECTION_BYTES},
 * {@link Limits#MAX_BSS_SECTION_BYTES}), placing them as {@link DataWriter} will: initialised
 * variables in .data, string literals in .rodata, the others in .bss, each at its
 * alignment. The first variable that does not fit gets the error, at its declaration: GCC's
 * "size of array 'a' is too large" when it is too large on its own, else a message naming
 * the section it overflows.
 */
final class SectionSizes {
    private SectionSizes() {}

    /** Reports to {@code diags} the first global of {@code globals} (in output order) that does not fit. */
    static void check(List<Obj> globals, Diagnostics diags) {
        long data = 0, rodata = 0, bss = 0;
        for (Obj v : globals) {
            if (v.isFunction() || !v.isDefinition || v.type.size < 0) continue;
            long size = Math.max(1, v.type.size), align = Math.max(1, v.type.align);
            String error;
            if (v.initData == null) {
                bss = (bss + align - 1) / align * align + size;
                error = tooLarge(v, size, bss, ".bss", Limits.MAX_BSS_SECTION_BYTES);
            } else if (v.isStringLiteral) {
                rodata = (rodata + align - 1) / align * align + size;
                error = tooLarge(v, size, rodata, ".rodata", Limits.MAX_DATA_SECTION_BYTES);
            } else {
                data = (data + align - 1) / align * align + size;
                error = tooLarge(v, size, data, ".data", Limits.MAX_DATA_SECTION_BYTES);
            }
            if (error != null) {
                Token t = v.tok;
                String line = t == null || t.source == null ? null : new SourceFile(t.file, t.source).line(t.line);
                diags.add(t == null ? new Diagnostic("<unknown>", 0, 0, Diagnostic.Severity.ERROR, error, null)
                        : new Diagnostic(t.file, t.line, t.column, Diagnostic.Severity.ERROR, error, line));
                return;
            }
        }
    }

    /** The message if {@code v}, of {@code size} bytes, makes {@code section} end past {@code max}; else null. */
    private static String tooLarge(Obj v, long size, long end, String section, long max) {
        if (end <= max) return null;
        String name = v.isStringLiteral ? null : v.tok != null && v.tok.kind == Token.Kind.IDENT ? v.tok.text : v.name;
        String what = name == null ? "string literal" : "'" + name + "'";
        if (size > max && name != null) {
            return (v.type.kind == Type.Kind.ARRAY ? "size of array " : "size of variable ") + what + " is too large";
        }
        String kind = section.equals(".bss") ? "zero-initialized" : section.equals(".data") ? "initialized" : "constant";
        return what + " does not fit: the " + kind + " data of one file may not exceed "
                + Limits.describe(max) + " (section " + section + ")";
    }
}
