package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * Strength reduction of array indexing in counted loops: {@code a[i][k]} in a loop that
 * steps {@code k} by a constant reads through a pointer that steps with it, instead of
 * computing {@code a + i*192 + k*4} on every iteration.
 *
 * <p>The machine has no indexed load (docs/isa.md), so an element's address is computed
 * before each access: a multiply or shift for each index and an add for each part. In a
 * loop {@code for (...; ...; k += c)} whose body and condition never assign {@code k}, an
 * access whose address is {@code X + k*s}, with {@code X} the same on every iteration,
 * can use a new local {@code p} instead: {@code p = X + k*s} once before the loop (after
 * its initialisation), and {@code p += c*s} after {@code k}'s step, where {@code continue}
 * goes too. Both the loop's condition and its body see {@code p} equal to the address.
 *
 * <p>What counts as "the same on every iteration": constants, the addresses of arrays,
 * and locals the loop never assigns whose address is never taken (so no store through a
 * pointer or call can change them). {@code k} must be an {@code int} or a 64-bit integer:
 * an {@code int} overflowing is undefined, and 64-bit arithmetic wraps as the address
 * does, while a narrower or 32-bit unsigned counter wraps where the pointer would not.
 * Only innermost loops (the hot ones) are rewritten, at most {@link #MAX} accesses each,
 * and only accesses whose address costs two or more instructions now (a pointer costs one
 * add per iteration): a global array indexed by {@code k} alone is already one load
 * ({@code lb s1, table(s9)}). A function with a label is left alone, since a goto into the
 * loop would skip the pointer's set-up, and so is a loop with a {@code case} inside.
 */
final class LoopPointers {
    /** At most this many accesses of one loop get a pointer (each takes a register). */
    static final int MAX = 2;

    private final Obj f;

    private LoopPointers(Obj f) {
        this.f = f;
    }

    /** Rewrites the innermost counted loops of function {@code f}; called once, before its code is generated. */
    static void rewrite(Obj f) {
        if (Node.any(f.body, n -> n.kind == Node.Kind.LABEL)) return;
        new LoopPointers(f).visit(f.body);
    }

    private void visit(Node n) {
        if (n == null) return;
        for (Node c : n.children()) visit(c);
        if (n.kind == Node.Kind.FOR) reduce(n);
    }

    /** Gives the costly accesses of loop {@code loop} pointers, if it is an innermost counted loop. */
    private void reduce(Node loop) {
        if (loop.inc == null || loop.cond == null) return;
        if (Node.any(loop.then, n -> n.kind == Node.Kind.FOR || n.kind == Node.Kind.DO || n.kind == Node.Kind.CASE
                || n.kind == Node.Kind.STMT_EXPR)) return;
        Node step = loop.inc;
        if ((step.kind == Node.Kind.SUB || step.kind == Node.Kind.ADD) && step.rhs.kind == Node.Kind.NUM) step = step.lhs;
        if (step.kind != Node.Kind.ASSIGN || step.lhs.kind != Node.Kind.VAR) return;
        Obj k = step.lhs.var;
        if (!k.isLocal || !countable(k.type) || addressTaken(k)) return;
        Node sum = step.rhs;
        if ((sum.kind != Node.Kind.ADD && sum.kind != Node.Kind.SUB) || !isVar(sum.lhs, k) || sum.rhs.kind != Node.Kind.NUM) return;
        long c = sum.kind == Node.Kind.ADD ? sum.rhs.val : -sum.rhs.val;
        if (assigns(loop.then, k) || assigns(loop.cond, k)) return;
        List<Node> accesses = new ArrayList<>();
        collect(loop.cond, loop, k, accesses);
        collect(loop.then, loop, k, accesses);
        List<Node> setUp = new ArrayList<>();
        if (loop.init != null) setUp.add(loop.init);
        Node inc = loop.inc;
        for (Node access : accesses.subList(0, Math.min(MAX, accesses.size()))) {
            Node address = access.lhs;
            long stride = stride(address, k, loop);
            Obj p = new Obj("", address.type, true);
            p.tok = access.tok;
            f.locals.add(p);
            Node first = new Node(Node.Kind.EXPR_STMT, loop.tok);
            first.lhs = assign(p, address, loop.tok);
            setUp.add(first);
            Node bump = new Node(Node.Kind.ADD, loop.tok);
            bump.type = address.type;
            bump.lhs = var(p, loop.tok);
            bump.rhs = num(c * stride, loop.tok);
            Node both = new Node(Node.Kind.COMMA, loop.tok);
            both.lhs = inc;
            both.rhs = assign(p, bump, loop.tok);
            both.type = address.type;
            inc = both;
            access.lhs = var(p, access.tok);
        }
        if (accesses.isEmpty()) return;
        Node block = new Node(Node.Kind.BLOCK, loop.tok);
        block.body.addAll(setUp);
        loop.init = block;
        loop.inc = inc;
    }

    /** Adds to {@code out} the scalar loads and stores under {@code n} worth a pointer, in source order. */
    private void collect(Node n, Node loop, Obj k, List<Node> out) {
        if (n == null) return;
        if (n.kind == Node.Kind.DEREF && n.var == null && n.type.isScalar() && n.lhs.type.kind == Type.Kind.PTR
                && stride(n.lhs, k, loop) != 0 && costly(n.lhs, k)) {
            out.add(n);
            return;
        }
        for (Node c : n.children()) collect(c, loop, k, out);
    }

    /**
     * The bytes address {@code e} moves when {@code k} grows by one, if {@code e} is
     * {@code X + k*s} with {@code k} named once and everything else the same on every
     * iteration of {@code loop}; else 0.
     */
    private long stride(Node e, Obj k, Node loop) {
        if (e == null) return 0;
        if (isIndex(e, k)) return 1;
        switch (e.kind) {
            case ADD -> {
                if (e.type.kind != Type.Kind.PTR && e.type.size != 8) return 0;
                long l = stride(e.lhs, k, loop), r = stride(e.rhs, k, loop);
                if (l != 0 && invariant(e.rhs, k, loop)) return l;
                if (r != 0 && invariant(e.lhs, k, loop)) return r;
                return 0;
            }
            case MUL -> {
                if (e.type.size != 8) return 0;
                if (isIndex(e.lhs, k) && e.rhs.kind == Node.Kind.NUM) return e.rhs.val;
                if (isIndex(e.rhs, k) && e.lhs.kind == Node.Kind.NUM) return e.lhs.val;
                return 0;
            }
            case CAST -> {
                return e.type.kind == Type.Kind.PTR ? stride(e.lhs, k, loop) : 0;
            }
            case DEREF -> {
                return e.type.kind == Type.Kind.ARRAY && e.var == null ? stride(e.lhs, k, loop) : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    /** True if {@code e} is {@code k} as a 64-bit value: {@code k} itself, or an int {@code k} sign-extended. */
    private static boolean isIndex(Node e, Obj k) {
        if (isVar(e, k)) return k.type.size == 8;
        return e.kind == Node.Kind.CAST && e.type.size == 8 && e.type.isInteger() && isVar(e.lhs, k);
    }

    /**
     * True if address {@code e} costs two or more instructions an access now: a scaled
     * index, or arithmetic besides the index (a row of a 2-D array), unless the base is a
     * global array the load names ({@code lw s1, a(s2)}).
     */
    private static boolean costly(Node e, Obj k) {
        boolean[] arithmetic = {false};
        boolean[] scaled = {false};
        boolean[] localBase = {false};
        Node.any(e, n -> {
            if (n.kind == Node.Kind.MUL || n.kind == Node.Kind.SHL || n.kind == Node.Kind.SUB) {
                if (isIndex(n.lhs, k) || isIndex(n.rhs, k)) scaled[0] = true;
                else arithmetic[0] = true;
            }
            if (n.kind == Node.Kind.VAR && n.var != k && (n.var.isLocal || n.var.type.kind != Type.Kind.ARRAY)) localBase[0] = true;
            return false;
        });
        return arithmetic[0] || (scaled[0] && localBase[0]);
    }

    /** True if {@code e} has the same value on every iteration of {@code loop} (see the class comment). */
    private boolean invariant(Node e, Obj k, Node loop) {
        return !Node.any(e, n -> switch (n.kind) {
            case NUM, ADD, SUB, MUL, SHL, CAST -> false;
            case DEREF -> n.type.kind != Type.Kind.ARRAY || n.var != null;
            case VAR -> n.var == k || (n.var.isLocal
                    ? n.var.type.kind != Type.Kind.ARRAY && (!n.var.type.isScalar() || addressTaken(n.var)
                            || assigns(loop.then, n.var) || assigns(loop.cond, n.var) || assigns(loop.inc, n.var))
                    : n.var.type.kind != Type.Kind.ARRAY);
            default -> true;
        });
    }

    /** True if {@code t} may count a loop: a signed int, or a 64-bit integer. */
    private static boolean countable(Type t) {
        return t.isInteger() && (t.size == 8 || (t.size == 4 && !t.unsigned));
    }

    /** True if something under {@code n} assigns {@code v}. */
    private static boolean assigns(Node n, Obj v) {
        return Node.any(n, c -> c.kind == Node.Kind.ASSIGN && isVar(c.lhs, v));
    }

    /** True if the function takes {@code v}'s address, or clears it as memory. */
    private boolean addressTaken(Obj v) {
        return Node.any(f.body, c -> (c.kind == Node.Kind.ADDR && isVar(c.lhs, v)) || (c.kind == Node.Kind.MEMZERO && c.var == v));
    }

    private static boolean isVar(Node n, Obj v) {
        return n.kind == Node.Kind.VAR && n.var == v;
    }

    private static Node var(Obj v, Token tok) {
        Node n = new Node(Node.Kind.VAR, tok);
        n.var = v;
        n.type = v.type;
        return n;
    }

    private static Node num(long v, Token tok) {
        Node n = new Node(Node.Kind.NUM, tok);
        n.val = v;
        n.type = Type.LONG;
        return n;
    }

    private static Node assign(Obj v, Node value, Token tok) {
        Node n = new Node(Node.Kind.ASSIGN, tok);
        n.lhs = var(v, tok);
        n.rhs = value;
        n.type = v.type;
        return n;
    }
}
