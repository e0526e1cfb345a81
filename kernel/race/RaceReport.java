package race;

import java.util.List;
import java.util.Optional;
import mm.Vma;
import task.Task;
import trace.Symbolizer;
import vm.Isa;

/**
 * The text of a race report, in ThreadSanitizer's shape: the access that found the race,
 * the earlier one it races with, each with its thread and a short backtrace (function and
 * file:line per frame), and what the memory is.
 * <pre>
 * ==================
 * WARNING: data race (pid=3)
 *   Write of size 4 at 0x4050a0 by thread T2 (tid 5):
 *     #0 worker race_counter.c:12
 *     #1 start_thread pthread_create.c:41
 *   Previous read of size 4 at 0x4050a0 by thread T1 (tid 4):
 *     #0 worker race_counter.c:12
 *   Location is global 'counter' at 0x4050a0
 * ==================
 * </pre>
 */
final class RaceReport {
    static final String RULE = "==================\n";

    private RaceReport() {}

    /**
     * The report of a race between the access {@code t} ({@code ts}) is making and
     * {@code earlier}, made by {@code other}; {@code threads} are all the detector knows, to
     * say whose stack the memory is on.
     */
    static String format(Task t, ThreadState ts, boolean write, boolean atomic, long va, int size, long[] stack,
            Access earlier, ThreadState other, List<ThreadState> threads) {
        Symbolizer sym = Symbolizer.of(t);
        StringBuilder b = new StringBuilder(RULE);
        b.append("WARNING: data race (pid=").append(ts.pid).append(")\n");
        access(b, sym, "", write, atomic, va, size, ts, stack);
        access(b, sym, "Previous ", earlier.write, earlier.atomic, earlier.address, earlier.size, other, earlier.stack);
        b.append("  Location is ").append(location(t, sym, va, threads)).append('\n');
        return b.append(RULE).toString();
    }

    /** "  Write of size 4 at 0x4050a0 by thread T2 (tid 5):" and the frames. */
    private static void access(StringBuilder b, Symbolizer sym, String previous, boolean write, boolean atomic,
            long va, int size, ThreadState who, long[] stack) {
        String kind = (atomic ? "atomic " : "") + (write ? "write" : "read");
        String what = previous.isEmpty() ? Character.toUpperCase(kind.charAt(0)) + kind.substring(1) : previous + kind;
        b.append("  ").append(what).append(" of size ").append(size).append(" at 0x").append(Long.toHexString(va))
                .append(" by ").append(who.name()).append(":\n");
        List<String> frames = sym.describe(stack);
        for (int i = 0; i < frames.size(); i++) b.append("    #").append(i).append(' ').append(frames.get(i)).append('\n');
    }

    /** What holds {@code va}: a global by name, the heap, a thread's stack, or other mapped memory. */
    private static String location(Task t, Symbolizer sym, long va, List<ThreadState> threads) {
        String at = " at 0x" + Long.toHexString(va);
        Optional<String> global = sym.dataSymbol(va);
        if (global.isPresent()) return "global '" + global.get() + "'" + at;
        Vma vma = t.mm() == null ? null : t.mm().vmaAt(va);
        if (vma == null) return "unmapped memory" + at;
        if (vma.isHeap()) return "heap memory" + at;
        for (ThreadState other : threads) {
            Task o = other.task;
            if (o == null || o.mm() != t.mm()) continue;
            long sp = o.context().regs[Isa.SP];
            if (sp >= vma.start() && sp <= vma.end()) return "stack of " + other.name() + at;
        }
        return (vma.isStack() ? "stack memory" : "mapped memory") + at;
    }
}
