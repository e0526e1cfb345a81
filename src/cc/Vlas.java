package cc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variable-length arrays (C11 6.7.6.2): {@code int a[n]}, {@code int m[r][c]}, VLA
 * parameters {@code int a[n][n]}, and {@code sizeof} of them at run time.
 *
 * <p>A local whose alignment is larger than the frame's 16 bytes ({@code _Alignas(64)}) is
 * allocated the same way, sp rounded down to its alignment.
 *
 * <p>A VLA type is an array type whose size in bytes lives in a hidden local, computed when
 * the declarator is reached ({@link Type#vlaSize}). A VLA object has no room in the frame:
 * its declaration saves sp, moves sp down by the size (rounded up to 16) and keeps the new
 * sp, its address, in a second hidden local; every use of its name is {@code *address}.
 * The space is given back by setting sp to the saved value again when the block ends, and
 * before any break, continue or goto that leaves the block (or jumps back above the
 * declaration); a return restores sp from fp in the epilogue.
 */
final class Vlas {
    private final Parser p;
    /** Size computations made by declarators and not yet placed into the code, in order. */
    private final List<Node> pending = new ArrayList<>();
    /** While a parameter list is read outside a function: the hidden locals its sizes need. */
    private List<Obj> paramLocals;
    /** The VLAs in scope here, outermost first, each as the local holding sp before it was allocated. */
    final List<Obj> live = new ArrayList<>();
    /** For each break or continue target (an assembler label): how many VLAs were live at its loop or switch. */
    private final Map<String, Integer> depthAtTarget = new HashMap<>();
    /** The VLAs live at each C label and at each goto, to free those a goto leaves. Lookups only. */
    private final Map<String, List<Obj>> atLabel = new HashMap<>();
    private final Map<Node, List<Obj>> atGoto = new IdentityHashMap<>();

    /** What a function definition's parameter list needs at entry: hidden locals and the steps that set them. */
    record ParamSetup(List<Obj> locals, List<Node> steps) {}

    Vlas(Parser p) {
        this.p = p;
    }

    /**
     * The type "array of {@code length} {@code elem}" whose length is known only at run time;
     * the computation of its size is queued, to be placed by {@link #takePending}.
     */
    Type arrayOf(Type elem, Node length, Token where) {
        if (!length.type.isInteger()) throw p.error(length.tok, "size of array has non-integer type '" + length.type + "'");
        if (p.fn == null && paramLocals == null) throw p.error(where, "variable length array declaration not allowed at file scope");
        Type t = Type.arrayOf(elem, -1);
        t.size = 0;
        t.vlaSize = hiddenLocal(Type.ULONG, where);
        Node bytes = Sema.binary(Node.Kind.MUL, Sema.cast(length, Type.ULONG), sizeOf(elem, where), Type.ULONG, where);
        pending.add(p.expr.assignTo(Operators.var(t.vlaSize, where), bytes, where));
        return t;
    }

    /** True for a variable-length array type, or an array of them. */
    static boolean isVla(Type t) {
        return t.kind == Type.Kind.ARRAY && t.vlaSize != null;
    }

    /** {@code sizeof} of {@code t}: its size variable for a VLA, else a constant. */
    Node sizeOf(Type t, Token tok) {
        if (isVla(t)) return Operators.var(t.vlaSize, tok);
        return Sema.num(t.size, Type.ULONG, tok);
    }

    /** Prepends the queued size computations to expression {@code e} (sizeof or a cast of a VLA type). */
    Node takePending(Node e) {
        for (int i = pending.size() - 1; i >= 0; i--) e = Operators.comma(pending.get(i), e, e.tok);
        pending.clear();
        return e;
    }

    /** Appends the queued size computations to {@code block} as statements. */
    void takePending(Node block, Token tok) {
        for (Node step : pending) {
            Node s = new Node(Node.Kind.EXPR_STMT, tok);
            s.lhs = step;
            block.body.add(s);
        }
        pending.clear();
    }

    /** Starts reading a parameter list: its sizes are kept apart for the function's entry. */
    List<Obj> enterParams() {
        List<Obj> outer = paramLocals;
        paramLocals = new ArrayList<>();
        return outer;
    }

    /** Ends a parameter list started by {@link #enterParams}; returns what its sizes need. */
    ParamSetup leaveParams(List<Obj> outer, int pendingBefore) {
        List<Node> steps = new ArrayList<>(pending.subList(pendingBefore, pending.size()));
        pending.subList(pendingBefore, pending.size()).clear();
        ParamSetup setup = new ParamSetup(paramLocals, steps);
        paramLocals = outer;
        return setup;
    }

    /** How many size computations are queued (a mark for {@link #leaveParams}). */
    int pendingCount() {
        return pending.size();
    }

    /**
     * Declares VLA {@code name} of type {@code t}, or a local that asks for more than the
     * frame's 16-byte alignment ({@code align}), in the current block: appends to
     * {@code block} the code that computes its size and allocates it, and returns its object.
     */
    Obj declare(String name, Type t, int align, Token tok, Node block) {
        takePending(block, tok);
        Obj saved = p.newLocal("", Type.ULONG, tok);
        Obj address = p.newLocal("", Type.pointerTo(t), tok);
        Obj v = new Obj(name, t, true);
        v.tok = tok;
        v.align = align;
        v.vlaAddress = address;
        if (!name.isEmpty()) p.scope.declare(name).var = v;
        p.fn.movesStack = true;
        Node sp = new Node(Node.Kind.STACK_POINTER, tok);
        sp.type = Type.ULONG;
        Node alloc = new Node(Node.Kind.STACK_ALLOC, tok);
        alloc.lhs = sizeOf(t, tok);
        alloc.val = Math.max(16, v.alignment());
        alloc.type = address.type;
        for (Node e : List.of(p.expr.assignTo(Operators.var(saved, tok), sp, tok),
                p.expr.assignTo(Operators.var(address, tok), alloc, tok))) {
            Node s = new Node(Node.Kind.EXPR_STMT, tok);
            s.lhs = e;
            block.body.add(s);
        }
        live.add(saved);
        return v;
    }

    /**
     * The statement that frees the VLAs from {@code live} index {@code depth} on (sets sp to
     * what it was before the first of them), or null if there are none.
     */
    Node restore(List<Obj> vlas, int depth, Token tok) {
        if (vlas.size() <= depth) return null;
        Node r = new Node(Node.Kind.STACK_RESTORE, tok);
        r.lhs = Operators.var(vlas.get(depth), tok);
        r.type = Type.VOID;
        Node s = new Node(Node.Kind.EXPR_STMT, tok);
        s.lhs = r;
        return s;
    }

    /** For a goto: the statement freeing the VLAs live at the goto but not at its label, or null. */
    private Node restoreForJump(List<Obj> from, List<Obj> to, Token tok) {
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common) == to.get(common)) common++;
        return restore(from, common, tok);
    }

    /** Records that break or continue to assembler label {@code target} leaves the VLAs declared from here on. */
    void jumpTarget(String target) {
        depthAtTarget.put(target, live.size());
    }

    /** Records the VLAs live at C label {@code name}. */
    void label(String name) {
        atLabel.put(name, List.copyOf(live));
    }

    /** Frees, before break or continue goto node {@code jump} (to {@code target}), the VLAs it leaves. */
    void beforeJump(Node jump, String target) {
        jump.lhs = restore(live, depthAtTarget.getOrDefault(target, live.size()), jump.tok);
    }

    /** Records the VLAs live at goto node {@code jump}; {@link #resolveGoto} uses them. */
    void beforeGoto(Node jump) {
        atGoto.put(jump, List.copyOf(live));
    }

    /** At the end of the function, when labels are known: frees before goto {@code jump} the VLAs it leaves. */
    void resolveGoto(Node jump) {
        List<Obj> there = atLabel.get(jump.label);
        List<Obj> here = atGoto.get(jump);
        if (there != null && here != null) jump.lhs = restoreForJump(here, there, jump.tok);
    }

    /** Forgets everything about the function just read (or abandoned after an error). */
    void reset() {
        pending.clear();
        live.clear();
        depthAtTarget.clear();
        atLabel.clear();
        atGoto.clear();
        paramLocals = null;
    }

    private Obj hiddenLocal(Type t, Token tok) {
        if (p.fn != null) return p.newLocal("", t, tok);
        Obj v = new Obj("", t, true);
        v.tok = tok;
        paramLocals.add(v);
        return v;
    }
}
