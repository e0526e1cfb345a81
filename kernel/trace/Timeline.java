package trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ASCII per-CPU timeline: one row per CPU over the traced interval, cut into a fixed
 * number of columns; each column shows the task that ran most of that stretch on that CPU,
 * or {@code .} if the CPU idled most of it (its tasks were asleep or waiting). Tasks get the
 * letters a..z then A..Z in the order they first ran (by start time, then CPU), and
 * {@code *} once the letters run out; the legend lists the tasks drawn, and says how many
 * ran too briefly to win a column.
 *
 * <p><b>Long idle stretches are cut.</b> A program that sleeps most of the time (a
 * {@code sleep 1}, a {@code top} between frames) would otherwise be all dots, its short runs
 * lost in columns of idle. A stretch in which every CPU idles for longer than
 * {@link #CUT_COLUMNS} columns is left out and drawn as one column of {@code ~}, and the
 * rest of the time is spread over the other columns; the cutting repeats at the new scale,
 * the longest stretch first, while at least half the columns stay for time that is drawn.
 *
 * <pre>
 * timeline: 0 .. 1000250000 ns, 100 columns of 2500 ns; 1 idle stretch of 1000000000 ns cut (~)
 * cpu0 |aaaabbbb~bbbbaa....|
 * cpu1 |....cccc~cccc......|
 * a = 1 init (tid 1)
 * . = the CPU idle: no task of its ran (asleep or waiting)
 * ~ = every CPU idle, cut out: 1000000000 ns
 * </pre>
 */
public final class Timeline {
    /** The width used by {@code clonix run --timeline}. */
    public static final int DEFAULT_WIDTH = 100;
    /** An all-idle stretch longer than this many columns is cut out. */
    static final int CUT_COLUMNS = 4;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Timeline() {}

    /** A stretch of virtual time, [start, end). */
    private record Span(long start, long end) {
        long length() {
            return end - start;
        }
    }

    /** The timeline of {@code events} on {@code cpus} CPUs, {@code width} (at least 1) columns wide, one line per row, each ending in a newline. */
    public static String render(List<TraceEvent> events, int cpus, int width) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1");
        long end = RunSlice.endOf(events);
        List<RunSlice> slices = RunSlice.of(events, cpus, end);
        if (slices.isEmpty()) return "timeline: no task ran while tracing\n";
        long start = Long.MAX_VALUE;
        for (RunSlice s : slices) start = Math.min(start, s.start());
        List<Span> cuts = cuts(slices, start, end, width);
        long cutTime = 0;
        for (Span c : cuts) cutTime += c.length();
        int columns = width - cuts.size();
        long drawn = Math.max(1, end - start - cutTime);
        Axis axis = new Axis(start, cuts, drawn, columns);

        List<RunSlice> runners = firstRuns(slices);
        List<int[]> rows = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) rows.add(row(slices, cpu, axis, runners));
        // Letters go to the tasks that won a column, in the order they first ran.
        boolean[] shown = new boolean[runners.size()];
        for (int[] row : rows) for (int who : row) if (who >= 0) shown[who] = true;
        int[] letterOf = new int[runners.size()];
        int letters = 0;
        for (int who = 0; who < runners.size(); who++) letterOf[who] = shown[who] ? letters++ : -1;

        StringBuilder out = new StringBuilder();
        out.append("timeline: ").append(start).append(" .. ").append(end).append(" ns, ").append(width)
                .append(" columns of ").append((drawn + columns - 1) / columns).append(" ns");
        if (!cuts.isEmpty()) {
            out.append("; ").append(cuts.size()).append(cuts.size() == 1 ? " idle stretch" : " idle stretches")
                    .append(" of ").append(cutTime).append(" ns cut (~)");
        }
        out.append('\n');
        for (int cpu = 0; cpu < cpus; cpu++) {
            out.append(String.format("cpu%-2d |", cpu));
            int[] row = rows.get(cpu);
            int cut = 0;
            for (int c = 0; c < columns; c++) {
                while (cut < cuts.size() && axis.cutColumn(cut) == c) {
                    out.append('~');
                    cut++;
                }
                out.append(row[c] < 0 ? '.' : letter(letterOf[row[c]]));
            }
            for (; cut < cuts.size(); cut++) out.append('~');
            out.append("|\n");
        }
        // A forked child that calls execve is listed under the name of the program it became.
        Map<Integer, String> lastName = new LinkedHashMap<>();
        for (TraceEvent e : events) if (e.tid() != 0) lastName.put(e.tid(), e.comm());
        for (int who = 0; who < runners.size(); who++) {
            if (letterOf[who] < 0) continue;
            RunSlice s = runners.get(who);
            out.append(letter(letterOf[who])).append(" = ").append(s.tgid()).append(' ')
                    .append(lastName.getOrDefault(s.tid(), s.comm())).append(" (tid ").append(s.tid()).append(")\n");
        }
        int hidden = runners.size() - letters;
        if (hidden > 0) {
            out.append("(").append(hidden).append(hidden == 1 ? " more task" : " more tasks")
                    .append(" ran, too briefly to show at this width)\n");
        }
        out.append(". = the CPU idle: no task ran on it (they were asleep or waiting)\n");
        if (!cuts.isEmpty()) out.append("~ = every CPU idle, cut out: ").append(cutTime).append(" ns in all\n");
        return out.toString();
    }

    /**
     * The all-idle stretches to leave out: while the longest one left is longer than
     * {@link #CUT_COLUMNS} columns at the scale after the cuts so far, and half the columns
     * remain, cut it. In time order.
     */
    private static List<Span> cuts(List<RunSlice> slices, long start, long end, int width) {
        List<Span> gaps = idleGaps(slices, start, end);
        gaps.sort((a, b) -> a.length() != b.length() ? Long.compare(b.length(), a.length()) : Long.compare(a.start(), b.start()));
        List<Span> cuts = new ArrayList<>();
        long cutTime = 0;
        for (Span gap : gaps) {
            int columns = width - cuts.size();
            if (columns - 1 < (width + 1) / 2) break;
            long drawn = end - start - cutTime;
            if (gap.length() * columns <= CUT_COLUMNS * drawn) break; // not longer than CUT_COLUMNS columns
            cuts.add(gap);
            cutTime += gap.length();
        }
        cuts.sort((a, b) -> Long.compare(a.start(), b.start()));
        return cuts;
    }

    /** The stretches of [start, end) in which no CPU ran a task. */
    private static List<Span> idleGaps(List<RunSlice> slices, long start, long end) {
        List<RunSlice> busy = new ArrayList<>();
        for (RunSlice s : slices) if (!s.isIdle()) busy.add(s);
        busy.sort((a, b) -> Long.compare(a.start(), b.start()));
        List<Span> gaps = new ArrayList<>();
        long covered = start;
        for (RunSlice s : busy) {
            if (s.start() > covered) gaps.add(new Span(covered, s.start()));
            covered = Math.max(covered, s.end());
        }
        if (end > covered) gaps.add(new Span(covered, end));
        return gaps;
    }

    /** Where drawn time goes: virtual time less the cuts before it, over {@code columns} columns. */
    private record Axis(long start, List<Span> cuts, long drawn, int columns) {
        /** Virtual time {@code t} (outside the cuts) as drawn time from 0. */
        long drawnTime(long t) {
            long d = t - start;
            for (Span c : cuts) if (c.end() <= t) d -= c.length();
            return d;
        }

        /** The column the drawn time {@code d} falls in. */
        int column(long d) {
            return (int) Math.max(0, Math.min(columns - 1, d * columns / drawn));
        }

        /** Drawn time at the start of column {@code c}. */
        long columnStart(int c) {
            return drawn * c / columns;
        }

        /** The column before which cut {@code i} is drawn ({@code columns}: after the last). */
        int cutColumn(int i) {
            long d = drawnTime(cuts.get(i).start());
            return d >= drawn ? columns : column(d) + (d > columnStart(column(d)) ? 1 : 0);
        }
    }

    /** The tasks that ran, first runner first, each with its first slice. */
    private static List<RunSlice> firstRuns(List<RunSlice> slices) {
        List<RunSlice> byStart = new ArrayList<>(slices);
        byStart.sort((a, b) -> a.start() != b.start() ? Long.compare(a.start(), b.start()) : Integer.compare(a.cpu(), b.cpu()));
        Map<Integer, RunSlice> first = new LinkedHashMap<>();
        for (RunSlice s : byStart) if (!s.isIdle()) first.putIfAbsent(s.tid(), s);
        return new ArrayList<>(first.values());
    }

    private static char letter(int index) {
        return index < LETTERS.length() ? LETTERS.charAt(index) : '*';
    }

    /**
     * One CPU's row: per column, the index in {@code runners} of the task with the most
     * nanoseconds in it, or -1 where the CPU idled longest (idle competes like a task).
     */
    private static int[] row(List<RunSlice> slices, int cpu, Axis axis, List<RunSlice> runners) {
        List<Integer> tids = new ArrayList<>();
        for (RunSlice r : runners) tids.add(r.tid());
        int columns = axis.columns();
        long[][] share = new long[columns][runners.size()];
        for (RunSlice s : slices) {
            if (s.cpu() != cpu || s.isIdle()) continue;
            int who = tids.indexOf(s.tid());
            long from = axis.drawnTime(s.start()), to = axis.drawnTime(s.end());
            for (int c = axis.column(from); c <= axis.column(to - 1); c++) {
                long colStart = axis.columnStart(c), colEnd = axis.columnStart(c + 1);
                share[c][who] += Math.min(to, colEnd) - Math.max(from, colStart);
            }
        }
        int[] row = new int[columns];
        for (int c = 0; c < columns; c++) {
            long colLength = axis.columnStart(c + 1) - axis.columnStart(c);
            int best = -1;
            long busy = 0;
            for (int who = 0; who < runners.size(); who++) {
                busy += share[c][who];
                if (share[c][who] > 0 && (best < 0 || share[c][who] > share[c][best])) best = who;
            }
            row[c] = best < 0 || colLength - busy > share[c][best] ? -1 : best;
        }
        return row;
    }
}
