package boot;

import fs.FdTable;
import fs.OpenFile;
import fs.OpenFlags;
import fs.Vfs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mm.FaultResult;
import mm.Mm;
import mm.MmException;
import obj.Executable;
import obj.ExecutableFormat;
import procfs.ProcRoot;
import signal.CpuLimit;
import signal.CpuTimers;
import signal.SigInfo;
import signal.SignalDelivery;
import signal.SignalSend;
import sched.Policies;
import sched.Scheduler;
import sched.TrapHandler;
import syscall.AffinityCalls;
import syscall.FileAttrCalls;
import syscall.FileCalls;
import syscall.GetrandomCalls;
import syscall.IdentityCalls;
import syscall.LimitCalls;
import syscall.MemoryCalls;
import syscall.PollCalls;
import syscall.PrctlCalls;
import syscall.PriorityCalls;
import syscall.RobustListCalls;
import syscall.ProcessCalls;
import syscall.SignalCalls;
import syscall.SocketCalls;
import syscall.SyscallTable;
import syscall.SysinfoCalls;
import syscall.SyslogCalls;
import syscall.TimeCalls;
import syscall.TimerCalls;
import syscall.UsageCalls;
import task.Exit;
import task.OomKiller;
import task.Signals;
import task.Task;
import task.Tasks;
import vm.Cpu;
import vm.PhysicalMemory;
import vm.Trap;

/**
 * A booted Clonix system: physical memory, the root file system with /dev/console on the
 * given streams, the CPUs and scheduler, the system-call table, and init. It is also the
 * trap dispatcher: system calls go to the table, page faults to the task's mm, and every
 * other trap kills the process with the signal Linux would send (docs/kernel.md).
 *
 * <p>Use: {@code Kernel k = Kernel.boot(options, out, in); k.install("/bin/prog", exe);
 * int status = k.run("/bin/prog", List.of("prog", "arg"));}. A kernel runs one command;
 * the status is the command's exit code, or 128 + the signal that killed it.
 *
 * <p><b>When it ends.</b> init (see InitProgram) exits once the command and every orphan
 * have been reaped, and that stops the machine. If the tasks left can never run again (a
 * deadlock) or the cycle limit is reached, the kernel writes a report to the console, kills
 * every task but init with SIGKILL so that init can collect them, and carries on.
 */
public final class Kernel implements TrapHandler {
    private final Options options;
    private final PhysicalMemory phys;
    private final Vfs vfs;
    private final StreamConsole console;
    private final Scheduler sched;
    private final Cpu[] cpus;
    private final Tasks tasks;
    private final SyscallTable syscalls = new SyscallTable();
    private Integer initStatus;
    private final List<String> reports = new ArrayList<>();
    private final List<String> oopses = new ArrayList<>();
    private boolean ran;
    /** Which of the command's standard streams are terminals (setTerminals). */
    private boolean[] terminals = {true, true, true};
    /**
     * The task whose trap is being handled (Linux's current); /proc/self resolves against it
     * and /proc/sys asks it for root's rights. Between traps it is {@link #outsideTraps}.
     */
    private Task current;
    /**
     * Whom the kernel acts for when no trap is being handled: the shell's task in a session,
     * whose own opens and redirections are the shell's system calls (so /proc/self there is
     * the shell, as it is bash's on Linux); nobody (null) when the kernel runs one command.
     */
    private Task outsideTraps;

    private Kernel(Options o, OutputStream out, InputStream in) {
        this.options = o;
        this.phys = new PhysicalMemory(o.memoryBytes());
        this.console = new StreamConsole(out, in);
        Cpu[] cpus = new Cpu[o.cpus()];
        // The JIT engine: one cache of translations, shared by the machine's CPUs.
        vm.CodeCache code = o.engine() == vm.Engine.JIT ? new vm.CodeCache() : null;
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new Cpu(i);
            cpus[i].setCodeCache(code);
        }
        this.sched = new Scheduler(cpus, Policies.create(o.policy(), o.cpus(), o.timeSliceTicks(), o.tickCycles(), o.seed()), o.seed(), o.burstCycles(), o.tickCycles());
        // File times are wall-clock times: CLOCK_REALTIME, the boot epoch plus the virtual clock.
        this.vfs = new Vfs(() -> TimeCalls.BOOT_EPOCH_SECONDS * 1_000_000_000L + sched.now(), console, phys);
        if (o.mount() != null) fs.HostDirFs.mountInto(vfs, o.mount()); // --mount: the host directory at /mnt/host
        this.cpus = cpus;
        this.tasks = new Tasks(phys, sched);
        if (o.maxTasks() != 0) tasks.setMaxTasks(o.maxTasks()); // else Linux's default for the memory size
        tasks.kernelLog().setConsole(text -> vfs.console().writeKernelMessage(text)); // printk's console output
        tasks.pids().setPidMax(o.pidMax() != 0 ? o.pidMax() : task.Pids.defaultPidMax(o.cpus()));
        sched.attach(tasks, this);
        sched.setWaitDescriber(new WaitDescription(tasks)::describe); // the deadlock report names futexes, pipes, children
        tasks.onInitExit(status -> {
            initStatus = status;
            sched.stop();
        });
        ProcessCalls.register(syscalls, tasks, sched);
        SignalCalls.register(syscalls, tasks, sched);
        MemoryCalls.register(syscalls, vfs);
        TimeCalls.register(syscalls, tasks, sched);
        IdentityCalls.register(syscalls, tasks);
        LimitCalls.register(syscalls, tasks);
        SyslogCalls.register(syscalls, tasks);
        FileCalls.register(syscalls, tasks, vfs);
        SocketCalls.register(syscalls, tasks, vfs);
        FileAttrCalls.register(syscalls, vfs);
        GetrandomCalls.register(syscalls, o.seed());
        AffinityCalls.register(syscalls, tasks, sched);
        PriorityCalls.register(syscalls, tasks);
        PrctlCalls.register(syscalls);
        SysinfoCalls.register(syscalls, tasks, sched);
        RobustListCalls.register(syscalls, tasks);
        UsageCalls.register(syscalls, sched);
        TimerCalls.register(syscalls, tasks, sched);
        PollCalls.register(syscalls, tasks, sched, vfs, () -> current);
        syscalls.setTracer(sched.tracer()); // trace: sys_enter/sys_exit share the scheduler's event stream
        ProcRoot.install(vfs, tasks, sched, () -> current);
        vfs.setCreator(() -> current == null ? 0 : current.cred().fsuid(), () -> current == null ? 0 : current.cred().fsgid());
        connectConsoleJobControl();
    }

    /**
     * Makes the console the controlling terminal of init's session (1), init's group in the
     * foreground, and lets tcsetpgrp and the SIGTTIN/SIGTTOU checks ask the process table.
     */
    private void connectConsoleJobControl() {
        vfs.console().setSession(1, 1);
        vfs.console().setProcesses(new signal.TerminalJobControl(tasks, sched, () -> current));
    }

    /** Boots a machine per {@code options} whose console writes to {@code out} and reads {@code in}. */
    public static Kernel boot(Options options, OutputStream out, InputStream in) {
        if (options.cpus() < 1 || options.cpus() > 64) throw new IllegalArgumentException("cpus must be 1..64");
        return new Kernel(options, out, in);
    }

    /** Installs {@code exe} as an executable file (mode 0755) at the absolute guest path {@code path}. */
    public void install(String path, Executable exe) {
        vfs.installFile(path, ExecutableFormat.write(exe), 0755);
    }

    /** Installs a file with the given bytes and mode. */
    public void installFile(String path, byte[] data, int mode) {
        vfs.installFile(path, data, mode);
    }

    /**
     * Says which of the command's standard streams (0, 1, 2) are terminals, as the host's
     * are; by default all three. A stream that is not gets a fs.HostStream instead of
     * /dev/console: the same bytes, but isatty(3) is 0 there, so the program's stdio buffers
     * it fully, as on Linux when its output goes to a file or a pipe. Call before {@link #run}.
     */
    public void setTerminals(boolean stdin, boolean stdout, boolean stderr) {
        terminals = new boolean[] {stdin, stdout, stderr};
    }

    /**
     * Runs {@code guestPath} with {@code argv} as the child of init until every task has
     * ended, and returns the command's status: its exit code, or 128 + the killing signal
     * (127 if it could not be found, 126 if it could not be executed). Call once.
     */
    public int run(String guestPath, List<String> argv) {
        if (ran) throw new IllegalStateException("a kernel runs one command");
        ran = true;
        List<String> initArgv = new ArrayList<>();
        initArgv.add("init");
        initArgv.add(guestPath);
        initArgv.addAll(argv.isEmpty() ? List.of(guestPath) : argv);
        Mm mm;
        try {
            mm = Mm.exec(phys, InitProgram.build(), "/sbin/init", initArgv, List.of("PATH=/bin", "HOME=/"));
        } catch (MmException e) {
            throw new IllegalStateException("cannot load init: " + e.getMessage(), e);
        }
        mm.useSysctl(tasks.vmSysctl());
        FdTable files = new FdTable(phys);
        OpenFile tty = null, stream = null;
        for (int fd = 0; fd < 3; fd++) {
            // One open file for the terminal streams and one for the others, as a shell's
            // redirections share theirs; each descriptor holds its own reference.
            OpenFile f;
            if (terminals[fd]) {
                f = tty == null ? (tty = new OpenFile(vfs.console(), OpenFlags.O_RDWR)) : tty.get();
            } else {
                f = stream == null ? (stream = new OpenFile(new fs.HostStream(vfs), OpenFlags.O_RDWR)) : stream.get();
            }
            files.installAt(fd, f, false);
        }
        tasks.spawnInit(mm, files, vfs.newFsStruct());
        if (options.cycleLimit() > 0) sched.setCycleLimit(options.cycleLimit());
        for (int attempt = 0; initStatus == null && attempt < 2; attempt++) {
            sched.run();
            if (initStatus != null) break;
            String why = sched.stopReason();
            if (why == null) break;
            report(why);
            killAllButInit();
            sched.clearStopReason();
            sched.setCycleLimit(0);
        }
        console.flush();
        if (initStatus == null) return 128 + Signals.SIGKILL;
        return Signals.shellStatus(initStatus);
    }

    private void report(String why) {
        String text = "clonix: " + why;
        reports.add(text);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        console.write(b, 0, b.length);
    }

    private void killAllButInit() {
        for (Task t : tasks.pids().all()) {
            if (t.tgid() != 1 && t.state().isAlive()) Exit.killGroup(tasks, t, Signals.SIGKILL);
        }
    }

    // ---------------------------------------------------------------- traps

    /**
     * Dispatches a trap. A fault the task cannot recover from becomes the signal Linux sends
     * for it, directed at the faulting thread and impossible to block or ignore
     * (SignalSend.forceFault): SIGSEGV with SEGV_MAPERR/ACCERR and si_addr, SIGBUS for a
     * page of a file mapping past the end of the file (BUS_ADRERR) or a misaligned access (BUS_ADRALN), SIGILL (ILL_ILLOPC), SIGFPE for a division by zero
     * (FPE_INTDIV) and SIGTRAP for a break (TRAP_BRKPT, si_addr the break). A handler may
     * catch it; when it returns, the faulting instruction runs again, as on Linux, except
     * after a break, which is stepped over.
     */
    @Override
    public void trap(Task t, Trap trap) {
        current = t;
        try {
            dispatch(t, trap);
        } catch (RuntimeException | StackOverflowError e) {
            oops(t, "trap " + trap.cause(), e);
        } finally {
            current = outsideTraps;
        }
    }

    private void dispatch(Task t, Trap trap) {
        if (trap.cause() == vm.TrapCause.SYSCALL) {
            SignalDelivery.afterSyscall(t, syscalls.dispatch(t));
            return;
        }
        SignalDelivery.afterTrap(t);
        switch (trap.cause()) {
            case PAGE_FAULT -> {
                FaultResult r = t.mm().handleFault(trap);
                if (r.kind() == FaultResult.Kind.SIGSEGV) {
                    SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGSEGV, r.siCode(), r.address()));
                } else if (r.kind() == FaultResult.Kind.SIGBUS) {
                    SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGBUS, r.siCode(), r.address()));
                } else if (r.kind() == FaultResult.Kind.OUT_OF_MEMORY) {
                    OomKiller.outOfMemory(tasks, t); // t dies, or sleeps until memory may be back and retries
                }
            }
            case ILLEGAL_INSTRUCTION -> SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGILL, SigInfo.ILL_ILLOPC, trap.pc()));
            case DIVIDE_ERROR -> SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGFPE, SigInfo.FPE_INTDIV, trap.pc()));
            case MISALIGNED -> SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGBUS, SigInfo.BUS_ADRALN, trap.address()));
            case BREAKPOINT -> {
                // Past the break, as x86-64's int3 leaves it, so that a handler's return goes on.
                t.context().pc = trap.pc() + vm.Isa.INSN_BYTES;
                SignalSend.forceFault(tasks, t, SigInfo.fault(Signals.SIGTRAP, SigInfo.TRAP_BRKPT, trap.pc()));
            }
            // An access observer (the schedule explorer) stopped the task before a load or
            // store; the scheduler has had its say, and the instruction simply runs again.
            case ACCESS_STOP -> { }
            default -> { }
        }
    }

    @Override
    public boolean hasWorkBeforeUserMode(Task t) {
        return SignalDelivery.hasWork(t) || CpuLimit.due(t) || CpuTimers.due(t);
    }

    @Override
    public long cpuTimeBeforeWork(Task t) {
        if (SignalDelivery.hasWork(t)) return 0;
        return Math.max(0, Math.min(CpuLimit.timeLeft(t), CpuTimers.timeLeft(t)));
    }

    /**
     * RLIMIT_CPU first (it may send SIGXCPU or SIGKILL: signal.CpuLimit), and the timers on
     * CPU time (signal.CpuTimers), then signals, as
     * long as some can be taken (each caught one nests its handler's frame over the previous
     * one, as Linux's exit_to_user_mode_loop does; a stop or a fatal default action ends the
     * loop), then death if a kill is pending: the task exits with its group's status
     * (SIGKILL's if none was set). A rewound system call that a handler interrupts is run
     * once more through the table.
     */
    @Override
    public void beforeUserMode(Task t) {
        current = t;
        try {
            workBeforeUserMode(t);
        } catch (RuntimeException | StackOverflowError e) {
            oops(t, "signal delivery", e);
        } finally {
            current = outsideTraps;
        }
    }

    private void workBeforeUserMode(Task t) {
        if (CpuLimit.due(t)) CpuLimit.check(tasks, t);
        if (CpuTimers.due(t)) CpuTimers.run(tasks, t);
        while (!t.isKillPending() && t.state() == task.TaskState.RUNNING && SignalDelivery.hasWork(t)) {
            SignalDelivery.deliver(tasks, t, task -> syscalls.dispatch(task)); // traces each signal it takes
        }
        if (!t.isKillPending()) return;
        // A crash is reported while the thread still has its registers and memory (trace.CrashReport).
        if (t.signal().takeCrash(t)) tasks.crashed(t, t.signal().groupExitStatus() & 0x7f);
        Exit.exit(tasks, t, Signals.killedStatus(Signals.SIGKILL));
    }

    /**
     * A Java exception while the kernel served {@code t} is a bug in the kernel, never the
     * guest's fault, and must not end Clonix: as Linux does with an oops, the kernel prints
     * what happened on the console, kills the task's process with SIGKILL and goes on. The
     * report is kept ({@link #oopses}) so that tests fail on it. Should even the kill fail,
     * the machine stops, as a second oops would panic Linux.
     */
    private void oops(Task t, String where, Throwable e) {
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        String text = "clonix: kernel BUG in " + where + " for pid " + t.tid() + " (" + t.comm() + "): " + e
                + (at == null ? "" : " at " + at) + "; the process is killed\n";
        oopses.add(text);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        console.write(b, 0, b.length);
        try {
            if (t.state().isAlive()) Exit.killGroup(tasks, t, Signals.SIGKILL);
        } catch (RuntimeException | StackOverflowError again) {
            sched.stop();
        }
    }

    /** Makes the kernel act for {@code t} between traps (see {@link #outsideTraps}). */
    public void actOutsideTrapsFor(Task t) {
        outsideTraps = t;
        current = t;
    }

    /** The kernel bugs met during the run (see {@link #oops}); empty in a healthy kernel. */
    public List<String> oopses() { return new ArrayList<>(oopses); }

    // ---------------------------------------------------------------- inspection

    /** The options the machine was booted with. */
    public Options options() { return options; }

    /** The task system (tests look at tasks and released structures). */
    public Tasks tasks() { return tasks; }

    /** The scheduler and machine loop. */
    public Scheduler scheduler() { return sched; }

    /** CPU {@code i} (an access observer is installed on it: race.RaceDetector). */
    public Cpu cpu(int i) { return cpus[i]; }

    /** The file system. */
    public Vfs vfs() { return vfs; }

    /** Physical memory. */
    public PhysicalMemory physicalMemory() { return phys; }

    /** The system-call table. */
    public SyscallTable syscalls() { return syscalls; }

    /** Deadlock and time-limit reports written during the run. */
    public List<String> reports() { return new ArrayList<>(reports); }
}
