package explore;

import boot.Options;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import sched.ScheduleControl;

/**
 * What {@code clonix explore} prints: the outcome histogram, and for each failing or minority
 * outcome its first run, a schedule file, the command that replays it, and the interleaving
 * shrunk to the fewest preemptions, step by step in source terms. Built once the runs are
 * done, so it is the same whatever the number of host threads.
 */
public final class Report {
    /** Steps shown on each side of a context switch in a long interleaving; the rest are summarized. */
    static final int CONTEXT = 5;
    /** init's tid. */
    static final int INIT = 1;
    /** An interleaving of at most this many steps is shown whole. */
    static final int SHOWN_WHOLE = 60;

    /** One distinct outcome: how many runs had it, and the first of them. */
    public record Group(Outcome outcome, int count, Explorer.Run first, ControlledRun.Result firstRun) {}

    /**
     * A failing or minority outcome explained: its group, the schedule file of its first run
     * shrunk, the command that replays it and the one that draws it on the timeline, the
     * preemptions before and after shrinking, and the interleaving's lines.
     */
    public record Finding(Group group, String schedule, String replay, String timeline, int preemptionsBefore, int preemptions,
            int shrinkRuns, List<String> interleaving, String raceReports) {}

    /**
     * Where a report's schedule files go, and the commands that replay them: the host's
     * files and {@code ./clonix run --schedule} for clonix explore, the guest's files and the
     * shell's {@code replay} for the shell's explore.
     */
    public interface Files {
        /** The name of the schedule file of outcome {@code n} (from 1), as the commands give it. */
        String scheduleName(int n);

        /** Writes the schedule file {@code name}; an IOException's message says why it could not. */
        void write(String name, String text) throws IOException;

        /** The command that replays the schedule {@code name}; with {@code timeline}, one that also draws the run on the timeline. */
        String replay(String name, boolean timeline);
    }

    private final Explorer.Result result;
    private final List<Group> groups;
    private final List<Finding> findings = new ArrayList<>();

    private Report(Explorer.Result result, List<Group> groups) {
        this.result = result;
        this.groups = groups;
    }

    /**
     * The report of {@code result}: groups the runs by outcome (most frequent first, ties by
     * first run), then explains each failing or minority outcome: shrinks it on machines with
     * {@code machine} options, writes its schedule to {@code files} as outcome n (from 1 in
     * the histogram's order), and gives the commands that replay it. The most frequent
     * successful outcome needs no explanation; any other does. Once {@code interrupted} says
     * so (asked on this thread), or if the exploration was, the shrinking stops and each
     * outcome left is explained by the best run found so far.
     */
    public static Report of(Explorer.Result result, Options machine, ControlledRun.Setup setup, int jobs, Files files,
            String description, BooleanSupplier interrupted) throws IOException {
        BooleanSupplier stop = result.interrupted() ? () -> true : interrupted;
        Map<Outcome, List<Explorer.Run>> byOutcome = new LinkedHashMap<>();
        for (Explorer.Run r : result.runs()) byOutcome.computeIfAbsent(r.outcome(), o -> new ArrayList<>()).add(r);
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Outcome, List<Explorer.Run>> e : byOutcome.entrySet()) {
            Explorer.Run first = e.getValue().get(0);
            groups.add(new Group(e.getKey(), e.getValue().size(), first, result.firstRuns().get(e.getKey())));
        }
        groups.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : Integer.compare(a.first().index(), b.first().index()));
        Report report = new Report(result, groups);
        Group usual = groups.stream().filter(g -> !g.outcome().failed()).findFirst().orElse(null);
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g == usual) continue;
            Shrinker shrinker = new Shrinker(machine, setup, jobs, stop);
            ControlledRun.Result shrunk = shrinker.shrink(g.firstRun());
            // Run it once more, describing each step in source terms.
            ControlledRun.Result shown = ControlledRun.run(machine, setup, Shrinker.following(shrunk.steps()), true);
            String file = files.scheduleName(i + 1);
            List<String> comment = List.of(description, "run " + g.first().index() + " shrunk: " + g.outcome().describe(),
                    shown.preemptions() + " preemption(s), " + shown.steps().size() + " steps");
            files.write(file, Schedule.of(shown.steps()).render(comment));
            report.findings.add(new Finding(g, file, files.replay(file, false), files.replay(file, true),
                    g.firstRun().preemptions(), shown.preemptions(), shrinker.runs(), interleaving(shown.switches()),
                    shown.raceReports()));
        }
        return report;
    }

    /** The groups, most frequent first. */
    public List<Group> groups() { return groups; }

    /** The explained outcomes. */
    public List<Finding> findings() { return findings; }

    /** True if every run had the same outcome and it was a success. */
    public boolean clean() {
        return groups.size() == 1 && !groups.get(0).outcome().failed();
    }

    /**
     * The steps of a described run and its unchosen switches, one line each ("t3 main.c:17
     * load free_seats"), the switches marked, init's left out; in a long run only those
     * around each switch ({@link #CONTEXT} on each side), the others counted.
     */
    static List<String> interleaving(List<ScheduleControl.Step> steps) {
        int n = steps.size();
        boolean[] show = new boolean[n];
        if (n <= SHOWN_WHOLE) java.util.Arrays.fill(show, true);
        for (int i = 0; i < n; i++) {
            ScheduleControl.Step s = steps.get(i);
            if (s.chosen() == s.point().current()) continue;
            for (int j = Math.max(0, i - CONTEXT); j <= Math.min(n - 1, i + CONTEXT); j++) show[j] = true;
        }
        List<String> lines = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            ScheduleControl.Step s = steps.get(i);
            // init only starts the program and reaps it: its moments are not the program's.
            if (s.point().current() == INIT || s.chosen() == INIT) continue;
            if (!show[i]) {
                hidden++;
                continue;
            }
            if (hidden > 0) lines.add("  ... " + hidden + " more");
            hidden = 0;
            if (s.text() != null) lines.add(s.text());
            if (s.chosen() != s.point().current()) lines.add("  -- " + switchText(s));
        }
        if (hidden > 0) lines.add("  ... " + hidden + " more");
        return lines;
    }

    /** What happened at a step that changed tasks, for the line after the step's own. */
    private static String switchText(ScheduleControl.Step s) {
        String to = "t" + s.chosen() + " runs";
        if (s.point().candidates().length == 1) return to;
        if (!s.isPreemption()) return "switch: " + to;
        return switch (s.where()) {
            case LOAD, STORE, ATOMIC -> "preempted before that " + s.where().name().toLowerCase() + ": " + to;
            case SYSCALL -> "preempted after that system call: " + to;
            case SWITCH -> "preempted: " + to;
        };
    }

    /**
     * Prints the histogram and the findings; with {@code hostTime}, the host time the runs
     * took (the shell leaves it out: what a session prints must not depend on the host).
     */
    public void print(PrintWriter out, String description, boolean hostTime) {
        List<Explorer.Run> runs = result.runs();
        out.printf("%s: %d run(s)%s%s%s%n", description, runs.size(),
                hostTime ? String.format(" in %.1f s", result.hostNanos() / 1e9) : "",
                result.exhausted() ? " (every schedule within the bound)" : "",
                result.interrupted() ? " (interrupted)" : "");
        for (Group g : groups) {
            out.printf("%8d  %s  (first: run %d)%n", g.count(), g.outcome().describe(), g.first().index());
        }
        int n = 0;
        for (Finding f : findings) {
            n++;
            out.println();
            Explorer.Run first = f.group().first();
            out.printf("outcome %d: %s%n", groups.indexOf(f.group()) + 1, f.group().outcome().describe());
            out.printf("  first in run %d (seed %d), %d preemption(s); shrunk to %d preemption(s) in %d run(s)%n",
                    first.index(), first.seed(), f.preemptionsBefore(), f.preemptions(), f.shrinkRuns());
            out.println("  schedule: " + f.schedule());
            out.println("  replay:   " + f.replay());
            out.println("  timeline: " + f.timeline());
            out.println("  interleaving:");
            for (String line : f.interleaving()) out.println("    " + line);
            if (!f.raceReports().isEmpty()) {
                out.println("  data races:");
                for (String line : f.raceReports().split("\n")) out.println("    " + line);
            }
        }
        out.flush();
    }

    /** The report as JSON (--json FILE): the histogram, each run, and the findings. */
    public String json(String program, String strategy) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"program\": ").append(Json.string(program)).append(",\n");
        b.append("  \"strategy\": ").append(Json.string(strategy)).append(",\n");
        b.append("  \"runs\": ").append(result.runs().size()).append(",\n");
        b.append("  \"exhausted\": ").append(result.exhausted()).append(",\n");
        b.append("  \"interrupted\": ").append(result.interrupted()).append(",\n");
        b.append("  \"clean\": ").append(clean()).append(",\n");
        b.append("  \"outcomes\": [");
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"outcome\": ").append(Json.string(g.outcome().describe()))
                    .append(", \"kind\": ").append(Json.string(g.outcome().kind().name().toLowerCase()))
                    .append(", \"status\": ").append(g.outcome().status())
                    .append(", \"failed\": ").append(g.outcome().failed())
                    .append(", \"count\": ").append(g.count())
                    .append(", \"first_run\": ").append(g.first().index());
            for (Finding f : findings) {
                if (f.group() != g) continue;
                b.append(", \"schedule\": ").append(Json.string(f.schedule()))
                        .append(", \"replay\": ").append(Json.string(f.replay()))
                        .append(", \"timeline\": ").append(Json.string(f.timeline()))
                        .append(", \"preemptions\": ").append(f.preemptions())
                        .append(", \"interleaving\": [");
                for (int k = 0; k < f.interleaving().size(); k++) {
                    b.append(k == 0 ? "" : ", ").append(Json.string(f.interleaving().get(k).trim()));
                }
                b.append("]");
            }
            b.append("}");
        }
        b.append("\n  ],\n  \"run_list\": [");
        for (int i = 0; i < result.runs().size(); i++) {
            Explorer.Run r = result.runs().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"run\": ").append(r.index()).append(", \"seed\": ").append(r.seed())
                    .append(", \"outcome\": ").append(groups.indexOf(groupOf(r.outcome())) + 1)
                    .append(", \"steps\": ").append(r.steps()).append(", \"preemptions\": ").append(r.preemptions()).append("}");
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private Group groupOf(Outcome o) {
        for (Group g : groups) if (g.outcome().equals(o)) return g;
        return null;
    }

    /** JSON string literals. */
    static final class Json {
        private Json() {}

        static String string(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return b.append('"').toString();
        }
    }
}
