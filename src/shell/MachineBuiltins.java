package shell;

import boot.GuestFiles;
import fs.FsException;
import fs.OpenFile;
import fs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sched.RunQueue;
import sched.Scheduler;
import syscall.Errno;
import task.Task;
import trace.ChromeTrace;
import trace.Strace;
import trace.Timeline;
import trace.TraceEvent;
import trace.Tracer;

/**
 * The machine console: cpus (each CPU's current task and run queue), trace (the event
 * stream on, off, or exported for Perfetto), timeline (an ASCII chart of the traced past)
 * and strace (one command's system calls). They read the kernel directly; the machine is
 * paused while they do, since it only runs inside a command.
 */
final class MachineBuiltins {
    private MachineBuiltins() {}

    static void register(Builtins table) {
        table.add(new Builtin("cpus", "cpus", "show each CPU and its run queue",
                "For every virtual CPU: the task on it (or idle), the tasks waiting in its run\n"
                        + "queue, and how many context switches it has made; then the virtual clock.",
                MachineBuiltins::cpus));
        table.add(new Builtin("trace", "trace on|off|export FILE", "record scheduler and system-call events",
                "The kernel records its events (context switches, wake-ups, migrations, system\n"
                        + "calls, exits) from the start of the session, keeping the newest " + Tracer.DEFAULT_CAPACITY + ". 'trace off' stops\n"
                        + "recording, 'trace on' starts again with an empty buffer, 'trace export FILE'\n"
                        + "writes the events to the guest file FILE as JSON for ui.perfetto.dev (under\n"
                        + "/mnt/host to take it to the host). Without arguments, says whether tracing is on.",
                MachineBuiltins::trace));
        table.add(new Builtin("timeline", "timeline [WIDTH]", "chart which task ran on each CPU",
                "Draws the traced past as one row per CPU, one letter per task, WIDTH columns\n"
                        + "(default " + Timeline.DEFAULT_WIDTH + "), with a legend. Tracing is on from the start.",
                MachineBuiltins::timeline));
        table.add(new Builtin("strace", "strace [-k] PROGRAM [ARG...]", "run a program and list its system calls",
                "Runs PROGRAM in the foreground with tracing on, then prints its system calls\n"
                        + "as strace -f does: 'write(1, 0x..., 3) = 3', clone's flags by name, '[pid N]'\n"
                        + "prefixes once there are several tasks, '+++ exited with 0 +++'. With -k, each\n"
                        + "call is followed by its stack, as strace -k prints it: ' > /tmp/prog(main+0x58) [0x4001a8]'.",
                MachineBuiltins::strace));
    }

    private static int cpus(Shell sh, List<String> args, Builtin.Io io) {
        Scheduler s = sh.session.kernel().scheduler();
        io.out().println("CPU  CURRENT              SWITCHES  RUN QUEUE");
        for (int i = 0; i < s.cpuCount(); i++) {
            RunQueue rq = s.runQueue(i);
            String current = rq.isIdle() ? "idle" : describe(rq.current());
            List<String> queued = new ArrayList<>();
            for (Task t : rq.queued()) queued.add(describe(t));
            io.out().printf("%3d  %-20s %8d  %s%n", i, current, rq.switches(), queued.isEmpty() ? "-" : String.join(", ", queued));
        }
        io.out().println("clock: " + s.now() + " ns of virtual time");
        return 0;
    }

    private static String describe(Task t) {
        return t.tid() + " " + t.comm();
    }

    private static int trace(Shell sh, List<String> args, Builtin.Io io) {
        Tracer tracer = sh.session.kernel().scheduler().tracer();
        if (args.size() == 1) {
            io.out().println("trace: " + (tracer.enabled ? "on" : "off") + ", " + tracer.events().size() + " events kept");
            return 0;
        }
        switch (args.get(1)) {
            case "on" -> {
                tracer.enable(Tracer.DEFAULT_CAPACITY);
                return 0;
            }
            case "off" -> {
                tracer.disable();
                return 0;
            }
            case "export" -> {
                if (args.size() != 3) break;
                return export(sh, tracer, args.get(2), io);
            }
            default -> { }
        }
        io.err().println("sh: trace: usage: trace on|off|export FILE");
        return 2;
    }

    /**
     * Writes the trace as Perfetto JSON to {@code path} in the guest, relative to the shell's
     * working directory, as a redirection would: the shell is a guest command, so its files
     * are the guest's (with --mount, a path under /mnt/host takes the trace to the host).
     */
    private static int export(Shell sh, Tracer tracer, String path, Builtin.Io io) {
        byte[] json = ChromeTrace.render(tracer.events(), tracer.cpuCount()).getBytes(StandardCharsets.UTF_8);
        try {
            writeGuestFile(sh, path, json);
        } catch (FsException e) {
            io.err().println("sh: trace: cannot write " + path + ": " + Messages.error(e.errno()));
            return 1;
        }
        io.out().println("trace: " + tracer.events().size() + " events written to " + path);
        return 0;
    }

    /**
     * Writes {@code data} to the guest file {@code path} (relative to the shell's working
     * directory), creating or truncating it as {@code > path} would; the shell's built-ins
     * write their files so, never to the host but through the mount.
     */
    static void writeGuestFile(Shell sh, String path, byte[] data) throws FsException {
        OpenFile f = GuestFiles.open(sh.session.kernel().vfs(), sh.session.shell().fs(), path,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        long n = GuestFiles.write(f, data);
        f.put();
        if (n != data.length) throw new FsException(n < 0 ? (int) -n : Errno.ENOSPC);
    }

    private static int timeline(Shell sh, List<String> args, Builtin.Io io) {
        Tracer tracer = sh.session.kernel().scheduler().tracer();
        int width = Timeline.DEFAULT_WIDTH;
        if (args.size() > 1) {
            try {
                width = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                width = -1;
            }
            if (width < 10 || width > 1000) {
                io.err().println("sh: timeline: WIDTH must be a number from 10 to 1000");
                return 2;
            }
        }
        // The window-start switches say who ran on each CPU before the oldest kept event,
        // so a program that ran long without a switch still shows on the timeline.
        List<TraceEvent> events = tracer.eventsWithWindowStart();
        if (events.isEmpty()) {
            io.err().println("sh: timeline: nothing traced (type 'trace on', then run something)");
            return 1;
        }
        io.out().print(Timeline.render(events, tracer.cpuCount(), width));
        return 0;
    }

    private static int strace(Shell sh, List<String> args, Builtin.Io io) {
        boolean stacks = args.size() > 1 && args.get(1).equals("-k"); // strace -k: each call's stack
        if (stacks) {
            args = new ArrayList<>(args);
            args.remove(1);
        }
        if (args.size() < 2) {
            io.err().println("sh: strace: usage: strace [-k] PROGRAM [ARG...]");
            return 2;
        }
        if (sh.builtins.find(args.get(1)) != null) {
            io.err().println("sh: strace: " + args.get(1) + " is a shell built-in, not a program");
            return 1;
        }
        Tracer tracer = sh.session.kernel().scheduler().tracer();
        boolean wasOn = tracer.enabled;
        tracer.enable(Tracer.DEFAULT_CAPACITY);
        tracer.stacks = stacks;
        List<String> words = args.subList(1, args.size());
        int status = sh.executor.runCommand(new ArrayList<>(words), String.join(" ", words));
        tracer.stacks = false;
        if (!wasOn) tracer.disable();
        List<TraceEvent> own = new ArrayList<>();
        int shellPid = sh.session.shell().tgid();
        for (TraceEvent e : tracer.events()) if (e.tid() != 1 && e.tid() != shellPid) own.add(e);
        io.out().flush();
        io.err().print(Strace.render(own));
        return status;
    }
}
