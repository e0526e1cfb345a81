package shell;

import boot.Kernel;
import boot.Options;
import explore.Schedule;
import explore.ScheduleReplay;
import fs.FsException;
import fs.OpenFile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import race.RaceDetector;
import trace.ChromeTrace;
import trace.CrashReport;
import trace.Strace;
import trace.Timeline;
import trace.Tracer;

/**
 * {@code replay}: {@code clonix run --schedule} inside the shell. It runs a program of the
 * guest under a schedule file of the guest (written by explore, here or on the host) in a
 * fresh one-CPU machine set up as explore's (ExploreBuiltin says how), so the run is the
 * explored one, byte for byte. Named for what it does, next to strace and timeline: the
 * shell has no {@code run}, since it runs programs by their names.
 *
 * <p>The program's console (its standard output and error) is the command's standard
 * output, and its standard input the command's: a redirection or a pipe (read whole
 * first), the terminal in an interactive session (line by line, as typed), end of file in
 * batch mode. The machine runs on a host thread of its own while the shell's thread waits,
 * reads the terminal lines it asks for, and stops it on Ctrl-C. After the run, as
 * {@code clonix run} does on its standard error: a crash's backtrace, --strace's calls,
 * --timeline's chart of the interleaving, the race reports' count, and a word if the
 * program left the schedule; --trace-json writes the Perfetto trace into the guest.
 */
final class ReplayBuiltin {
    /** How often the shell's thread looks for Ctrl-C and for a line the machine waits for. */
    static final long POLL_MILLIS = 20;

    private ReplayBuiltin() {}

    static void register(Builtins table) {
        table.add(new Builtin("replay", "replay [OPTION...] SCHEDULE PROGRAM [ARG...]", "rerun a schedule found by explore",
                "Runs PROGRAM (an executable of the guest) under the thread schedule in the guest file\n"
                        + "SCHEDULE, written by explore (the shell's or clonix explore), in a fresh one-CPU\n"
                        + "machine with the session's options: the explored run again, byte for byte. $? is its\n"
                        + "status. Options: --timeline (draw the interleaving), --trace-json FILE (a Perfetto\n"
                        + "trace, written into the guest), --strace, --race, and --seed S and --time-limit S as\n"
                        + "explore printed them. Ctrl-C stops it.",
                ReplayBuiltin::replay));
    }

    /** What the machine's thread leaves for the shell's: the status, and what the tracing options need. */
    private static final class Run {
        volatile Kernel kernel;
        int status;
        ScheduleReplay replay;
        CrashReport.Log crashes;
        RaceDetector races;
        /** What the machine's thread threw, for the shell's thread to report. */
        Throwable failure;
    }

    private static int replay(Shell sh, List<String> args, Builtin.Io io) {
        BuiltinOptions o;
        Schedule schedule;
        ExploreBuiltin.Program program;
        Options machine;
        try {
            o = BuiltinOptions.parse(args, Set.of("--trace-json", "--seed", "--time-limit"), Set.of("--timeline", "--strace", "--race"));
            if (o.operands.size() < 2) throw new BuiltinOptions.Bad("usage: replay [OPTION...] SCHEDULE PROGRAM [ARG...]");
            String file = o.operands.get(0);
            try {
                schedule = Schedule.parse(new String(ExploreBuiltin.readGuestFile(sh, file), StandardCharsets.UTF_8), file);
            } catch (IllegalArgumentException e) {
                throw new BuiltinOptions.Bad(e.getMessage());
            }
            program = ExploreBuiltin.Program.read(sh, o.operands.get(1), o.operands.subList(2, o.operands.size()));
            machine = ScheduleReplay.machine(ExploreBuiltin.machine(sh, o, false));
        } catch (BuiltinOptions.Bad e) {
            io.err().println("sh: replay: " + e.getMessage());
            return 2;
        }
        String noRoom = ExploreBuiltin.noRoom(machine);
        if (noRoom != null) {
            io.err().println("sh: replay: " + noRoom);
            return 1;
        }
        boolean tracing = o.has("--timeline") || o.has("--strace") || o.value("--trace-json") != null;
        TerminalLines lines = io.in() == null && sh.frontend.interactive() ? new TerminalLines() : null;
        InputStream stdin = lines != null ? lines : new java.io.ByteArrayInputStream(standardInput(sh, io.in()));

        Run run = new Run();
        Thread machineThread = new Thread(() -> {
            try {
                Kernel kernel = Kernel.boot(machine, new ConsoleOut(io.out()), stdin);
                run.kernel = kernel;
                List<String> argv = program.setup(false).install(kernel);
                run.replay = ScheduleReplay.start(kernel, schedule);
                if (tracing) kernel.scheduler().tracer().enable(Tracer.DEFAULT_CAPACITY);
                if (o.has("--race")) {
                    run.races = RaceDetector.install(kernel, io.err()::print, RaceDetector.DEFAULT_LIMIT);
                    run.replay.alsoObserve(run.races); // the schedule's points, then the detector
                }
                run.crashes = new CrashReport.Log();
                kernel.tasks().observeCrashes(run.crashes::crashed);
                run.status = kernel.run(argv.get(0), argv);
            } catch (RuntimeException | Error e) {
                run.failure = e;
            }
        }, "clonix-replay");
        machineThread.setDaemon(true);
        BooleanSupplier interrupted = ExploreBuiltin.interruption(sh);
        machineThread.start();
        try {
            while (machineThread.isAlive()) {
                machineThread.join(POLL_MILLIS);
                if (lines != null) lines.serve(sh.frontend);
                if (interrupted.getAsBoolean() && run.kernel != null) {
                    run.kernel.scheduler().stop();
                    if (lines != null) lines.end();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        io.out().flush();
        if (run.failure instanceof OutOfMemoryError) {
            io.err().println("sh: replay: " + ExploreBuiltin.outOfHeap(machine, 1)); // the machine is garbage: the session goes on
            return 1;
        }
        if (run.failure instanceof RuntimeException e) throw e;
        if (run.failure != null) throw new IllegalStateException(run.failure);
        if (interrupted.getAsBoolean()) throw new Control(Control.Kind.INTERRUPT, 0);
        return report(sh, o, run, io.err());
    }

    /** What clonix run prints on standard error after a replay, and the trace file; returns the status. */
    private static int report(Shell sh, BuiltinOptions o, Run run, PrintStream err) {
        err.print(run.crashes.render("replay: "));
        Tracer tracer = run.kernel.scheduler().tracer();
        if (tracer.enabled && tracer.dropped() > 0) {
            err.println("replay: trace buffer full: the oldest " + tracer.dropped() + " of " + tracer.recorded() + " events were dropped");
        }
        if (o.has("--strace")) err.print(Strace.render(tracer.events()));
        if (o.has("--timeline")) err.print(Timeline.render(tracer.eventsWithWindowStart(), tracer.cpuCount(), Timeline.DEFAULT_WIDTH));
        String json = o.value("--trace-json");
        int status = run.status;
        if (json != null) {
            try {
                MachineBuiltins.writeGuestFile(sh, json, ChromeTrace.render(tracer.events(), tracer.cpuCount()).getBytes(StandardCharsets.UTF_8));
            } catch (FsException e) {
                err.println("sh: replay: cannot write " + json + ": " + Messages.error(e.errno()));
                status = 1;
            }
        }
        if (run.replay.warning() != null) err.println("replay: " + run.replay.warning());
        if (run.races != null) err.println("replay: " + run.races.racesReported() + " data race(s) reported");
        return status;
    }

    /** All of a redirected or piped standard input ({@code in}; null: none, as in batch mode), up to ExploreBuiltin.MAX_FILE bytes. */
    private static byte[] standardInput(Shell sh, OpenFile in) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (in == null) return data.toByteArray();
        for (int b; data.size() < ExploreBuiltin.MAX_FILE && (b = InputBuiltins.readByte(sh, in)) >= 0;) data.write(b);
        return data.toByteArray();
    }

    /** The console's output, written to the command's standard output; the machine's end does not close it. */
    private static final class ConsoleOut extends OutputStream {
        private final PrintStream out;

        ConsoleOut(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }
    }

    /**
     * The terminal as the replayed program's standard input: when the machine's thread needs
     * input it asks, and waits, for a line, which the shell's thread reads at the terminal
     * ({@link #serve}); a line that is not there (Ctrl-D, Ctrl-C at it) is the end of the
     * input. The terminal is read only on the shell's thread, as everywhere in the shell.
     */
    private static final class TerminalLines extends InputStream {
        private static final byte[] END = {};
        private final BlockingQueue<Boolean> wanted = new ArrayBlockingQueue<>(1);
        private final BlockingQueue<byte[]> given = new ArrayBlockingQueue<>(1);
        private byte[] line = {};
        private int at;
        private boolean ended;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        /** On the machine's thread: the rest of the current line, or the next one, waiting for it. */
        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (at == line.length) {
                if (ended) return -1;
                try {
                    wanted.put(true);
                    line = given.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    line = END;
                }
                at = 0;
                if (line.length == 0) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(len, line.length - at);
            System.arraycopy(line, at, b, off, n);
            at += n;
            return n;
        }

        /** On the shell's thread: if the machine waits for a line, reads one at the terminal and gives it. */
        void serve(Frontend terminal) {
            if (wanted.poll() == null) return;
            String typed = terminal.readLine();
            given.add(typed == null ? END : (typed + "\n").getBytes(StandardCharsets.UTF_8));
        }

        /** On the shell's thread, once the machine is stopped: a read it is waiting in sees the end of the input. */
        void end() {
            if (wanted.poll() != null) given.add(END);
        }
    }
}
