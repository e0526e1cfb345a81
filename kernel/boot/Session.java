package boot;

import fs.FdTable;
import fs.OpenFile;
import fs.OpenFlags;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import mm.Mm;
import mm.MmException;
import obj.Executable;
import sched.Scheduler;
import signal.SignalDelivery;
import signal.SignalSend;
import sched.Scheduler.Pause;
import task.Clone;
import task.Exec;
import task.Exit;
import task.OomKiller;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;
import task.Wait;

/**
 * A kernel that stays up for a shell: init (pid 1) and the shell's task, /sbin/sh (pid 2,
 * see {@link ShellProcess}), which sleeps while the Java shell acts in its name. Programs are
 * started as children of pid 2, each in the process group of its job, with descriptors the
 * shell chose (the console, pipes, redirected files); the machine runs only inside
 * {@link #runUntil}, between the shell's commands; and the shell reaps its children with
 * wait4 on pid 2's behalf, so {@code ps -f} shows a real parent and zombies behave as on Linux.
 *
 * <p>Single-threaded: every method must be called from the thread that drives the machine,
 * never while {@link #runUntil} is running.
 */
public final class Session {
    /** What a reaped child left: its pid and its wait status (Linux's encoding). */
    public record Exited(int pid, int waitStatus) {}

    private final Kernel kernel;
    private final Tasks tasks;
    private final Scheduler sched;
    private final SessionConsole console;
    private final Task shell;
    /** The processes sh's kill has reached since the last {@link #settleSignals}. */
    private final List<Task> unsettled = new ArrayList<>();

    private Session(Kernel kernel, SessionConsole console) {
        this.kernel = kernel;
        this.tasks = kernel.tasks();
        this.sched = kernel.scheduler();
        this.console = console;
        kernel.vfs().console().attach(console);
        kernel.install(ShellProcess.PATH, ShellProcess.build());
        startInit();
        sched.runUntil(() -> shellAsleep() != null);
        this.shell = shellAsleep();
        if (shell == null) throw new IllegalStateException("the shell's task did not start");
        kernel.actOutsideTrapsFor(shell); // the shell's own file operations are its system calls
        // sh leads its own session and process group, as after setsid(), and takes the console
        // as its controlling terminal (TIOCSCTTY) with its own group in the foreground: init
        // keeps no terminal, as on Linux, and the console's job control is the shell's.
        shell.signal().setSid(shell.tgid());
        shell.signal().setPgid(shell.tgid());
        kernel.vfs().console().setSession(shell.tgid(), shell.tgid());
        // The session needs sh for as long as it lasts, so sh is unkillable as init is
        // (SIGNAL_UNKILLABLE): a signal it has no handler for (all of them) is discarded,
        // SIGKILL and SIGSTOP too, whether the shell's kill, a program's kill(2, SIGKILL)
        // or kill(-1, SIGKILL) sent it. Nothing a guest does can take the shell's place away.
        shell.signal().signals().makeUnkillable();
        // The OOM killer must never take the shell's task: it is kept out the way a system
        // daemon is on Linux, with oom_score_adj -1000, and its children get 0 back (spawn).
        shell.signal().setOomScoreAdj(OomKiller.OOM_SCORE_ADJ_MIN, false);
    }

    /**
     * Boots a machine per {@code options} whose console writes to {@code out}, installs
     * {@code files} (guest path to contents; paths under /bin and /sbin are executable), and
     * runs it until init and the shell's task are up. The console has no input yet.
     */
    public static Session boot(Options options, OutputStream out, Map<String, byte[]> files) {
        Kernel kernel = Kernel.boot(options, out, java.io.InputStream.nullInputStream());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            boolean exe = f.getKey().startsWith("/bin/") || f.getKey().startsWith("/sbin/");
            kernel.installFile(f.getKey(), f.getValue(), exe ? 0755 : 0644);
        }
        return new Session(kernel, new SessionConsole(out));
    }

    /** init runs /sbin/sh as its only command: it forks, execs sh and reaps orphans for ever. */
    private void startInit() {
        List<String> argv = List.of("init", ShellProcess.PATH, "sh");
        Mm mm;
        try {
            mm = Mm.exec(kernel.physicalMemory(), InitProgram.build(), "/sbin/init", argv, List.of("PATH=/bin", "HOME=/"));
        } catch (MmException e) {
            throw new IllegalStateException("cannot load init: " + e.getMessage(), e);
        }
        FdTable files = new FdTable(kernel.physicalMemory());
        OpenFile tty = new OpenFile(kernel.vfs().console(), OpenFlags.O_RDWR);
        files.installAt(0, tty, false);
        files.installAt(1, tty.get(), false);
        files.installAt(2, tty.get(), false);
        tasks.spawnInit(mm, files, kernel.vfs().newFsStruct());
    }

    /** The sh task once it has exec'd and gone to sleep in its futex wait, else null. */
    private Task shellAsleep() {
        for (Task t : tasks.pids().all()) {
            if (t.tgid() != 1 && t.comm().equals("sh") && t.state() == TaskState.INTERRUPTIBLE) return t;
        }
        return null;
    }

    // ---------------------------------------------------------------- starting programs

    /**
     * fork + setpgid + dup2 + execve, done for the shell's task: creates a child of pid 2
     * (a copy of sh, as fork makes), puts it in process group {@code pgid} (0: a new group
     * led by the child), installs each of {@code fds} (descriptor to description; the
     * references are taken over, also on failure) and execs {@code path} with {@code argv}
     * and {@code envp} before the child ever runs. Returns the child's pid, or -errno if the
     * fork or the exec failed (after a failed exec the child has already been reaped).
     */
    public long spawn(String path, List<String> argv, List<String> envp, int pgid, Map<Integer, OpenFile> fds) {
        long pid = Clone.clone(tasks, shell, shell.context(), Signals.SIGCHLD, 0, 0, 0, 0);
        if (pid < 0) {
            for (OpenFile f : fds.values()) f.put();
            return pid;
        }
        Task child = tasks.pids().find((int) pid);
        child.signal().setPgid(pgid == 0 ? child.tgid() : pgid);
        child.signal().setOomScoreAdj(0, false);
        long err = 0;
        for (Map.Entry<Integer, OpenFile> e : fds.entrySet()) {
            int room = err < 0 ? (int) err : child.files().makeRoom(e.getKey()); // descriptors above 63 may need it
            if (room < 0) {
                err = room;
                e.getValue().put();
            } else {
                child.files().installAt(e.getKey(), e.getValue(), false);
            }
        }
        if (err == 0) {
            err = Exec.execve(tasks, child, child.context(), path, argv, envp);
            traceExecve(child, path, argv, envp.size(), err);
        }
        if (err < 0) {
            // The child never ran: it ends as if it had called _exit(127) right after fork.
            Exit.exit(tasks, child, Signals.exitedStatus(127));
            Wait.wait4(tasks, shell, (int) pid, 0, Wait.WNOHANG, 0);
            return err;
        }
        return pid;
    }

    /**
     * Records the execve done for {@code child} as the child's own system call, so that
     * strace shows it first, as on Linux where the forked shell calls execve itself. The
     * environment pointer shown is where the new image keeps envp (after argc and argv).
     */
    private void traceExecve(Task child, String path, List<String> argv, int envCount, long result) {
        trace.Tracer tracer = sched.tracer();
        if (!tracer.enabled) return;
        long envpAddress = 0;
        if (result == 0 && child.mm() != null) envpAddress = child.mm().startStack() + 8L * (argv.size() + 2);
        tracer.kernelExecve(child, path, argv, envpAddress, envCount, result);
    }

    // ---------------------------------------------------------------- running and reaping

    /**
     * Runs the machine until {@code until} holds, or nothing can run ({@link Pause#IDLE}:
     * every task waits for the outside world, such as console input, or for each other), or
     * the machine stopped. See {@link Scheduler#runUntil}.
     */
    public Pause runUntil(BooleanSupplier until) {
        return runUntil(until, Long.MAX_VALUE);
    }

    /** {@link #runUntil(BooleanSupplier)}, also stopping when the clock reaches {@code deadline}; {@code until} must not look at the clock. */
    public Pause runUntil(BooleanSupplier until, long deadline) {
        console.flush();
        Pause p = sched.runUntil(until, deadline);
        console.flush();
        return p;
    }

    /** True once process {@code pid} (a child of sh) has exited and can be reaped, or no longer exists. */
    public boolean hasExited(int pid) {
        Task t = tasks.pids().find(pid);
        return t == null || t.realParent() != shell
                || t.state() == TaskState.ZOMBIE && t.signal().liveThreads() == 0;
    }

    /**
     * wait4(pid, &status, WNOHANG) for sh: reaps child {@code pid} if it has exited and
     * returns its pid and wait status; null if it is still running (or not sh's child).
     */
    public Exited reap(int pid) {
        Task t = tasks.pids().find(pid);
        if (t == null || t.realParent() != shell || !hasExited(pid)) return null;
        int status = t.signal().isGroupExiting() ? t.signal().groupExitStatus() : t.exitCode();
        long r = Wait.wait4(tasks, shell, pid, 0, Wait.WNOHANG, 0);
        return r == pid ? new Exited(pid, status) : null;
    }

    /**
     * Sends {@code sig} to every process of group {@code pgid} from the kernel, as the tty
     * driver does for Ctrl-C (SIGINT) and Ctrl-Z (SIGTSTP), and as job control does for fg
     * and bg (SIGCONT). Returns 0 or -ESRCH.
     */
    public int signalGroup(int pgid, int sig) {
        return (int) SignalSend.sendToGroup(tasks, pgid, sig);
    }

    /** Sends {@code sig} to process {@code pid} from the kernel, as {@link #signalGroup} does to a group; 0 or -ESRCH. */
    public int signalProcess(int pid, int sig) {
        Task t = tasks.pids().find(pid);
        if (t == null) return -syscall.Errno.ESRCH;
        SignalSend.sendToProcess(tasks, t, sig);
        return 0;
    }

    /**
     * kill(pid, sig) called by sh, with kill(2)'s targets: pid &gt; 0 one process, 0 sh's own
     * process group, -1 every process but init and sh, &lt; -1 the process group -pid.
     * Returns 0, -ESRCH or -EINVAL. The processes it reached are remembered, so that
     * {@link #settleSignals} can let them take the signal.
     */
    public int kill(int pid, int sig) {
        int r = (int) SignalSend.kill(tasks, shell, pid, sig);
        if (r == 0 && sig != 0) unsettled.addAll(SignalSend.killTargets(tasks, shell, pid));
        return r;
    }

    /**
     * The longest {@link #settleSignals} runs the machine, in cycles (10 ms of virtual time):
     * a signal normally takes effect within a few rounds, but a target may never take it (a
     * vfork parent whose child loops), and the shell must not hang on it.
     */
    static final long SETTLE_LIMIT_CYCLES = 10_000_000;

    /**
     * Runs the machine until the processes reached by {@link #kill} since the last call have
     * taken their signals (no live thread of theirs that could run has a signal, a stop or
     * a kill still to take; a stopped thread takes nothing until it is continued), and those
     * that died and were left to init have been reaped by it; or until nothing can run, or
     * {@link #SETTLE_LIMIT_CYCLES} have passed. So a signal the shell has just sent has taken
     * effect before the next prompt: {@code kill %1; jobs} shows the job terminated, and
     * {@code kill -9 -PGID; ps} no longer lists the group.
     */
    public void settleSignals() {
        List<Task> targets = new ArrayList<>(unsettled);
        unsettled.clear();
        long deadline = sched.now() + SETTLE_LIMIT_CYCLES;
        runUntil(() -> targets.stream().allMatch(this::settled), deadline);
    }

    private boolean settled(Task p) {
        if (p.state() == TaskState.ZOMBIE && p.realParent() == tasks.init()) return false;
        for (Task t : p.signal().threads()) {
            if (t.state().isAlive() && t.state() != TaskState.STOPPED && SignalDelivery.hasWork(t)) return false;
        }
        return true;
    }

    /**
     * True while process group {@code pgid} has a process with a live thread: a job is not
     * finished while any process of its group lives, even after the processes the shell
     * started have exited (the children a fork bomb leaves behind keep its group).
     */
    public boolean groupAlive(int pgid) {
        for (Task t : tasks.pids().all()) {
            if (t.isGroupLeader() && t.signal().pgid() == pgid && t.signal().liveThreads() > 0) return true;
        }
        return false;
    }

    /** True if every process of group {@code pgid} with a live thread is stopped by job control (or none is left). */
    public boolean groupStopped(int pgid) {
        for (Task t : tasks.pids().all()) {
            if (t.isGroupLeader() && t.signal().pgid() == pgid && t.signal().liveThreads() > 0
                    && !t.signal().signals().isStopped()) return false;
        }
        return true;
    }

    /** True if process {@code pid} exists and its thread group is stopped by job control. */
    public boolean isStopped(int pid) {
        Task t = tasks.pids().find(pid);
        return t != null && t.signal().liveThreads() > 0 && t.signal().signals().isStopped();
    }

    /**
     * wait4(pid, &status, WUNTRACED | WNOHANG) for sh: takes the report of child {@code pid}'s
     * stop, so that it is given once, as Linux gives it. Returns the signal that stopped it
     * (WSTOPSIG: SIGTSTP, SIGSTOP, SIGTTIN...), or 0 if there was no report to take.
     */
    public int takeStopReport(int pid) {
        Task t = tasks.pids().find(pid);
        int sig = t == null ? 0 : t.signal().signals().takeStopReport(false);
        boolean taken = Wait.wait4(tasks, shell, pid, 0, Wait.WNOHANG | Wait.WUNTRACED, 0) == pid && !hasExited(pid);
        return taken ? sig : 0;
    }

    /**
     * tcsetpgrp(console, pgid) done by sh: makes {@code pgid} the console's foreground
     * process group, the one that may read it and that Ctrl-C and Ctrl-Z reach. The shell
     * gives the terminal to a job it runs in the foreground and takes it back (its own
     * group, {@link #shellGroup}) when the job stops or ends, as bash does.
     */
    public void setForegroundGroup(int pgid) {
        kernel.vfs().console().setForegroundGroup(pgid);
    }

    /** The console's foreground process group (tcgetpgrp). */
    public int foregroundGroup() {
        return kernel.vfs().console().foregroundGroup();
    }

    /** sh's own process group (its pid): the console's foreground group at the prompt. */
    public int shellGroup() {
        return shell.signal().pgid();
    }

    /**
     * One line per live task other than init and sh: tid, name, state letter and what it
     * waits on, the scheduler's deadlock report for the shell's programs.
     */
    public String describeTasks() {
        return kernel.scheduler().describeTasks(t -> t.tgid() != 1 && t.tgid() != shell.tgid());
    }

    /** The children of sh that have not been reaped, in pid order. */
    public List<Integer> children() {
        List<Integer> pids = new ArrayList<>();
        for (Task t : shell.children()) pids.add(t.tgid());
        pids.sort(null);
        return pids;
    }

    /**
     * Ends the session's programs: SIGKILL to every process but init and sh, then runs the
     * machine until sh's children are reaped (init reaps the orphans). Returns how many
     * processes were killed.
     */
    public int killAll() {
        int killed = 0;
        for (Task t : tasks.pids().all()) {
            if (!t.isGroupLeader() || t.tgid() == 1 || t == shell || t.signal().liveThreads() == 0) continue;
            SignalSend.sendToProcess(tasks, t, Signals.SIGKILL);
            killed++;
        }
        runUntil(() -> everyoneGone());
        for (int pid : children()) reap(pid);
        return killed;
    }

    private boolean everyoneGone() {
        for (Task t : tasks.pids().all()) {
            if (t.tgid() != 1 && t != shell && (t.state().isAlive() || t.realParent() != shell && t.state() == TaskState.ZOMBIE)) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- inspection

    /** The kernel underneath (tasks, scheduler, file system, tracer). */
    public Kernel kernel() { return kernel; }

    /** The shell's task, pid 2. */
    public Task shell() { return shell; }

    /** The console; give it keys with {@link #typeOnConsole}. */
    public SessionConsole console() { return console; }

    /**
     * Keys typed at the terminal, given to the console's line discipline, which edits and
     * echoes them per the console's termios and wakes the programs waiting to read. Returns
     * the signals the keys stand for (with ISIG: Ctrl-C's SIGINT, Ctrl-\'s SIGQUIT, Ctrl-Z's
     * SIGTSTP), in order, which the caller sends to the foreground process group as the tty
     * driver does; with ISIG off they are ordinary input.
     */
    public int[] typeOnConsole(byte[] keys) {
        console.fed();
        return kernel.vfs().console().receive(keys);
    }

    /** The terminal is gone (its input ended): readers of the console see end of file from now on. */
    public void hangUpConsole() {
        console.closeInput();
        kernel.vfs().console().inputArrived();
    }

    /** Takes what was typed on the console and not read (the line being edited too), in order. */
    public byte[] takeTypeAhead() {
        return kernel.vfs().console().takeUnreadInput();
    }

    /**
     * The terminal modes a program may change and leave changed: the console's termios, and
     * the file status flags (O_NONBLOCK, O_APPEND) of sh's descriptors open on the console,
     * whose open file descriptions its children share.
     */
    public record TerminalModes(byte[] termios, List<OpenFile> files, int[] flags) {}

    /** The terminal's modes now, for {@link #restoreTerminalModes} (bash's get_tty_state, with the flags). */
    public TerminalModes terminalModes() {
        List<OpenFile> files = new ArrayList<>();
        for (int fd = 0; fd <= 2; fd++) {
            OpenFile f = shell.files().get(fd);
            if (f != null && f.inode() == kernel.vfs().console() && !files.contains(f)) files.add(f);
        }
        int[] flags = new int[files.size()];
        for (int i = 0; i < flags.length; i++) flags[i] = files.get(i).flags();
        return new TerminalModes(kernel.vfs().console().attributes(), files, flags);
    }

    /** Puts the terminal's modes back as {@code modes} saved them (bash's set_tty_state). */
    public void restoreTerminalModes(TerminalModes modes) {
        kernel.vfs().console().setAttributes(modes.termios());
        for (int i = 0; i < modes.flags().length; i++) modes.files().get(i).setStatusFlags(modes.flags()[i]);
    }

    /** Installs an executable at {@code path}. */
    public void install(String path, Executable exe) {
        kernel.install(path, exe);
    }
}
