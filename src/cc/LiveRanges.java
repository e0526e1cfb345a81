package cc;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each local of a function may hold a value that is still needed: two locals whose
 * ranges do not overlap can share one register ({@link RegisterLocals}), as the {@code i}
 * of one loop and the {@code i} of the next do.
 *
 * <p>The statements of the body are numbered in the order they appear, each getting a
 * start when it is entered and an end when it is left, so a statement's numbers enclose
 * those of the statements inside it. A local's range is the smallest interval that holds
 * every statement naming it (its own numbers, not just the point of the mention: the order
 * in which a statement evaluates its parts never matters) and every loop any of those
 * statements is in, whole, since a value set late in a loop's body can be read early in
 * its next iteration. A parameter's range also holds 0, where the prologue copies it in.
 *
 * <p>This is sound because, outside loops, control only moves forward in statement order:
 * a jump forward ({@code break}, {@code continue}, {@code case}, an {@code if}'s branches)
 * never leaves a range that a value crosses, and the only backward jumps are loops, which
 * the ranges cover whole. A {@code goto} may jump backward, so a function with a label
 * gets no ranges at all ({@link #of} returns null) and shares nothing.
 */
final class LiveRanges {
    /** Each local's range, as {lowest, highest} statement number. */
    private final Map<Obj, long[]> ranges = new IdentityHashMap<>();
    /** The statements being walked, innermost last. */
    private final Deque<Open> open = new ArrayDeque<>();
    private long clock;
    private boolean hasLabel;

    /** A statement being walked, and the locals named in it. */
    private static final class Open {
        final long start;
        final boolean loop;
        /** Named by the statement's own expressions (not by a statement inside it). */
        final Set<Obj> direct = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Named anywhere inside the statement. */
        final Set<Obj> inside = Collections.newSetFromMap(new IdentityHashMap<>());

        Open(long start, boolean loop) {
            this.start = start;
            this.loop = loop;
        }
    }

    private LiveRanges() {}

    /** The ranges of {@code f}'s locals, or null if {@code f} has a label (a goto may jump back). */
    static LiveRanges of(Obj f) {
        LiveRanges r = new LiveRanges();
        r.clock = 1;
        for (Obj p : f.params) r.ranges.put(p, new long[] {0, 0});
        r.walk(f.body);
        return r.hasLabel ? null : r;
    }

    /** True if locals {@code a} and {@code b} may both hold a needed value at some point. */
    boolean overlap(Obj a, Obj b) {
        long[] x = ranges.get(a), y = ranges.get(b);
        if (x == null || y == null) return false;
        return x[0] <= y[1] && y[0] <= x[1];
    }

    private void walk(Node n) {
        if (n == null) return;
        boolean statement = isStatement(n.kind);
        if (n.kind == Node.Kind.LABEL) hasLabel = true;
        if (statement) open.push(new Open(++clock, n.kind == Node.Kind.FOR || n.kind == Node.Kind.DO));
        if (n.var != null && n.var.isLocal && !open.isEmpty()) {
            open.peek().direct.add(n.var);
            open.peek().inside.add(n.var);
        }
        for (Node c : n.children()) walk(c);
        if (statement) close();
    }

    /** Leaves the innermost statement: its locals' ranges grow to hold it. */
    private void close() {
        Open s = open.pop();
        long end = ++clock;
        for (Obj v : s.loop ? s.inside : s.direct) extend(v, s.start, end);
        if (!open.isEmpty()) open.peek().inside.addAll(s.inside);
    }

    private void extend(Obj v, long start, long end) {
        long[] r = ranges.computeIfAbsent(v, k -> new long[] {start, end});
        r[0] = Math.min(r[0], start);
        r[1] = Math.max(r[1], end);
    }

    private static boolean isStatement(Node.Kind k) {
        return switch (k) {
            case EXPR_STMT, RETURN, IF, FOR, DO, SWITCH, CASE, BLOCK, GOTO, LABEL, NULL_STMT -> true;
            default -> false;
        };
    }
}
