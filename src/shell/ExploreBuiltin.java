package shell;

import boot.Options;
import explore.ControlledRun;
import explore.Explorer;
import explore.GuestProgram;
import explore.Report;
import fs.FsException;
import image.BootImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import obj.ExecutableFormat;
import syscall.Errno;

/**
 * {@code explore}: {@code clonix explore} inside the shell (docs/explore.md, "From the
 * shell"), on an executable of the session's guest file system, such as one the in-guest
 * {@code cc} built. Each run is a fresh controlled machine booted with the session's machine
 * options (on one CPU) and set up as {@code clonix explore} sets its own
 * (explore.GuestProgram): the boot image's files and the program at /tmp/NAME. The
 * session's other files are not copied: a replay is exact only on the same machine, and the
 * host's machines have none of them; nor would a copy of the file system per run be cheap.
 * So a schedule found here replays on the host and the other way round.
 *
 * <p>The schedule files and --json are written into the guest (the working directory, or
 * --schedule-dir), never to the host but through the mount; the report is clonix explore's
 * without the host time (what a session prints must not depend on the host), and its
 * commands are the shell's {@code replay}. Ctrl-C stops the exploration: no new run starts,
 * the runs under way finish, and what was found so far is reported, shrunk as far as it
 * got; the command line is then abandoned, as after a program killed by Ctrl-C.
 */
final class ExploreBuiltin {
    /** The largest executable or schedule file read from the guest: the guest's memory bounds them anyway. */
    static final int MAX_FILE = 256 << 20;

    private ExploreBuiltin() {}

    static void register(Builtins table) {
        table.add(new Builtin("explore", "explore [OPTION...] PROGRAM [ARG...]", "run a program under many thread schedules",
                "Runs PROGRAM (an executable of the guest, e.g. built with cc) under many schedules, each\n"
                        + "in a fresh one-CPU machine with the session's options, and prints how the runs ended.\n"
                        + "For each failing or unusual ending: a schedule file (in the guest), the 'replay'\n"
                        + "commands that reproduce it (and draw it on the timeline), and the interleaving shrunk\n"
                        + "to the fewest preemptions, in source lines. Status 0 if every run agrees and none\n"
                        + "failed, 1 otherwise. Options: --runs N (1000), --strategy pct|random|bounded,\n"
                        + "--depth D (3), --preemptions K (2), --seed S, --time-limit S (virtual seconds a run\n"
                        + "may take, 0.2), --race, --time S (host seconds), --jobs N, --json FILE,\n"
                        + "--schedule-dir DIR. Ctrl-C stops it and reports what was found (docs/explore.md).",
                ExploreBuiltin::explore));
    }

    private static int explore(Shell sh, List<String> args, Builtin.Io io) {
        BuiltinOptions o;
        Program program;
        Options machine;
        int runs, depth, preemptions, jobs;
        double seconds;
        Explorer.StrategyName strategy;
        try {
            o = BuiltinOptions.parse(args, Set.of("--runs", "--time", "--strategy", "--depth", "--preemptions", "--seed",
                    "--jobs", "--json", "--schedule-dir", "--time-limit"), Set.of("--race"));
            if (o.operands.isEmpty()) throw new BuiltinOptions.Bad("usage: explore [OPTION...] PROGRAM [ARG...]");
            runs = o.number("--runs", 1000, 1, Integer.MAX_VALUE, "--runs must be at least 1");
            seconds = o.seconds("--time", 0);
            if (!(seconds >= 0)) throw new BuiltinOptions.Bad("--time must be 0 or more");
            depth = o.number("--depth", 3, 1, 100, "--depth must be between 1 and 100");
            preemptions = o.number("--preemptions", 2, 0, Integer.MAX_VALUE, "--preemptions must be 0 or more");
            jobs = o.number("--jobs", Runtime.getRuntime().availableProcessors(), 1, 256, "--jobs must be between 1 and 256");
            strategy = strategy(o.value("--strategy"));
            machine = machine(sh, o, true);
            program = Program.read(sh, o.operands.get(0), o.operands.subList(1, o.operands.size()));
        } catch (BuiltinOptions.Bad e) {
            io.err().println("sh: explore: " + e.getMessage());
            return 2;
        }
        String dir = o.value("--schedule-dir") != null ? o.value("--schedule-dir") : ".";
        try {
            boot.GuestFiles.directory(sh.session.shell().fs(), dir);
        } catch (FsException e) {
            io.err().println("sh: explore: --schedule-dir: " + dir + ": " + Messages.error(e.errno()));
            return 1;
        }

        // Each run's guest may fill its memory, beside the session's machine: run no more
        // machines at once than the heap holds then, and refuse if it holds none.
        long memMiB = machine.memoryBytes() >> 20, heap = Runtime.getRuntime().maxMemory();
        int fit = boot.JavaHeap.machinesThatFit(memMiB, heap, 1, memMiB);
        if (fit == 0) {
            io.err().println("sh: explore: " + noRoom(machine));
            return 1;
        }
        if (jobs > fit) {
            if (o.value("--jobs") != null) io.err().println("sh: explore: " + boot.JavaHeap.lowered(jobs, fit, memMiB, heap, 1, memMiB));
            jobs = fit;
        }

        boolean race = o.has("--race");
        ControlledRun.Setup setup = program.setup(race);
        Explorer.Config config = new Explorer.Config(strategy, runs, seconds, depth, preemptions, machine.seed(), jobs, null);
        BooleanSupplier interrupted = interruption(sh);
        String description = "explore " + program.word() + " (" + describe(config, race) + ")";
        Report report;
        try {
            Explorer.Result result = new Explorer(machine, setup, config).explore(interrupted);
            report = Report.of(result, machine, setup, jobs, new GuestScheduleFiles(sh, dir, program, replayOptions(sh, o)),
                    description, interrupted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (IOException e) {
            io.err().println("sh: explore: cannot write " + e.getMessage());
            return 1;
        } catch (IllegalStateException | OutOfMemoryError e) {
            if (!(e instanceof OutOfMemoryError || e.getCause() instanceof OutOfMemoryError)) throw e;
            // The runs' machines are garbage now: the session goes on.
            io.err().println("sh: explore: " + outOfHeap(machine, jobs));
            return 1;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
        report.print(out, description, false);
        int status = report.clean() ? 0 : 1;
        String json = o.value("--json");
        if (json != null) {
            try {
                MachineBuiltins.writeGuestFile(sh, json, report.json(program.word(), describe(config, race))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (FsException e) {
                io.err().println("sh: explore: cannot write " + json + ": " + Messages.error(e.errno()));
                status = 1;
            }
        }
        // Ctrl-C abandons the rest of the command line, as it does after a program it killed.
        if (interrupted.getAsBoolean()) throw new Control(Control.Kind.INTERRUPT, 0);
        return status;
    }

    /**
     * What to say when the Java heap could not hold the session's machine and {@code machines}
     * controlled ones of {@code options}' size, which guest programs that fill their memory
     * may need.
     */
    static String outOfHeap(Options options, int machines) {
        return "out of Java heap for " + machines + " more machine(s) of " + (options.memoryBytes() >> 20)
                + " MiB (try --jobs 1, a smaller --mem, or a larger -Xmx in CLONIX_JAVA_OPTS)";
    }

    /**
     * Null if the Java heap holds a machine of {@code options}' size beside the session's (of
     * the same size), else the one line that refuses to start it and says which -Xmx would.
     */
    static String noRoom(Options options) {
        long memMiB = options.memoryBytes() >> 20, heap = Runtime.getRuntime().maxMemory();
        if (boot.JavaHeap.machinesThatFit(memMiB, heap, 1, memMiB) > 0) return null;
        return "a Java heap of " + (heap >> 20) + " MiB cannot hold a machine of " + memMiB + " MiB beside the session's;"
                + " CLONIX_JAVA_OPTS=-Xmx" + 2 * boot.JavaHeap.neededMiB(memMiB) + "m would";
    }

    /** The strategy called {@code name} (pct if null). */
    private static Explorer.StrategyName strategy(String name) throws BuiltinOptions.Bad {
        if (name == null) return Explorer.StrategyName.pct;
        try {
            return Explorer.StrategyName.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BuiltinOptions.Bad("--strategy must be pct, random or bounded");
        }
    }

    /** As clonix explore describes what it did, for the report's first line and --json. */
    private static String describe(Explorer.Config c, boolean race) {
        String how = switch (c.strategy()) {
            case pct -> "pct, depth " + c.depth();
            case random -> "random";
            case bounded -> "bounded, at most " + c.preemptions() + " preemption(s)";
        };
        return how + ", seed " + c.seed() + (race ? ", --race" : "");
    }

    /**
     * The machine options of the controlled runs: the session's, with --seed and --time-limit
     * if given; for explore ({@code exploring}), with no limit at all, explore's default.
     */
    static Options machine(Shell sh, BuiltinOptions o, boolean exploring) throws BuiltinOptions.Bad {
        Options m = sh.session.kernel().options();
        if (o.value("--seed") != null) m = m.withSeed(o.number("--seed", 0));
        double limit = o.seconds("--time-limit", -1);
        if (o.value("--time-limit") != null && !(limit >= 0 && limit <= 1e6)) {
            throw new BuiltinOptions.Bad("--time-limit must be between 0 (none) and 1000000 seconds");
        }
        if (limit >= 0) m = m.withCycleLimit(Math.round(limit * Options.CYCLES_PER_SECOND));
        if (exploring && m.cycleLimit() == 0) {
            m = m.withCycleLimit(Math.round(ControlledRun.DEFAULT_TIME_LIMIT * Options.CYCLES_PER_SECOND));
        }
        return m;
    }

    /**
     * The options of the replay commands: --seed and --time-limit as given (or explore's
     * default limit, when neither the command nor the session set one), and --race.
     */
    private static String replayOptions(Shell sh, BuiltinOptions o) {
        StringBuilder b = new StringBuilder();
        if (o.value("--seed") != null) b.append(" --seed ").append(Executor.quote(o.value("--seed")));
        if (o.value("--time-limit") != null) {
            b.append(" --time-limit ").append(Executor.quote(o.value("--time-limit")));
        } else if (sh.session.kernel().options().cycleLimit() == 0) {
            b.append(" --time-limit ").append(ControlledRun.DEFAULT_TIME_LIMIT);
        }
        if (o.has("--race")) b.append(" --race");
        return b.toString();
    }

    /**
     * A latch on Ctrl-C for a built-in that runs long without the machine: true from the
     * first SIGINT key on. Asked on the shell's thread only.
     */
    static BooleanSupplier interruption(Shell sh) {
        boolean[] seen = {false};
        return () -> {
            if (!seen[0] && sh.frontend.keyPending() && sh.frontend.takeKey() == task.Signals.SIGINT) seen[0] = true;
            return seen[0];
        };
    }

    /**
     * A program of the guest to explore or replay: the word that named it, its executable's
     * bytes, and its arguments.
     */
    record Program(String word, String name, byte[] executable, List<String> args) {
        /** Finds {@code word} as the shell would run it ($PATH for a name without a slash) and reads it. */
        static Program read(Shell sh, String word, List<String> args) throws BuiltinOptions.Bad {
            String path = sh.executor.resolve(word);
            if (path == null) throw new BuiltinOptions.Bad(sh.executor.resolveError());
            byte[] bytes = readGuestFile(sh, path);
            try {
                ExecutableFormat.read(path, bytes);
            } catch (obj.FormatException e) {
                throw new BuiltinOptions.Bad(word + ": " + Messages.error(Errno.ENOEXEC));
            }
            return new Program(word, path.substring(path.lastIndexOf('/') + 1), bytes, List.copyOf(args));
        }

        /** How each controlled machine installs it. */
        ControlledRun.Setup setup(boolean race) {
            return new GuestProgram(BootImage.load().guestFiles(), name, executable, args, race);
        }
    }

    /** The contents of the guest file {@code path}; a Bad naming it if it cannot be read. */
    static byte[] readGuestFile(Shell sh, String path) throws BuiltinOptions.Bad {
        try {
            return new GuestCompilerFiles(sh.session.kernel().vfs(), sh.session.shell().fs()).read(path, MAX_FILE);
        } catch (IOException e) {
            throw new BuiltinOptions.Bad(path + ": " + e.getMessage());
        }
    }

    /** The schedule files of a report, in the guest directory {@code dir}, replayed by the shell's replay. */
    private record GuestScheduleFiles(Shell sh, String dir, Program program, String options) implements Report.Files {
        @Override
        public String scheduleName(int n) {
            String name = program.name().replaceFirst("\\.[cso]$", "") + ".outcome" + n + ".schedule";
            return dir.endsWith("/") ? dir + name : dir + "/" + name;
        }

        @Override
        public void write(String name, String text) throws IOException {
            try {
                MachineBuiltins.writeGuestFile(sh, name, text.getBytes(StandardCharsets.UTF_8));
            } catch (FsException e) {
                throw new IOException(name + ": " + Messages.error(e.errno()));
            }
        }

        @Override
        public String replay(String schedule, boolean timeline) {
            StringBuilder b = new StringBuilder("replay");
            if (timeline) b.append(" --timeline");
            b.append(options).append(' ').append(Executor.quote(schedule)).append(' ').append(Executor.quote(program.word()));
            for (String a : program.args()) b.append(' ').append(Executor.quote(a));
            return b.toString();
        }
    }
}
