package cc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constants loaded once before a loop instead of once per iteration.
 *
 * <p>The machine has no store of an immediate and no compare-and-branch with one
 * (docs/isa.md), so {@code a[j] = 1} and {@code if (x == 5)} each need the constant in a
 * register first: {@code li s1, 1} then {@code sb s1, a(s10)}. Inside a loop that
 * {@code li} runs on every iteration although its value never changes. So before a loop,
 * the non-zero constants its statements store to memory or its conditions compare with (at
 * most {@link #MAX} of them, the most used first) are loaded into registers taken from the
 * expression stack, and those stores and comparisons read the registers where they are
 * ({@link Codegen#constantIn}); the registers are given back after the loop. Zero needs
 * nothing: it is the {@code zero} register.
 *
 * <p>The loads sit where the loop is entered from above, so a loop that may be entered
 * anywhere else, through a label (goto) or a case of a switch around it (Duff's device),
 * keeps its constants where they are used. A loop that makes calls or contains a statement
 * expression keeps them too, and so does one whose expressions would need the registers
 * ({@link Arithmetic#need}, plus one to spare), so that holding a constant never makes the
 * loop spill.
 */
final class LoopConstants {
    /** At most this many constants are held for one loop. */
    static final int MAX = 2;

    private final Codegen g;
    /** Weighted use counts of the candidate constants, in order of first use. */
    private final Map<Long, Long> uses = new LinkedHashMap<>();
    private int need;
    /** True if the loop may be entered other than from above, calls, or has a statement expression. */
    private boolean unsuitable;

    private LoopConstants(Codegen g) {
        this.g = g;
    }

    /**
     * Before loop {@code loop} (FOR or DO, after a FOR's init): loads the constants worth
     * holding into fresh registers and makes {@link Codegen#constantIn} name them; returns
     * them, to be given to {@link #release} after the loop.
     */
    static List<Long> hold(Codegen g, Node loop) {
        LoopConstants scan = new LoopConstants(g);
        scan.statement(loop.then, false, 0);
        scan.condition(loop.cond, 0);
        scan.expression(loop.cond);
        scan.expression(loop.inc);
        List<Long> held = new ArrayList<>();
        if (scan.unsuitable) return held;
        List<Long> candidates = new ArrayList<>(scan.uses.keySet());
        candidates.removeIf(g::holdsConstant);
        // A stable sort: equal counts keep the order of first use.
        candidates.sort((a, b) -> Long.compare(scan.uses.get(b), scan.uses.get(a)));
        int room = g.temps - g.depth - scan.need - 1;
        for (long v : candidates.subList(0, Math.max(0, Math.min(Math.min(MAX, room), candidates.size())))) {
            String r = g.push(loop.tok);
            g.emit("li\t" + r + ", " + v + "\t# loop constant");
            g.holdConstant(v);
            held.add(v);
        }
        return held;
    }

    /** After the loop: frees the registers of the constants {@link #hold} returned. */
    static void release(Codegen g, List<Long> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            g.dropConstant(held.get(i));
            g.pop();
        }
    }

    /**
     * Scans statement {@code n}, {@code loops} loops deeper than the loop being held for;
     * {@code inSwitch} if a switch inside that loop encloses it.
     */
    private void statement(Node n, boolean inSwitch, int loops) {
        if (n == null) return;
        switch (n.kind) {
            case BLOCK -> {
                for (Node s : n.body) statement(s, inSwitch, loops);
            }
            case EXPR_STMT -> {
                store(n.lhs, loops);
                expression(n.lhs);
            }
            case RETURN -> expression(n.lhs);
            case GOTO -> statement(n.lhs, inSwitch, loops);
            case IF -> {
                condition(n.cond, loops);
                expression(n.cond);
                statement(n.then, inSwitch, loops);
                statement(n.els, inSwitch, loops);
            }
            case FOR, DO -> {
                statement(n.init, inSwitch, loops);
                condition(n.cond, loops + 1);
                expression(n.cond);
                expression(n.inc);
                statement(n.then, inSwitch, loops + 1);
            }
            case SWITCH -> {
                expression(n.cond);
                statement(n.then, true, loops);
            }
            case CASE -> {
                if (!inSwitch) unsuitable = true;
                statement(n.lhs, inSwitch, loops);
            }
            case LABEL -> {
                unsuitable = true;
                statement(n.lhs, inSwitch, loops);
            }
            default -> {
            }
        }
    }

    /** Notes what expression {@code n} needs: its registers, and whether it calls. */
    private void expression(Node n) {
        if (n == null) return;
        need = Math.max(need, Arithmetic.need(n));
        if (CallGen.makesCall(n) || Node.any(n, c -> c.kind == Node.Kind.STMT_EXPR)) unsuitable = true;
    }

    /** Counts the constants a branch on {@code cond} compares with (see {@link Branches#branchIf}). */
    private void condition(Node cond, int loops) {
        if (cond == null) return;
        switch (cond.kind) {
            case NOT -> condition(cond.lhs, loops);
            case LOGAND, LOGOR -> {
                condition(cond.lhs, loops);
                condition(cond.rhs, loops);
            }
            case EQ, NE, LT, LE -> {
                if (cond.lhs.type.isFloat()) return;
                count(Arithmetic.stripNoOpCasts(cond.lhs), loops);
                count(Arithmetic.stripNoOpCasts(cond.rhs), loops);
            }
            default -> {
            }
        }
    }

    /** Counts the constant that expression statement {@code n} stores to memory, if any (see {@link Access#assignForEffect}). */
    private void store(Node n, int loops) {
        if (n.kind == Node.Kind.COMMA) {
            store(n.lhs, loops);
            store(n.rhs, loops);
            return;
        }
        if (n.kind != Node.Kind.ASSIGN || !n.type.isScalar() || g.registerOf(n.lhs) != null) return;
        if (n.lhs.kind == Node.Kind.MEMBER && n.lhs.member.isBitField()) return;
        Node stored = Access.storedValue(n.rhs, n.type);
        if (stored != null) count(stored, loops);
    }

    /** Counts {@code n} if it is a constant worth holding; a use in a nested loop counts eight times per level. */
    private void count(Node n, int loops) {
        if (n.kind == Node.Kind.NUM && n.val != 0 && (n.type.isInteger() || n.type.kind == Type.Kind.PTR)) {
            uses.merge(n.val, 1L << Math.min(3 * loops, 40), Long::sum);
        }
    }
}
