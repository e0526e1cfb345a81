package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * The calling convention of docs/isa.md, both sides: how a caller places arguments in
 * a0..a7 and on the stack, and how a callee stores its incoming parameters into its frame
 * and returns its value.
 *
 * <p>Arguments fill 8-byte slots in order: a scalar takes one, a struct of up to 16 bytes one
 * or two (its bytes as they lie in memory), a bigger struct one (the address of a copy the
 * caller made). A struct result of more than 16 bytes takes slot 0 for the hidden result
 * address. Slots 0..7 are a0..a7; slot 8 onwards is at 0(sp), 8(sp), ... at the call.
 */
final class CallGen {
    private final Codegen g;
    /** fp offset of the saved hidden result pointer in a function returning a big struct. */
    private int resultPointerOffset;

    CallGen(Codegen g) {
        this.g = g;
    }

    /** How many 8-byte argument slots a value of type {@code t} occupies. */
    static int slots(Type t) {
        if (t.isAggregate() && t.size <= 16) return Math.max(1, (t.size + 7) / 8);
        return 1;
    }

    /** True if function type {@code ft} returns a struct through a hidden pointer (over 16 bytes). */
    static boolean returnsInMemory(Type ft) {
        return ft.returnType.isAggregate() && ft.returnType.size > 16;
    }

    /** The number of slots the named parameters of {@code f} take (va_start begins after them). */
    int namedSlots(Obj f) {
        int k = returnsInMemory(f.type) ? 1 : 0;
        for (Type t : f.type.params) k += slots(t);
        return k;
    }

    /** fp offset of incoming stack slot {@code k} (k >= 8) of the current function. */
    private int incomingSlot(int k) {
        return (g.fn.type.variadic ? 64 : 0) + 8 * (k - 8);
    }

    /** Copies the incoming parameters into their frame slots (the first code of a function). */
    void prologueParams(Obj f) {
        int k = 0;
        if (returnsInMemory(f.type)) {
            resultPointerOffset = g.allocFrame(8, 8);
            g.emit("sd\ta0, " + resultPointerOffset + "(" + g.frameBase + ")");
            k = 1;
        }
        for (Obj p : f.params) {
            Type t = p.type;
            if (t.isAggregate() && t.size > 16) {
                g.emit(k < 8 ? "mv\tt2, a" + k : "ld\tt2, " + incomingSlot(k) + "(" + g.frameBase + ")");
                g.emit("addi\tt3, " + g.frameBase + ", " + p.offset);
                BlockMoves.copy(g, "t3", "t2", t.size);
            } else if (t.isAggregate()) {
                for (int c = 0; c < slots(t); c++) {
                    String src = k + c < 8 ? "a" + (k + c) : "t2";
                    if (k + c >= 8) g.emit("ld\tt2, " + incomingSlot(k + c) + "(" + g.frameBase + ")");
                    storeChunk(src, g.frameBase, p.offset + 8 * c, Math.min(8, t.size - 8 * c));
                }
            } else if (g.registerOf(p) != null) {
                // The caller extended the argument as its type says, as a register local needs.
                String home = g.registerOf(p);
                g.emit(k < 8 ? "mv\t" + home + ", a" + k : "ld\t" + home + ", " + incomingSlot(k) + "(" + g.frameBase + ")");
            } else {
                String src = k < 8 ? "a" + k : "t2";
                if (k >= 8) g.emit("ld\tt2, " + incomingSlot(k) + "(" + g.frameBase + ")");
                storeChunk(src, g.frameBase, p.offset, t.size);
            }
            k += slots(t);
        }
    }

    /** Moves the value in {@code r} of type {@code t} to where the caller expects the result. */
    void returnValue(String r, Type t) {
        if (t.isAggregate() && t.size > 16) {
            g.emit("ld\tt2, " + resultPointerOffset + "(" + g.frameBase + ")");
            BlockMoves.copy(g, "t2", r, t.size);
            g.emit("mv\ta0, t2");
        } else if (t.isAggregate()) {
            loadChunk("a0", r, 0, Math.min(8, t.size));
            if (t.size > 8) loadChunk("a1", r, 8, t.size - 8);
        } else if (t.kind != Type.Kind.VOID) {
            g.emit("mv\ta0, " + r);
        }
    }

    /** Emits a call; returns the register holding the result (a struct result's address). */
    String call(Node n) {
        Type ft = n.funcType;
        Type ret = ft.returnType;
        String calleeReg = null;
        String direct = null;
        if (n.lhs.kind == Node.Kind.ADDR && n.lhs.lhs.kind == Node.Kind.VAR && !n.lhs.lhs.var.isLocal) {
            direct = n.lhs.lhs.var.name;
        } else {
            calleeReg = g.gen(n.lhs);
        }
        int nargs = n.args.size();
        boolean spill = g.depth + nargs + 2 > g.temps;
        if (g.loops > 0) g.callDepth = Math.max(g.callDepth, g.depth + nargs + 2);
        List<String> where = new ArrayList<>();
        int inRegisters = 0;
        // An argument may be computed straight into its register if no argument evaluated
        // after it makes a call (which would overwrite a0..a7): simple arguments, loaded last,
        // never touch a0..a7, and nothing else in a function that calls uses them.
        boolean[] callAfter = new boolean[nargs];
        for (int i = nargs - 2; i >= 0; i--) callAfter[i] = callAfter[i + 1] || makesCall(n.args.get(i + 1));
        int slot = returnsInMemory(ft) ? 1 : 0;
        for (int i = 0; i < nargs; i++) {
            Node arg = n.args.get(i);
            Type t = arg.type;
            int argSlot = slot;
            slot += slots(t);
            if (g.addr.isSimple(arg)) {
                // Constants and plain variables go straight into their argument register below.
                where.add(null);
                continue;
            }
            if (!callAfter[i] && !spill && argSlot < 8 && t.isScalar()) {
                g.genInto("a" + argSlot, arg);
                where.add("a" + argSlot);
                continue;
            }
            String r = g.gen(arg);
            if (t.isAggregate() && t.size > 16) {
                int off = g.allocFrame(t.size, 8);
                g.emit("addi\tt2, " + g.frameBase + ", " + off);
                BlockMoves.copy(g, "t2", r, t.size);
                g.emit("addi\t" + r + ", " + g.frameBase + ", " + off);
            }
            if (spill) {
                int off = g.allocFrame(8, 8);
                g.emit("sd\t" + r + ", " + off + "(" + g.frameBase + ")");
                g.pop();
                where.add(String.valueOf(off));
            } else {
                where.add(r);
                inRegisters++;
            }
        }
        boolean bigRet = returnsInMemory(ft);
        int total = bigRet ? 1 : 0;
        for (Node arg : n.args) total += slots(arg.type);
        int stackBytes = (Math.max(0, total - 8) * 8 + 15) / 16 * 16;
        if (stackBytes > 0) g.emit("addi\tsp, sp, -" + stackBytes);
        int retOff = 0;
        if (ret.isAggregate()) retOff = g.allocFrame(Math.max(ret.size, 16), 8);
        int k = bigRet ? 1 : 0;
        for (int i = 0; i < nargs; i++) {
            Type t = n.args.get(i).type;
            String v = where.get(i);
            if (v != null && v.startsWith("a")) {
                k++;
                continue;
            }
            if (v == null) {
                String dst = k < 8 ? "a" + k : "t2";
                g.addr.genSimple(dst, n.args.get(i));
                if (k >= 8) g.emit("sd\tt2, " + 8 * (k - 8) + "(sp)");
                k++;
                continue;
            }
            if (!v.startsWith("s")) {
                g.emit("ld\tt2, " + v + "(" + g.frameBase + ")");
                v = "t2";
            }
            if (t.isAggregate() && t.size <= 16) {
                for (int c = 0; c < slots(t); c++, k++) {
                    String dst = k < 8 ? "a" + k : "t3";
                    loadChunk(dst, v, 8 * c, Math.min(8, t.size - 8 * c));
                    if (k >= 8) g.emit("sd\tt3, " + 8 * (k - 8) + "(sp)");
                }
            } else {
                if (k < 8) g.emit("mv\ta" + k + ", " + v);
                else g.emit("sd\t" + v + ", " + 8 * (k - 8) + "(sp)");
                k++;
            }
        }
        if (bigRet) g.emit("addi\ta0, " + g.frameBase + ", " + retOff);
        if (direct != null) g.emit("call\t" + direct);
        else g.emit("callr\t" + calleeReg);
        if (stackBytes > 0) g.emit("addi\tsp, sp, " + stackBytes);
        for (int i = 0; i < inRegisters; i++) g.pop();
        if (calleeReg != null) g.pop();
        String r = g.push(n.tok);
        if (bigRet) {
            g.emit("addi\t" + r + ", " + g.frameBase + ", " + retOff);
        } else if (ret.isAggregate()) {
            storeChunk("a0", g.frameBase, retOff, Math.min(8, ret.size));
            if (ret.size > 8) storeChunk("a1", g.frameBase, retOff + 8, ret.size - 8);
            g.emit("addi\t" + r + ", " + g.frameBase + ", " + retOff);
        } else if (ret.kind != Type.Kind.VOID) {
            // The callee returns the value already extended as its type says.
            g.emit("mv\t" + r + ", a0");
        }
        return r;
    }

    /** True if evaluating {@code n} makes a call (only a call's code writes a0..a7 in a function that calls). */
    static boolean makesCall(Node n) {
        return Node.any(n, c -> c.kind == Node.Kind.FUNCALL);
    }

    /** Loads {@code n} (1..8) bytes at {@code off(addr)} into {@code dst}, zero-extended. */
    private void loadChunk(String dst, String addr, int off, int n) {
        switch (n) {
            case 8 -> g.emit("ld\t" + dst + ", " + off + "(" + addr + ")");
            case 4 -> g.emit("lwu\t" + dst + ", " + off + "(" + addr + ")");
            case 2 -> g.emit("lhu\t" + dst + ", " + off + "(" + addr + ")");
            case 1 -> g.emit("lbu\t" + dst + ", " + off + "(" + addr + ")");
            default -> {
                g.emit("li\t" + dst + ", 0");
                for (int i = n - 1; i >= 0; i--) {
                    g.emit("slli\t" + dst + ", " + dst + ", 8");
                    g.emit("lbu\tt0, " + (off + i) + "(" + addr + ")");
                    g.emit("or\t" + dst + ", " + dst + ", t0");
                }
            }
        }
    }

    /** Stores the low {@code n} (1..8) bytes of {@code src} at {@code off(addr)}. */
    private void storeChunk(String src, String addr, int off, int n) {
        switch (n) {
            case 8 -> g.emit("sd\t" + src + ", " + off + "(" + addr + ")");
            case 4 -> g.emit("sw\t" + src + ", " + off + "(" + addr + ")");
            case 2 -> g.emit("sh\t" + src + ", " + off + "(" + addr + ")");
            case 1 -> g.emit("sb\t" + src + ", " + off + "(" + addr + ")");
            default -> {
                g.emit("mv\tt1, " + src);
                for (int i = 0; i < n; i++) {
                    g.emit("sb\tt1, " + (off + i) + "(" + addr + ")");
                    g.emit("srli\tt1, t1, 8");
                }
            }
        }
    }
}
