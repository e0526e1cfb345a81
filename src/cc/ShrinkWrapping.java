package cc;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrink-wrapping in its simplest form: early returns that run before the frame exists.
 *
 * <p>A function that calls pays for its frame on every path: the prologue stores ra, fp and
 * the s-registers it uses, and the epilogue loads them back. Many functions begin with
 * tests that return at once, such as {@code if (n < 2) return n;} in a recursive
 * {@code fib}, and the path through such a test needs none of that. So the leading
 * statements of a body of the form {@code if (c) return e;} (no else) are generated before
 * the prologue, as a leaf would generate them: the parameters are read in the argument
 * registers they arrived in, temporaries are caller-saved registers, and a return is a
 * plain {@code ret}. The prologue follows, and the rest of the body is generated as usual;
 * the argument registers still hold the parameters there, since the early tests only read
 * them.
 *
 * <p>Two checks keep this correct in general. Before: the tests and returned values must
 * call nothing, assign nothing, and name no local but the parameters that arrive in
 * registers ({@link #prefixLength}). After: their code must name no callee-saved
 * register, nothing of the frame ({@code fp}, {@code sp}, {@code ra}) and make no call
 * ({@link #frameFree}); a spill, a local's frame slot or a struct temporary would show up
 * there. If either check fails, the function gets its frame first, as before.
 *
 * <p>A backtrace taken in the early code finds the caller through ra, as in a leaf without a
 * frame (kernel/trace/Symbolizer.java).
 */
final class ShrinkWrapping {
    private ShrinkWrapping() {}

    /** The temporaries of the early code, before the argument registers no parameter uses. */
    private static final List<String> TEMPORARIES = List.of("t8", "t7", "t6");

    /** Registers the early code must not name: it runs before they are saved or set up. */
    private static final List<String> FRAME_REGISTERS = List.of(
            "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "fp", "sp", "ra");

    /**
     * The parameters of {@code f} that can be read where they arrive: scalars passed in
     * a0..a7, each mapped to its register.
     */
    static Map<Obj, String> argumentRegisters(Obj f) {
        Map<Obj, String> in = new IdentityHashMap<>();
        int k = CallGen.returnsInMemory(f.type) ? 1 : 0;
        for (Obj p : f.params) {
            if (p.type.isScalar() && k < 8) in.put(p, "a" + k);
            k += CallGen.slots(p.type);
        }
        return in;
    }

    /**
     * The registers the early code of {@code f} may use as temporaries: a few t-registers
     * that the code generator never names for its own purposes, then the argument
     * registers that carry no parameter.
     */
    static List<String> temporaries(Obj f) {
        List<String> regs = new java.util.ArrayList<>(TEMPORARIES);
        int used = 0;
        for (Obj p : f.params) used += CallGen.slots(p.type);
        for (int k = 7; k >= used; k--) regs.add("a" + k);
        return regs;
    }

    /**
     * How many of the leading statements of {@code f}'s body are early returns that may run
     * before the frame exists (see the class comment); 0 for a variadic function or one
     * that returns a struct through memory, whose prologue does more than save registers.
     */
    static int prefixLength(Obj f) {
        if (f.type.variadic || CallGen.returnsInMemory(f.type) || f.body == null || f.body.kind != Node.Kind.BLOCK) return 0;
        Map<Obj, String> params = argumentRegisters(f);
        int n = 0;
        for (Node s : f.body.body) {
            if (!isEarlyReturn(s, params)) break;
            n++;
        }
        return n;
    }

    /** True for {@code if (c) return e;} (or {@code { return e; }}) whose c and e may run early. */
    private static boolean isEarlyReturn(Node s, Map<Obj, String> params) {
        if (s.kind != Node.Kind.IF || s.els != null) return false;
        Node ret = s.then;
        if (ret.kind == Node.Kind.BLOCK && ret.body.size() == 1) ret = ret.body.get(0);
        if (ret.kind != Node.Kind.RETURN) return false;
        if (ret.lhs != null && !(ret.lhs.type.isScalar() && mayRunEarly(ret.lhs, params))) return false;
        return mayRunEarly(s.cond, params);
    }

    /**
     * True if expression {@code n} calls nothing, changes nothing, touches neither the stack
     * nor the frame, and names no local but {@code params}: its code can run before the
     * prologue and leave everything as the prologue expects it.
     */
    private static boolean mayRunEarly(Node n, Map<Obj, String> params) {
        return !Node.any(n, c -> switch (c.kind) {
            case FUNCALL, ASSIGN, STMT_EXPR, MEMZERO, ATOMIC, VA_START, STACK_POINTER, STACK_ALLOC, STACK_RESTORE -> true;
            case VAR -> c.var.isLocal && !params.containsKey(c.var);
            default -> false;
        });
    }

    /** True if the early code {@code code} (comments stripped) makes no call and names none of {@link #FRAME_REGISTERS}. */
    static boolean frameFree(String code) {
        if (!LeafFunctions.isLeaf(code)) return false;
        for (String r : FRAME_REGISTERS) if (LeafFunctions.names(code, r)) return false;
        return true;
    }
}
