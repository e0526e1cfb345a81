package trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stretch of time during which one task ran on one CPU, rebuilt from SWITCH events: a
 * slice starts at a switch to the task and ends at the next switch on that CPU (or at the
 * end of the trace). Idle stretches (tid 0) are slices too; consumers skip them as they like.
 *
 * @param cpu   the CPU
 * @param start virtual ns at which the task started running
 * @param end   virtual ns at which it stopped (exclusive)
 * @param tid   the task (0: idle)
 * @param tgid  its process
 * @param comm  its command name when the slice ended
 */
public record RunSlice(int cpu, long start, long end, int tid, int tgid, String comm) {

    /** Whether this is the CPU idling rather than a task running. */
    public boolean isIdle() { return tid == 0; }

    /**
     * The run slices of {@code events} (per-CPU time order, as a {@link Tracer} gives them)
     * on {@code cpus} CPUs, the open ones closed at {@code end}; ordered by CPU, then time.
     * Empty slices are left out. A slice is named by the task's latest comm when it ends, so
     * one in which the task called execve carries the new program's name.
     */
    public static List<RunSlice> of(List<TraceEvent> events, int cpus, long end) {
        List<List<RunSlice>> perCpu = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) perCpu.add(new ArrayList<>());
        TraceEvent[] open = new TraceEvent[cpus];
        Map<Integer, String> comm = new HashMap<>(); // looked up only, never iterated
        for (TraceEvent e : events) {
            comm.put(e.tid(), e.comm());
            if (e.kind() != TraceKind.SWITCH || e.cpu() >= cpus) continue;
            if (open[e.cpu()] != null) add(perCpu.get(e.cpu()), open[e.cpu()], e.time(), comm);
            open[e.cpu()] = e;
        }
        List<RunSlice> out = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (open[cpu] != null) add(perCpu.get(cpu), open[cpu], Math.max(end, open[cpu].time()), comm);
            out.addAll(perCpu.get(cpu));
        }
        return out;
    }

    /** The time of the last event of {@code events}, or 0 if there is none: where open slices end. */
    public static long endOf(List<TraceEvent> events) {
        long end = 0;
        for (TraceEvent e : events) end = Math.max(end, e.time());
        return end;
    }

    private static void add(List<RunSlice> out, TraceEvent from, long to, Map<Integer, String> comm) {
        if (to <= from.time()) return;
        out.add(new RunSlice(from.cpu(), from.time(), to, from.tid(), from.tgid(), comm.get(from.tid())));
    }
}
