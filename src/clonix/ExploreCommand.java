package clonix;

import boot.Options;
import explore.ControlledRun;
import explore.Explorer;
import explore.Report;
import image.BootImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix explore [options] PROGRAM [ARGS...]}: runs a program under many schedules
 * (docs/explore.md), prints the histogram of outcomes and, for each failing or minority one,
 * a schedule file, the command that replays it and the shrunk interleaving. Exit status 0 if
 * every run exited 0 with the same output, 1 otherwise.
 */
@Command(mixinStandardHelpOptions = true, name = "explore", description = {
    "Run a program under many thread schedules and report the outcomes; 0 if every run agrees and none failed.",
    "PROGRAM is a .c file (compiled first), a .s or .o file (linked first) or a Clonix executable."})
final class ExploreCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM", description = "a .c, .s, .o file or an executable")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "arguments (argv[1] ...)")
    List<String> args = new ArrayList<>();

    @Mixin MachineOptions machine;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "the most runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--time", paramLabel = "S", defaultValue = "0", description = "stop after S seconds of host time (default: no limit)")
    double seconds;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "pct",
            description = "pct (random priorities with depth-1 change points), random (a random walk), "
                    + "or bounded (every schedule with at most --preemptions preemptions) (default: ${DEFAULT-VALUE})")
    Explorer.StrategyName strategy;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "3", description = "PCT's bug depth: D-1 priority change points (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--preemptions", paramLabel = "K", defaultValue = "2", description = "the bounded search's most preemptions (default: ${DEFAULT-VALUE})")
    int preemptions;

    @Option(names = "--jobs", paramLabel = "N", description = "host threads running runs (default: the host's cores, as many as the Java heap holds)")
    Integer jobs;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to FILE")
    Path json;

    @Option(names = "--race", description = "also detect data races in every run (docs/race.md); a run that reports one fails")
    boolean race;

    @Option(names = "--schedule-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where to write the schedule files (default: the current directory)")
    Path scheduleDir;

    @Override
    int call0() throws Exception {
        Options options = machine.toOptions();
        boolean defaultLimit = options.cycleLimit() == 0;
        if (defaultLimit) options = options.withCycleLimit(Math.round(ControlledRun.DEFAULT_TIME_LIMIT * Options.CYCLES_PER_SECOND));
        if (runs < 1) throw new HostFiles.UserError("--runs must be at least 1");
        if (!(seconds >= 0)) throw new HostFiles.UserError("--time must be 0 or more");
        if (depth < 1 || depth > 100) throw new HostFiles.UserError("--depth must be between 1 and 100");
        if (preemptions < 0) throw new HostFiles.UserError("--preemptions must be 0 or more");
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 256) throw new HostFiles.UserError("--jobs must be between 1 and 256");
        // Every run's guest may fill its memory: run no more machines at once than the heap holds.
        long memMiB = options.memoryBytes() >> 20, heap = Runtime.getRuntime().maxMemory();
        int fit = Math.max(1, boot.JavaHeap.machinesThatFit(memMiB, heap, 0, 0));
        if (threads > fit) {
            if (jobs != null) spec.commandLine().getErr().println("clonix explore: " + boot.JavaHeap.lowered(threads, fit, memMiB, heap, 0, 0));
            threads = fit;
        }
        if (!Files.isDirectory(scheduleDir)) throw new HostFiles.UserError("--schedule-dir: not a directory: " + scheduleDir);

        BootImage image = BootImage.load();
        Executable exe = build(image);
        if (exe == null) return 1;
        ControlledRun.Setup setup = new explore.GuestProgram(image.guestFiles(), program.getFileName().toString(),
                obj.ExecutableFormat.write(exe), args, race);
        Explorer.Config config = new Explorer.Config(strategy, runs, seconds, depth, preemptions, options.seed(), threads, null);
        Explorer.Result result = new Explorer(options, setup, config).explore();

        String name = program.getFileName().toString().replaceFirst("\\.[cso]$", "");
        String replayOptions = replayOptions(defaultLimit);
        String description = "explore " + program + " (" + describe() + ")";
        Report report = Report.of(result, options, setup, threads, new HostScheduleFiles(name, replayOptions), description, () -> false);
        PrintWriter out = spec.commandLine().getOut();
        report.print(out, description, true);
        if (json != null) {
            try {
                Files.writeString(json, report.json(program.toString(), describe()));
            } catch (IOException e) {
                throw new HostFiles.UserError("cannot write " + json + ": " + e.getMessage());
            }
        }
        return report.clean() ? 0 : 1;
    }

    private String describe() {
        String how = switch (strategy) {
            case pct -> "pct, depth " + depth;
            case random -> "random";
            case bounded -> "bounded, at most " + preemptions + " preemption(s)";
        };
        return how + ", seed " + machine.seed + (race ? ", --race" : "");
    }

    /** The machine options as given on the command line (and the time limit explore chose), for the replay command. */
    private String replayOptions(boolean defaultLimit) {
        StringBuilder b = new StringBuilder();
        for (OptionSpec o : spec.mixins().get("machine").options()) {
            if (!spec.commandLine().getParseResult().hasMatchedOption(o)) continue;
            for (String v : o.originalStringValues()) b.append(' ').append(o.longestName()).append(' ').append(shellWord(v));
        }
        if (defaultLimit) b.append(" --time-limit ").append(ControlledRun.DEFAULT_TIME_LIMIT);
        if (race) b.append(" --race");
        return b.toString();
    }

    /** The schedule files in --schedule-dir, replayed by {@code clonix run --schedule} with {@code options}. */
    private final class HostScheduleFiles implements Report.Files {
        private final String name;
        private final String options;

        HostScheduleFiles(String name, String options) {
            this.name = name;
            this.options = options;
        }

        @Override
        public String scheduleName(int n) {
            return scheduleDir.resolve(name + ".outcome" + n + ".schedule").toString();
        }

        @Override
        public void write(String file, String text) throws IOException {
            Files.writeString(Path.of(file), text);
        }

        @Override
        public String replay(String schedule, boolean timeline) {
            StringBuilder b = new StringBuilder("./clonix run --schedule ").append(shellWord(schedule));
            if (timeline) b.append(" --timeline");
            b.append(options).append(' ').append(shellWord(program.toString()));
            for (String a : args) b.append(' ').append(shellWord(a));
            return b.toString();
        }
    }

    /** {@code s} quoted for a POSIX shell if it needs it. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=+,@%-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Compiles (in memory) or links the program; null (after printing the diagnostics) if that failed. */
    private Executable build(BootImage image) throws Exception {
        if (!program.toString().endsWith(".c")) return Inputs.link(List.of(program), "_start");
        if (!image.hasLibc()) throw new HostFiles.UserError("this build has no C library to link " + program + " with");
        Executable exe = image.compile(program, spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return exe;
    }
}
