package asm;

import obj.Relocation;
import obj.Section;
import obj.Symbol;
import vm.Isa;

import java.util.List;

/**
 * Stage 3, for directives: sections, data, alignment, and symbol attributes.
 *
 * <p>Every directive runs in both passes, like instructions do. Directives that give
 * symbols their meaning ({@code .equ}) act only in pass 1, so that the symbol has one value
 * for the whole of pass 2; those that need every label ({@code .size}) act only in pass 2.
 */
final class Directives {
    private Directives() {}

    /** Every directive the assembler knows, for suggestions. */
    static final List<String> NAMES = List.of(
            ".text", ".data", ".rodata", ".bss", ".section",
            ".byte", ".half", ".short", ".word", ".int", ".long", ".quad", ".dword",
            ".ascii", ".asciz", ".string", ".zero", ".space", ".skip",
            ".align", ".balign", ".p2align",
            ".globl", ".global", ".local", ".type", ".size", ".file", ".loc", ".equ", ".set");

    /** The largest alignment {@code .align} accepts: 64 KiB. */
    static final int MAX_ALIGN = 1 << 16;

    /** Runs directive statement {@code st} in pass {@code p}. */
    static void run(Pass p, Statement st) {
        String name = st.name();
        List<Operand> ops = st.operands;
        switch (name) {
            case ".text": count(st, 0); p.setSection(Section.Kind.TEXT); break;
            case ".data": count(st, 0); p.setSection(Section.Kind.DATA); break;
            case ".rodata": count(st, 0); p.setSection(Section.Kind.RODATA); break;
            case ".bss": count(st, 0); p.setSection(Section.Kind.BSS); break;
            case ".section": section(p, st); break;
            case ".byte": data(p, st, 1); break;
            case ".half": case ".short": data(p, st, 2); break;
            case ".word": case ".int": case ".long": data(p, st, 4); break;
            case ".quad": case ".dword": data(p, st, 8); break;
            case ".ascii": strings(p, st, false); break;
            case ".asciz": case ".string": strings(p, st, true); break;
            case ".zero": count(st, 1); space(p, st, ops.get(0), null); break;
            case ".space": case ".skip":
                if (ops.size() != 1 && ops.size() != 2) throw new AsmError(st.op, "'" + st.op.text + "' expects a size and an optional fill byte");
                space(p, st, ops.get(0), ops.size() == 2 ? ops.get(1) : null);
                break;
            case ".align": case ".balign": count(st, 1); align(p, st, false); break;
            case ".p2align": count(st, 1); align(p, st, true); break;
            case ".globl": case ".global": case ".local": visibility(p, st); break;
            case ".type": type(p, st); break;
            case ".file": file(p, st); break;
            case ".loc": loc(p, st); break;
            case ".size": size(p, st); break;
            case ".equ": case ".set": equ(p, st); break;
            default:
                throw new AsmError(st.op, "unknown directive '" + st.op.text + "'" + Suggest.directive(name));
        }
    }

    private static void count(Statement st, int n) {
        if (st.operands.size() == n) return;
        Token where = st.operands.size() > n ? st.operands.get(n).tok : st.op;
        String what = n == 0 ? "takes no operands" : "expects " + n + (n == 1 ? " operand" : " operands");
        throw new AsmError(where, "'" + st.op.text + "' " + what + ", but " + st.operands.size() + " were given");
    }

    private static Expr value(Operand o) {
        if (o.isExpr()) return o.asExpr();
        throw new AsmError(o.tok, "expected a value, found " + (o.kind == Operand.Kind.STRING ? "a string" : "a memory operand"));
    }

    private static String symbolName(Operand o) {
        String n = o.name();
        if (n == null || n.startsWith("@")) throw new AsmError(o.tok, "expected a symbol name");
        return n;
    }

    /**
     * {@code .section NAME[, flags...]}: the name picks one of the eight kinds; flags are
     * ignored. {@code .init_array.NNNNN} and {@code .fini_array.NNNNN} (NNNNN a priority, 0 to
     * 65535, as gcc names them) give the entries that follow that priority; the plain names,
     * or any other suffix, the default one (Section.DEFAULT_PRIORITY, 65535).
     */
    private static void section(Pass p, Statement st) {
        if (st.operands.isEmpty()) throw new AsmError(st.op, "'.section' expects a section name");
        Operand o = st.operands.get(0);
        String n = o.kind == Operand.Kind.STRING ? new String(o.bytes(), java.nio.charset.StandardCharsets.UTF_8) : o.name();
        if (n != null) {
            for (Section.Kind k : Section.Kind.values()) {
                String base = k.sectionName();
                // ".rodata.str1.1" and the like, as C compilers write them, go to ".rodata";
                // ".init_array.00101" (a constructor's priority) goes to ".init_array".
                if (n.equals(base) || n.startsWith(base + ".")) {
                    p.setSection(k);
                    if (p.currentSection().hasPriorities()) p.currentSection().setPriority(priority(n.substring(base.length())));
                    return;
                }
            }
        }
        throw new AsmError(o.tok, "unknown section " + (n == null ? "name" : "'" + n + "'")
                + " (a Clonix object has .text, .rodata, .data, .bss, .tdata, .tbss, .init_array and .fini_array)");
    }

    /** The priority a section name's suffix (".00101", or "") gives its entries. */
    private static int priority(String suffix) {
        if (suffix.matches("\\.[0-9]{1,5}")) {
            int v = Integer.parseInt(suffix.substring(1));
            if (v <= 65535) return v;
        }
        return Section.DEFAULT_PRIORITY;
    }

    private static void noBss(Pass p, Statement st) {
        if (p.section().zeroFilled()) {
            String name = p.section().sectionName();
            throw new AsmError(st.op, "'" + st.op.text + "' in " + name + ": " + name + " holds no bytes, reserve space with .zero instead");
        }
    }

    /** {@code .byte/.half/.word/.quad value, ...}: each value little-endian in {@code width} bytes. */
    private static void data(Pass p, Statement st, int width) {
        noBss(p, st);
        if (st.operands.isEmpty()) throw new AsmError(st.op, "'" + st.op.text + "' expects at least one value");
        for (Operand o : st.operands) {
            Expr e = value(o);
            // Only a .word or .quad field is wide enough for the linker to put an address in.
            Value v = width >= 4 ? p.eval(e) : Value.constant(p.constant(e, "a '" + st.op.text + "' value"));
            if (v.unknown) {
                p.emit(0, width);
            } else if (v.isConstant()) {
                long min = width == 8 ? Long.MIN_VALUE : -(1L << (8 * width - 1));
                long max = width == 8 ? Long.MAX_VALUE : (1L << (8 * width)) - 1;
                if (v.addend < min || v.addend > max) {
                    throw new AsmError(e.start(), "'" + st.op.text + "' value " + v.addend + " is out of range (" + min + ".." + max + ")");
                }
                p.emit(v.addend, width);
            } else {
                p.relocate(p.offset(), width == 8 ? Relocation.Type.ABS64 : Relocation.Type.ABS32, v, e.start());
                p.emit(0, width);
            }
        }
    }

    /** {@code .ascii "s", ...}; {@code .asciz}/{@code .string} add a NUL after each string. */
    private static void strings(Pass p, Statement st, boolean nul) {
        noBss(p, st);
        if (st.operands.isEmpty()) throw new AsmError(st.op, "'" + st.op.text + "' expects a string");
        for (Operand o : st.operands) {
            if (o.kind != Operand.Kind.STRING) throw new AsmError(o.tok, "expected a string in double quotes");
            p.emitBytes(o.bytes());
            if (nul) p.emit(0, 1);
        }
    }

    /** {@code .zero N}, {@code .space N[, fill]}: N bytes of zero (or of the fill byte). */
    private static void space(Pass p, Statement st, Operand n, Operand fill) {
        long count = p.constantNow(value(n), "the size");
        if (count < 0) throw new AsmError(n.tok, "size " + count + " is negative");
        if (fill == null) {
            p.emitZeros(count);
            return;
        }
        noBss(p, st);
        long f = p.constant(value(fill), "the fill byte");
        if (f < -128 || f > 255) throw new AsmError(fill.tok, "fill value " + f + " does not fit in a byte");
        p.checkRoom(count);
        for (long i = 0; i < count; i++) p.emit(f, 1);
    }

    /**
     * {@code .align N} / {@code .balign N}: pads to a multiple of N bytes, N a power of two
     * (the GNU .balign meaning on every target; {@code .p2align k} means 2^k). Text is padded
     * with {@code nop} instructions so that falling through the padding is harmless, data
     * with zeros. The section's own alignment rises to N so the linker keeps it.
     */
    private static void align(Pass p, Statement st, boolean log2) {
        Expr e = value(st.operands.get(0));
        long n = p.constantNow(e, "the alignment");
        if (log2) {
            if (n < 0 || n > 16) throw new AsmError(e.start(), "'.p2align' exponent " + n + " is out of range 0..16");
            n = 1L << n;
        }
        if (n <= 0 || (n & (n - 1)) != 0) throw new AsmError(e.start(), "alignment " + n + " is not a power of two");
        if (n > MAX_ALIGN) throw new AsmError(e.start(), "alignment " + n + " is larger than " + MAX_ALIGN);
        p.requireAlignment((int) n);
        long pad = (n - p.offset() % n) % n;
        if (p.section() == Section.Kind.TEXT) {
            while (pad > 0 && p.offset() % Isa.INSN_BYTES != 0) {
                p.emit(0, 1);
                pad--;
            }
            for (; pad >= Isa.INSN_BYTES; pad -= Isa.INSN_BYTES) p.emit(Isa.encode(Isa.NOP, 0, 0, 0, 0), Isa.INSN_BYTES);
        }
        p.emitZeros(pad);
    }

    /** {@code .globl sym, ...} makes symbols visible to other objects; {@code .local} hides them. */
    private static void visibility(Pass p, Statement st) {
        if (st.operands.isEmpty()) throw new AsmError(st.op, "'" + st.op.text + "' expects a symbol name");
        boolean global = !st.name().equals(".local");
        for (Operand o : st.operands) {
            SymbolTable.Entry e = p.symbols.get(symbolName(o));
            e.global = global;
            if (!p.isFirst() && e.isConstant) {
                throw new AsmError(o.tok, "'" + e.name + "' is a constant (.equ); only labels can be " + (global ? "global" : "local") + " symbols");
            }
        }
    }

    /** {@code .type sym, @function|@object|@notype}. */
    private static void type(Pass p, Statement st) {
        count(st, 2);
        SymbolTable.Entry e = p.symbols.get(symbolName(st.operands.get(0)));
        Operand t = st.operands.get(1);
        String kind = t.name() == null ? "" : t.name();
        switch (kind.startsWith("@") ? kind.substring(1) : kind) {
            case "function": e.type = Symbol.Type.FUNC; break;
            case "object": e.type = Symbol.Type.OBJECT; break;
            case "notype": e.type = Symbol.Type.NOTYPE; break;
            default: throw new AsmError(t.tok, "expected @function, @object or @notype");
        }
    }

    /**
     * {@code .file "prog.c"}: the source file, which the linker's messages name.
     * {@code .file 2, "stdio.h"}: gives a file a number for {@link #loc} to name (GNU as
     * writes {@code .file 2 "stdio.h"}; Clonix separates operands by commas everywhere).
     */
    private static void file(Pass p, Statement st) {
        if (st.operands.size() == 2) {
            Operand n = st.operands.get(0);
            long number = p.constantNow(value(n), "the file number");
            if (number < 1 || number > MAX_FILE_NUMBER) throw new AsmError(n.tok, "file number " + number + " is not between 1 and " + MAX_FILE_NUMBER);
            p.numberFile(n.tok, (int) number, string(st.operands.get(1)));
            return;
        }
        count(st, 1);
        p.setSource(string(st.operands.get(0)));
    }

    /** The largest number {@code .file N, "name"} accepts. */
    static final int MAX_FILE_NUMBER = 65535;

    /**
     * {@code .loc FILE, LINE}: the code from here on came from line LINE of the file that
     * {@code .file FILE, "name"} numbered, until the next {@code .loc} or the end of the
     * object's .text: a row of the object's line table (obj.LineTable).
     */
    private static void loc(Pass p, Statement st) {
        count(st, 2);
        Operand f = st.operands.get(0), l = st.operands.get(1);
        long file = p.constantNow(value(f), "the file number");
        long line = p.constantNow(value(l), "the line");
        if (p.section() != Section.Kind.TEXT) throw new AsmError(st.op, "'.loc' belongs in .text, not " + p.section().sectionName());
        if (line < 1 || line > Integer.MAX_VALUE) throw new AsmError(l.tok, "line " + line + " is not between 1 and " + Integer.MAX_VALUE);
        p.addLine(f.tok, file, (int) line);
    }

    /** The text of a string operand. */
    private static String string(Operand o) {
        if (o.kind != Operand.Kind.STRING) throw new AsmError(o.tok, "expected a string in double quotes");
        return new String(o.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code .size sym, expr}, typically {@code .size f, .-f}: evaluated in pass 2, when every label is known. */
    private static void size(Pass p, Statement st) {
        count(st, 2);
        SymbolTable.Entry e = p.symbols.get(symbolName(st.operands.get(0)));
        Expr x = value(st.operands.get(1));
        long n = p.constant(x, "the size");
        if (p.isFirst()) return;
        if (n < 0) throw new AsmError(x.start(), "size " + n + " is negative");
        e.size = n;
    }

    /**
     * {@code .equ name, expr} / {@code .set}: gives a name a value. Evaluated once, in pass 1,
     * where it stands, so every symbol it uses must be defined above it; "." is the address
     * of the directive. A constant stays inside the assembler; an address makes the name
     * another label for that address.
     */
    private static void equ(Pass p, Statement st) {
        count(st, 2);
        Operand nameOp = st.operands.get(0);
        String name = symbolName(nameOp);
        if (!p.isFirst()) return;
        Expr e = value(st.operands.get(1));
        Value v = p.eval(e);
        if (v.unknown) {
            Token t = p.firstUnknown(e);
            throw new AsmError(t, "'" + t.text + "' is not defined above this line (an .equ can only use symbols defined before it)");
        }
        if (v.isConstant()) p.symbols.defineConstant(nameOp.tok, v.addend);
        else if (v.section != null) p.symbols.defineLabel(nameOp.tok, v.section, v.sectionOffset());
        else throw new AsmError(e.start(), "'" + name + "' cannot be an alias of '" + v.symbol + "', which this file does not define");
    }
}
