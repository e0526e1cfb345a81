package asm;

import obj.LineTable;
import obj.ObjectFile;
import obj.Relocation;
import obj.Section;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4b: the state of one pass over the statements: the current section, the bytes and
 * relocations being produced, and the evaluation of expressions.
 *
 * <p>Both passes run exactly the same code. Pass 1 writes into a scratch object that is
 * thrown away; all it keeps is where each label landed (in the {@link SymbolTable}). In
 * pass 1 a name not seen yet evaluates to {@link Value#UNKNOWN}, and instructions use a
 * placeholder for it, which is safe because every instruction has the same size whatever
 * its operands: only {@code li} depends on its value, and pass 1's choice is recorded in the
 * statement and kept. Pass 2 knows every label, so it can finish every field, and a name
 * still undefined then belongs to another file: it becomes a relocation.
 *
 * <p>A statement's output goes to a pending buffer and only reaches the section once the
 * whole statement succeeded, so a statement with an error leaves no half-written bytes.
 */
final class Pass implements Expr.Env {
    private final boolean first;
    private final ObjectFile obj;
    final SymbolTable symbols;
    private Section.Kind section = Section.Kind.TEXT;
    /** The statement being assembled, blamed for size-limit errors. */
    private Statement current;

    // The statement being assembled: its bytes (or .bss size) and relocations.
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long pendingBss;
    private final List<Relocation> pendingRelocs = new ArrayList<>();
    private int pendingAlign = 1;

    /** {@code .file "name"}: the object records the source file it was made from. */
    void setSource(String name) {
        obj.setSource(name);
    }

    /** The files {@code .file N, "name"} numbered, by number. */
    private final java.util.Map<Integer, String> files = new java.util.HashMap<>();
    /** The rows {@code .loc} gave, in .text order. */
    private final LineTable.Builder lines = new LineTable.Builder();

    /** {@code .file N, "name"}: numbers a file for {@code .loc}; a number keeps its first name. */
    void numberFile(Token where, int number, String name) {
        String old = files.putIfAbsent(number, name);
        if (old != null && !old.equals(name)) throw new AsmError(where, "file " + number + " is already \"" + old + "\"");
    }

    /** {@code .loc}: the code from the current .text offset on came from {@code line} of file {@code number}. */
    void addLine(Token where, long number, int line) {
        String name = number >= 1 && number <= Integer.MAX_VALUE ? files.get((int) number) : null;
        if (name == null) throw new AsmError(where, "file " + number + " has no number: give it one with .file " + number + ", \"name\" first");
        lines.add(offset(), name, line);
    }

    /** The object's line table once the pass is over: the rows, ended at the end of .text. */
    LineTable lines() {
        return lines.end(obj.section(Section.Kind.TEXT).size()).build();
    }

    Pass(boolean first, ObjectFile obj, SymbolTable symbols) {
        this.first = first;
        this.obj = obj;
        this.symbols = symbols;
    }

    /** True in pass 1, where later labels are not known yet. */
    boolean isFirst() {
        return first;
    }

    Section.Kind section() {
        return section;
    }

    /** Switches to {@code kind}; output continues where the section left off. */
    void setSection(Section.Kind kind) {
        section = kind;
    }

    /** The section output goes to now, in this pass's object. */
    Section currentSection() {
        return obj.section(section);
    }

    /** The offset in the current section where the next byte goes. */
    long offset() {
        return obj.section(section).size() + pending.size() + pendingBss;
    }

    // ---- Expressions ----

    @Override
    public Value symbol(Token name) {
        if (name.text.startsWith("@")) throw new AsmError(name, "'" + name.text + "' is not a symbol");
        if (!first) {
            SymbolTable.Entry e = symbols.get(name.text);
            if (!e.isDefined()) e.referenced = true;
        }
        return symbols.valueOf(name, first);
    }

    @Override
    public Value location() {
        return Value.location(section, offset());
    }

    Value eval(Expr e) {
        return e.eval(this);
    }

    /**
     * Evaluates {@code e}, which must be a constant. In pass 1 a value not known yet gives 0:
     * callers use this only where the value does not change the statement's size.
     */
    long constant(Expr e, String what) {
        Value v = eval(e);
        if (v.unknown) return 0;
        return requireConstant(e, v, what);
    }

    /** Evaluates {@code e}, which must be a constant known already in pass 1 (a size or count). */
    long constantNow(Expr e, String what) {
        Value v = eval(e);
        if (v.unknown) {
            Token t = firstUnknown(e);
            throw new AsmError(t, "'" + t.text + "' is not defined above this line (" + what + " must be known here)");
        }
        return requireConstant(e, v, what);
    }

    /** The first symbol in {@code e} that pass 1 has not seen defined yet (the reason it is UNKNOWN). */
    Token firstUnknown(Expr e) {
        if (e instanceof Expr.Sym) {
            Expr.Sym s = (Expr.Sym) e;
            return !s.name.equals(".") && symbols.valueOf(s.tok, true).unknown ? s.tok : null;
        }
        if (e instanceof Expr.Unary) return firstUnknown(((Expr.Unary) e).operand);
        if (e instanceof Expr.Binary) {
            Token t = firstUnknown(((Expr.Binary) e).left);
            return t != null ? t : firstUnknown(((Expr.Binary) e).right);
        }
        return null;
    }

    private static long requireConstant(Expr e, Value v, String what) {
        if (v.isConstant()) return v.addend;
        if (v.isExternal() && e instanceof Expr.Sym) {
            throw new AsmError(e.start(), "undefined symbol '" + v.symbol + "' (" + what + " must be a constant)");
        }
        throw new AsmError(e.start(), what + " must be a constant, but '" + v.describe() + "' is an address");
    }

    // ---- Output ----

    /** Appends {@code width} bytes of {@code v}, little-endian. */
    void emit(long v, int width) {
        if (section.zeroFilled()) pendingBss += width;
        else for (int i = 0; i < width; i++) pending.write((int) (v >>> (8 * i)));
    }

    void emitBytes(byte[] b) {
        if (section.zeroFilled()) pendingBss += b.length;
        else pending.write(b, 0, b.length);
    }

    void emitZeros(long n) {
        checkRoom(n);
        if (section.zeroFilled()) pendingBss += n;
        else for (long i = 0; i < n; i++) pending.write(0);
    }

    /** Limits on section sizes, so that a typo such as ".zero 1 << 40" is an error, not an OutOfMemoryError. */
    static final long MAX_SECTION_BYTES = 16 << 20, MAX_BSS_BYTES = 1L << 30;

    /** Throws if {@code n} more bytes would make the current section larger than its limit. */
    void checkRoom(long n) {
        long max = section.zeroFilled() ? MAX_BSS_BYTES : MAX_SECTION_BYTES;
        if (n > max || offset() + n > max) {
            throw new AsmError(current.op, "section " + section.sectionName() + " would grow beyond " + (max >> 20) + " MiB");
        }
    }

    /** Raises the current section's alignment when the statement is committed. */
    void requireAlignment(int align) {
        pendingAlign = Math.max(pendingAlign, align);
    }

    /**
     * Records that the field at {@code fieldOffset} of the current section must hold
     * {@code v} (an address) once linked. {@code blame} is the operand to point at if the
     * address cannot be expressed as a relocation. Does nothing in pass 1.
     */
    void relocate(long fieldOffset, Relocation.Type type, Value v, Token blame) {
        if (first || v.unknown) return;
        if (v.symbol == null) {
            throw new AsmError(blame, "an address computed from '.' can only be used for a branch within its section; use a label");
        }
        if (v.tpoff) {
            // A thread-pointer offset is 32 bits wide: an immediate or a .word, never a branch or .quad.
            if (type != Relocation.Type.ABS32) throw new AsmError(blame, "'" + v.describe() + "' can only be a 32-bit immediate or .word");
            type = Relocation.Type.TPOFF32;
        }
        pendingRelocs.add(new Relocation(section, fieldOffset, type, v.symbol, v.addend));
    }

    /** Starts assembling statement {@code st}. */
    void begin(Statement st) {
        current = st;
        discard();
    }

    /** Moves the statement's output into its section; returns the number of bytes it added. */
    long commit() {
        long size = pending.size() + pendingBss;
        Section s = obj.section(section);
        if (section.zeroFilled()) s.appendZeros(pendingBss);
        else s.append(pending.toByteArray());
        s.alignAtLeast(pendingAlign);
        for (Relocation r : pendingRelocs) obj.addRelocation(r);
        discard();
        return size;
    }

    /** Drops the statement's output, after an error. */
    void discard() {
        pending.reset();
        pendingBss = 0;
        pendingRelocs.clear();
        pendingAlign = 1;
    }
}
