package ld;

import obj.Executable;
import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Segment;
import obj.Symbol;
import vm.Isa;

/**
 * Builds small object files by hand, as the assembler would, so that linker tests do not
 * depend on the assembler.
 */
final class TestObjects {
    private TestObjects() {}

    /** Defines {@code name} at the current end of {@code kind}, with the given binding and type. */
    static Symbol label(ObjectFile o, Section.Kind kind, String name, Symbol.Binding b, Symbol.Type t) {
        Symbol s = new Symbol(name, kind, o.section(kind).size(), 0, b, t);
        o.putSymbol(s);
        return s;
    }

    /** Starts a global function at the current end of .text. */
    static Symbol func(ObjectFile o, String name) {
        return label(o, Section.Kind.TEXT, name, Symbol.Binding.GLOBAL, Symbol.Type.FUNC);
    }

    /** Appends one instruction to .text; returns its offset. */
    static long insn(ObjectFile o, int op, int rd, int rs1, int rs2, int imm) {
        long at = o.section(Section.Kind.TEXT).size();
        o.section(Section.Kind.TEXT).appendLE(Isa.encode(op, rd, rs1, rs2, imm), 8);
        return at;
    }

    /** Appends {@code call target} (jal ra) with its PCREL32 relocation; returns the instruction's offset. */
    static long call(ObjectFile o, String target) {
        long at = insn(o, Isa.JAL, Isa.RA, 0, 0, 0);
        o.addRelocation(new Relocation(Section.Kind.TEXT, at + 4, Relocation.Type.PCREL32, target, 0));
        return at;
    }

    /** Appends {@code li rd, sym+addend} with its ABS32 relocation; returns the instruction's offset. */
    static long la(ObjectFile o, int rd, String sym, long addend) {
        long at = insn(o, Isa.LI, rd, 0, 0, 0);
        o.addRelocation(new Relocation(Section.Kind.TEXT, at + 4, Relocation.Type.ABS32, sym, addend));
        return at;
    }

    /** Appends {@code ret}. */
    static void ret(ObjectFile o) {
        insn(o, Isa.JALR, 0, Isa.RA, 0, 0);
    }

    /** Sets a symbol's size to the distance from its start to the current end of its section. */
    static void endSymbol(ObjectFile o, Symbol s) {
        s.size = o.section(s.section).size() - s.value;
    }

    /** An object defining global function {@code _start} that calls {@code callee}. */
    static ObjectFile startCalling(String name, String callee) {
        ObjectFile o = new ObjectFile(name);
        Symbol s = func(o, "_start");
        call(o, callee);
        insn(o, Isa.SYSCALL, 0, 0, 0, 0);
        endSymbol(o, s);
        return o;
    }

    /** An object defining global function {@code name} (a bare {@code ret}), optionally calling others first. */
    static ObjectFile leaf(String objName, String name, String... calls) {
        ObjectFile o = new ObjectFile(objName);
        Symbol s = func(o, name);
        for (String c : calls) call(o, c);
        ret(o);
        endSymbol(o, s);
        return o;
    }

    /** Reads {@code width} bytes little-endian at {@code addr} of the loaded image (zero past a segment's file size). */
    static long read(Executable exe, long addr, int width) {
        Segment seg = exe.segmentAt(addr);
        if (seg == null) throw new AssertionError("no segment at 0x" + Long.toHexString(addr));
        byte[] d = seg.data();
        long v = 0;
        for (int i = 0; i < width; i++) {
            int at = (int) (addr - seg.vaddr()) + i;
            v |= (at < d.length ? d[at] & 0xffL : 0) << (8 * i);
        }
        return v;
    }

    /** The immediate of the instruction at {@code addr}. */
    static int imm(Executable exe, long addr) {
        return (int) read(exe, addr + 4, 4);
    }

    /** The address of symbol {@code name} in {@code exe}. */
    static long addr(Executable exe, String name) {
        Symbol s = exe.symbol(name);
        if (s == null) throw new AssertionError("no symbol " + name);
        return s.value;
    }
}
