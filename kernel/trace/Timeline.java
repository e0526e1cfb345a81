package trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ASCII per-CPU timeline: one row per CPU over the traced interval, cut into a fixed
 * number of columns; each column shows the task that ran most of that stretch on that CPU
 * ({@code .} for idle). Tasks get the letters a..z then A..Z in the order they first ran
 * (by start time, then CPU), and {@code *} once the letters run out. A legend follows:
 *
 * <pre>
 * timeline: 0 .. 250000 ns, 100 columns of 2500 ns
 * cpu0 |aaaabbbbaaaa....|
 * cpu1 |....cccccccc....|
 * a = 1 init (tid 1)
 * </pre>
 */
public final class Timeline {
    /** The width used by {@code clonix run --timeline}. */
    public static final int DEFAULT_WIDTH = 100;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Timeline() {}

    /** The timeline of {@code events} on {@code cpus} CPUs, {@code width} (at least 1) columns wide, one line per row, each ending in a newline. */
    public static String render(List<TraceEvent> events, int cpus, int width) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1");
        long end = RunSlice.endOf(events);
        List<RunSlice> slices = RunSlice.of(events, cpus, end);
        StringBuilder out = new StringBuilder();
        if (slices.isEmpty()) return "timeline: no task ran while tracing\n";
        long start = Long.MAX_VALUE;
        for (RunSlice s : slices) start = Math.min(start, s.start());
        long span = Math.max(1, end - start);
        Map<Integer, RunSlice> legend = legend(slices);
        out.append("timeline: ").append(start).append(" .. ").append(end).append(" ns, ").append(width)
                .append(" columns of ").append((span + width - 1) / width).append(" ns\n");
        for (int cpu = 0; cpu < cpus; cpu++) {
            out.append(String.format("cpu%-2d |", cpu));
            out.append(row(slices, cpu, start, span, width, legend)).append("|\n");
        }
        // A forked child that calls execve is listed under the name of the program it became.
        Map<Integer, String> lastName = new LinkedHashMap<>();
        for (TraceEvent e : events) if (e.tid() != 0) lastName.put(e.tid(), e.comm());
        int i = 0;
        for (RunSlice s : legend.values()) {
            out.append(letter(i++)).append(" = ").append(s.tgid()).append(' ').append(lastName.getOrDefault(s.tid(), s.comm()))
                    .append(" (tid ").append(s.tid()).append(")\n");
        }
        return out.toString();
    }

    /** The tasks that ran, first runner first, each with its first slice. */
    private static Map<Integer, RunSlice> legend(List<RunSlice> slices) {
        List<RunSlice> byStart = new ArrayList<>(slices);
        byStart.sort((a, b) -> a.start() != b.start() ? Long.compare(a.start(), b.start()) : Integer.compare(a.cpu(), b.cpu()));
        Map<Integer, RunSlice> first = new LinkedHashMap<>();
        for (RunSlice s : byStart) if (!s.isIdle()) first.putIfAbsent(s.tid(), s);
        return first;
    }

    private static char letter(int index) {
        return index < LETTERS.length() ? LETTERS.charAt(index) : '*';
    }

    /** One CPU's row: per column, the task with the most nanoseconds in it; idle if nobody ran. */
    private static String row(List<RunSlice> slices, int cpu, long start, long span, int width,
            Map<Integer, RunSlice> legend) {
        List<Integer> letterOf = new ArrayList<>(legend.keySet());
        long[][] share = new long[width][letterOf.size()];
        for (RunSlice s : slices) {
            if (s.cpu() != cpu || s.isIdle()) continue;
            int who = letterOf.indexOf(s.tid());
            int first = column(s.start() - start, span, width);
            int last = column(s.end() - 1 - start, span, width);
            for (int c = first; c <= last; c++) {
                long colStart = start + span * c / width;
                long colEnd = start + span * (c + 1) / width;
                share[c][who] += Math.min(s.end(), colEnd) - Math.max(s.start(), colStart);
            }
        }
        StringBuilder row = new StringBuilder(width);
        for (int c = 0; c < width; c++) {
            long colLength = span * (c + 1) / width - span * c / width;
            int best = -1;
            long busy = 0;
            for (int who = 0; who < letterOf.size(); who++) {
                busy += share[c][who];
                if (share[c][who] > 0 && (best < 0 || share[c][who] > share[c][best])) best = who;
            }
            // Idle competes like a task: a column where the CPU idled longest shows idle.
            boolean idleWins = best < 0 || colLength - busy > share[c][best];
            row.append(idleWins ? '.' : letter(best));
        }
        return row.toString();
    }

    private static int column(long offset, long span, int width) {
        return (int) Math.max(0, Math.min(width - 1, offset * width / span));
    }
}
