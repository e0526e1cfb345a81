package explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sched.ScheduleControl;
import sched.SchedulingPoint;
import sched.Strategy;

/**
 * A recorded schedule: which task ran at each step of a controlled run, as segments "run tid
 * T for N scheduling points". Replaying it on the same program with the same machine options
 * makes every choice again, so the run is the same, byte for byte (docs/explore.md gives the
 * file format). The file:
 *
 * <pre>
 * clonix-schedule 1
 * # any comment
 * run 3 for 12
 * run 4 for 1
 * </pre>
 */
public record Schedule(List<Segment> segments) {
    /** The first line of a schedule file, with the format's version. */
    static final String MAGIC = "clonix-schedule 1";

    /** Tid {@code tid} runs for {@code points} consecutive steps. */
    public record Segment(int tid, int points) {}

    /** The schedule a run followed: its steps' choices, run-length encoded. */
    static Schedule of(List<ScheduleControl.Step> steps) {
        List<Segment> segments = new ArrayList<>();
        for (ScheduleControl.Step s : steps) {
            int last = segments.size() - 1;
            if (last >= 0 && segments.get(last).tid() == s.chosen()) {
                segments.set(last, new Segment(s.chosen(), segments.get(last).points() + 1));
            } else {
                segments.add(new Segment(s.chosen(), 1));
            }
        }
        return new Schedule(segments);
    }

    /** The text of the file, with {@code comment} lines (each prefixed "# ") after the first line. */
    String render(List<String> comment) {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        for (String c : comment) b.append("# ").append(c).append('\n');
        for (Segment s : segments) b.append("run ").append(s.tid()).append(" for ").append(s.points()).append('\n');
        return b.toString();
    }

    /** Reads a schedule file; IllegalArgumentException, naming the line, if it is not one. */
    public static Schedule read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * The schedule a file's {@code text} gives (the shell reads its files from the guest);
     * IllegalArgumentException, naming the file {@code name} and the line, if it is not one.
     */
    public static Schedule parse(String text, String name) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).trim().equals(MAGIC)) {
            throw new IllegalArgumentException(name + ": not a schedule file (the first line must be '" + MAGIC + "')");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] w = line.split("\\s+");
            try {
                if (w.length != 4 || !w[0].equals("run") || !w[2].equals("for")) throw new NumberFormatException();
                int tid = Integer.parseInt(w[1]), n = Integer.parseInt(w[3]);
                if (tid <= 0 || n <= 0) throw new NumberFormatException();
                segments.add(new Segment(tid, n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'run TID for N', got '" + line + "'");
            }
        }
        return new Schedule(segments);
    }

    /** The number of steps. */
    int steps() {
        int n = 0;
        for (Segment s : segments) n += s.points();
        return n;
    }

    /**
     * A strategy that makes this schedule's choices, then the default ones past its end. If
     * the program does not follow it (the schedule is another program's), the first step
     * whose recorded task cannot run is kept in {@link Replay#divergedAt} and the default
     * choice is made from there on.
     */
    Replay replay() {
        return new Replay(this);
    }

    /** The strategy that replays a schedule. */
    static final class Replay implements Strategy {
        private final int[] choices;
        /** The first step at which the recorded task could not run, or -1. */
        int divergedAt = -1;

        Replay(Schedule s) {
            choices = new int[s.steps()];
            int i = 0;
            for (Segment seg : s.segments()) for (int k = 0; k < seg.points(); k++) choices[i++] = seg.tid();
        }

        @Override
        public int choose(SchedulingPoint p) {
            if (divergedAt < 0 && p.step() < choices.length) {
                for (int c : p.candidates()) if (c == choices[p.step()]) return c;
                divergedAt = p.step();
            }
            return p.defaultChoice();
        }
    }
}
