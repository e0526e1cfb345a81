package clonix;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import race.RaceDetector;
import trace.ChromeTrace;
import trace.CrashReport;
import trace.Strace;
import trace.Timeline;
import trace.Tracer;

/**
 * {@code clonix run [options] PROGRAM [ARGS...]} or {@code clonix run [options] FILE...
 * [GCC-OPTIONS] -- [ARGS...]}: compile host C files (or take a .s, .o or executable), boot
 * a fresh Clonix system, install the program at /tmp/NAME (NAME from the first file), run it
 * as a child of init, and exit with its status (128 + N if signal N killed it). How the
 * words split between the compiler and the program is {@link RunSources}'s business.
 */
@Command(mixinStandardHelpOptions = true, name = "run", description = {
    "Boot a fresh system and run one program in it; exit with its status.",
    "PROGRAM is a .c file (compiled first), a .s or .o file (linked first) or a Clonix executable.",
    "Several files and gcc's options go before '--', the program's arguments after it:",
    "  clonix run a.c b.c -I include -DDEBUG -lm -- arg1 arg2"})
final class RunCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM", description = "a .c, .s, .o file or an executable (or gcc's options first)")
    String first;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "arguments (argv[1] ...); with '--', files and options up to it")
    List<String> rest = new ArrayList<>();

    @Mixin MachineOptions machine;

    @Option(names = "--timeline", description = "after the run, print an ASCII per-CPU timeline to standard error")
    boolean timeline;

    @Option(names = "--trace-json", paramLabel = "FILE", description = "after the run, write a Chrome/Perfetto JSON trace (open it in ui.perfetto.dev)")
    Path traceJson;

    @Option(names = "--strace", description = "after the run, print the system calls strace-style to standard error")
    boolean strace;

    @Option(names = "-k", description = "with --strace: print the stack of each system call under it, as strace -k")
    boolean straceStacks;

    @Option(names = "--trace-buffer", paramLabel = "N", defaultValue = "" + Tracer.DEFAULT_CAPACITY,
            description = "trace events kept; older ones are dropped (default: ${DEFAULT-VALUE})")
    int traceBuffer;

    @Option(names = "--schedule", paramLabel = "FILE",
            description = "replay the thread schedule FILE written by 'clonix explore' (on one CPU), to reproduce that run exactly")
    Path schedule;

    @Option(names = "--race", arity = "0..1", paramLabel = "report|fail", parameterConsumer = RaceMode.Consumer.class,
            description = {"detect data races (docs/race.md): reports on standard error, then a count;",
                "with --race=fail, exit with status " + RaceDetector.EXIT_CODE + " if any race was reported"})
    RaceMode raceMode;

    /** What --race asks for: only reports (the program's status stays the exit status), or failure too. */
    enum RaceMode {
        report, fail;

        /** Takes "report" or "fail" after --race, and leaves anything else (the program) alone. */
        static final class Consumer implements picocli.CommandLine.IParameterConsumer {
            @Override
            public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec arg,
                    picocli.CommandLine.Model.CommandSpec spec) {
                boolean named = !args.isEmpty() && (args.peek().equals("report") || args.peek().equals("fail"));
                arg.setValue(named ? RaceMode.valueOf(args.pop()) : RaceMode.report);
            }
        }
    }

    @Override
    int call0() throws Exception {
        Options options = machine.toOptions();
        if (schedule != null) options = explore.ScheduleReplay.machine(options);
        if (traceBuffer < 1) throw new HostFiles.UserError("--trace-buffer must be at least 1");
        if (straceStacks && !strace) throw new HostFiles.UserError("-k prints the stacks of --strace; give --strace too");
        List<String> words = new ArrayList<>(List.of(first));
        words.addAll(rest);
        RunSources run = RunSources.parse(words);
        BootImage image = BootImage.load();
        Executable exe = build(image, run);
        if (exe == null) return 1;

        OutputStream console = new BufferedOutputStream(System.out, 1 << 16);
        Kernel kernel = Kernel.boot(options, console, System.in);
        boolean[] terminals = HostTerminals.standardStreams();
        kernel.setTerminals(terminals[0], terminals[1], terminals[2]);
        List<String> argv = install(kernel, image, exe, run.sources().get(0), run.args());
        String guestPath = argv.get(0);
        explore.ScheduleReplay replay = schedule == null ? null : startReplay(kernel);
        boolean tracing = timeline || strace || traceJson != null;
        if (tracing) kernel.scheduler().tracer().enable(traceBuffer);
        kernel.scheduler().tracer().stacks = straceStacks;
        PrintWriter err = spec.commandLine().getErr();
        RaceDetector races = raceMode == null ? null : RaceDetector.install(kernel, text -> {
            err.print(text);
            err.flush();
        }, RaceDetector.DEFAULT_LIMIT);
        if (replay != null && races != null) replay.alsoObserve(races); // the schedule's points, then the detector
        CrashReport.Log crashes = new CrashReport.Log();
        kernel.tasks().observeCrashes(crashes::crashed);
        int status;
        try {
            status = kernel.run(guestPath, argv);
        } finally {
            console.flush();
        }
        // A crash's backtrace, as gdb would show it from the core dump, after the program's output.
        err.print(crashes.render("clonix run: "));
        err.flush();
        if (tracing) writeTrace(kernel.scheduler().tracer());
        if (replay != null && replay.warning() != null) spec.commandLine().getErr().println("clonix run: " + replay.warning());
        if (races != null) {
            err.println("clonix run: " + races.racesReported() + " data race(s) reported");
            err.flush();
            if (raceMode == RaceMode.fail && races.racesReported() > 0) return RaceDetector.EXIT_CODE;
        }
        return status;
    }

    /** Hands the kernel to the schedule of --schedule. */
    private explore.ScheduleReplay startReplay(Kernel kernel) throws HostFiles.UserError {
        try {
            return explore.ScheduleReplay.start(kernel, schedule);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new HostFiles.UserError("--schedule: " + e.getMessage());
        }
    }

    /**
     * Installs the boot image's files and {@code exe}, built from {@code program}, at
     * /tmp/NAME in a freshly booted {@code kernel}; returns the argv to run it with. The
     * grader's runs (GradeChild) and the shell's explore and replay set up their machines
     * this way too (explore.GuestProgram), so that a replay does exactly what the run did.
     */
    static List<String> install(Kernel kernel, BootImage image, Executable exe, Path program, List<String> args) {
        return explore.GuestProgram.install(kernel, image.guestFiles(), program.getFileName().toString(),
                obj.ExecutableFormat.write(exe), args);
    }

    /** Prints or writes what the tracing options asked for, once the run is over. */
    private void writeTrace(Tracer tracer) throws HostFiles.UserError {
        PrintWriter err = spec.commandLine().getErr();
        if (tracer.dropped() > 0) {
            err.println("clonix run: trace buffer full: the oldest " + tracer.dropped() + " of " + tracer.recorded()
                    + " events were dropped (see --trace-buffer)");
        }
        if (strace) err.print(Strace.render(tracer.events()));
        if (timeline) err.print(Timeline.render(tracer.eventsWithWindowStart(), tracer.cpuCount(), Timeline.DEFAULT_WIDTH));
        err.flush();
        if (traceJson != null) {
            try {
                Files.writeString(traceJson, ChromeTrace.render(tracer.events(), tracer.cpuCount()));
            } catch (java.io.IOException e) {
                throw new HostFiles.UserError("cannot write " + traceJson + ": " + e.getMessage());
            }
        }
    }

    /**
     * Compiles (in memory) and links the program with libc, or, for a lone .s, .o or
     * executable, links or reads it as it is; null (after printing the diagnostics) if that failed.
     */
    private Executable build(BootImage image, RunSources run) throws Exception {
        Path program = run.sources().get(0);
        if (run.isLoneNonC()) return Inputs.link(List.of(program), "_start");
        if (!image.hasLibc()) throw new HostFiles.UserError("this build has no C library to link " + program + " with");
        Executable exe = image.compile(run.compiler(), program.toString(), spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return exe;
    }
}
