package cc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which local variables of a function live in callee-saved registers instead of
 * frame slots, so that {@code i++} in a loop is one {@code addi} rather than a load, an add
 * and a store.
 *
 * <p>A local can live in a register only if nothing can reach it through memory: it is a
 * scalar (an integer or a pointer) and its address is never taken. Such a variable is seen
 * by no other code, so keeping it in a register cannot change what the program means
 * (floating values live in the integer registers too). The
 * one exception is {@code setjmp}: {@code longjmp} restores callee-saved registers to their
 * values at the {@code setjmp}, so a function that calls {@code setjmp} (or {@code vfork},
 * which also returns twice) keeps all its locals in memory, as C11 7.13.2.1 expects of
 * volatile ones (this compiler does not track {@code volatile}).
 *
 * <p>Locals whose values are never needed at the same time ({@link LiveRanges}) share a
 * register: the candidates are taken most used first, a use inside a loop counting eight
 * times as much per loop level (ties go to the earlier declaration, so the choice never
 * depends on hash order), and each gets the first register held by no local its range
 * overlaps. A candidate that finds none lives in the frame.
 */
final class RegisterLocals {
    /** Functions that return twice; a caller of one keeps its locals in memory. */
    private static final Set<String> RETURNS_TWICE = Set.of("setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "vfork");

    private final Map<Obj, Long> weight = new IdentityHashMap<>();
    private final Set<Obj> addressTaken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean callsReturnsTwice;

    private RegisterLocals() {}

    /**
     * The locals of function {@code f} that should live in registers, each mapped to one
     * of the first {@code max} of {@code registers} (taken in order); locals whose ranges
     * do not overlap may share one. Lookups use object identity; the map's order is never
     * used for output.
     */
    static Map<Obj, String> choose(Obj f, int max, List<String> registers) {
        RegisterLocals scan = new RegisterLocals();
        scan.walk(f.body, 0);
        Map<Obj, String> chosen = new IdentityHashMap<>();
        if (scan.callsReturnsTwice) return chosen;
        List<Obj> candidates = new ArrayList<>();
        for (Obj v : f.locals) {
            boolean scalar = v.type.isScalar();
            if (scalar && !scan.addressTaken.contains(v) && scan.weight.containsKey(v)) candidates.add(v);
        }
        // A stable sort: equal weights keep declaration order.
        candidates.sort((a, b) -> Long.compare(scan.weight.get(b), scan.weight.get(a)));
        LiveRanges ranges = LiveRanges.of(f);
        List<List<Obj>> holders = new ArrayList<>();
        for (int i = 0; i < Math.min(max, registers.size()); i++) holders.add(new ArrayList<>());
        for (Obj v : candidates) {
            for (int i = 0; i < holders.size(); i++) {
                List<Obj> held = holders.get(i);
                if (!held.isEmpty() && (ranges == null || held.stream().anyMatch(w -> ranges.overlap(v, w)))) continue;
                held.add(v);
                chosen.put(v, registers.get(i));
                break;
            }
        }
        return chosen;
    }

    private void walk(Node n, int loops) {
        if (n == null) return;
        switch (n.kind) {
            case VAR -> {
                if (n.var.isLocal) weight.merge(n.var, 1L << Math.min(3 * loops, 40), Long::sum);
            }
            case ADDR -> markAddressTaken(n.lhs);
            case MEMZERO -> addressTaken.add(n.var);
            case FUNCALL -> {
                if (n.lhs.kind == Node.Kind.ADDR && n.lhs.lhs.kind == Node.Kind.VAR
                        && RETURNS_TWICE.contains(n.lhs.lhs.var.name)) {
                    callsReturnsTwice = true;
                }
            }
            case CAST -> {
                // An array used as a pointer is its address.
                if (n.lhs.type.kind == Type.Kind.ARRAY) markAddressTaken(n.lhs);
            }
            default -> {
            }
        }
        boolean loop = n.kind == Node.Kind.FOR || n.kind == Node.Kind.DO;
        int inner = loop ? loops + 1 : loops;
        walk(n.lhs, inner);
        walk(n.rhs, inner);
        walk(n.cond, inner);
        walk(n.then, inner);
        walk(n.els, inner);
        walk(n.init, loops);
        walk(n.inc, inner);
        for (Node s : n.body) walk(s, inner);
        for (Node a : n.args) walk(a, inner);
    }

    /** Marks the variable under {@code n} (through members) as having its address taken. */
    private void markAddressTaken(Node n) {
        while (n.kind == Node.Kind.MEMBER) n = n.lhs;
        if (n.kind == Node.Kind.VAR) addressTaken.add(n.var);
    }
}
