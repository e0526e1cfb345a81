package signal;

import task.ResourceLimits;
import task.SignalStruct;
import task.Signals;
import task.Task;
import task.Tasks;

/**
 * RLIMIT_CPU, the part of Linux's posix-cpu-timers.c ({@code check_process_timers}) that
 * enforces it: when the process's CPU time (every thread's user and system time, exited
 * threads included; one cycle is one nanosecond of virtual CPU time) reaches the soft limit,
 * the process gets SIGXCPU and the soft limit goes up by one second, so that SIGXCPU comes
 * again a second later; at the hard limit it gets SIGKILL. SIGXCPU's default action is to
 * terminate (with a core dump), so a program that does not catch it dies at the soft limit.
 *
 * <p>Linux looks at the limit from the timer tick of the CPU the process runs on; Clonix
 * looks before a thread of the process returns to user mode, whenever its CPU time has
 * passed the point recorded by {@link #arm} (a single comparison, see
 * {@link #due}), which happens within a burst of the moment Linux would see it.
 */
public final class CpuLimit {
    private CpuLimit() {}

    /** Virtual CPU cycles in a second of CPU time. */
    static final long CYCLES_PER_SECOND = 1_000_000_000L;

    /**
     * Records when {@code sig}'s process must next look at RLIMIT_CPU: at its soft limit, or
     * never while the limit is infinite. Called when the limit is set and when a process is
     * created (its CPU time starts at zero).
     */
    public static void arm(SignalStruct sig) {
        sig.setCpuLimitExpires(cycles(sig.rlimits().cur(ResourceLimits.RLIMIT_CPU)));
    }

    /** True if {@code t}'s process has used the CPU time at which RLIMIT_CPU must be looked at. */
    public static boolean due(Task t) {
        SignalStruct sig = t.signal();
        return sig.cpuTime() >= sig.cpuLimitExpires();
    }

    /** The CPU time {@code t}'s process can still use before it is {@link #due} (0 or less: it is). */
    public static long timeLeft(Task t) {
        SignalStruct sig = t.signal();
        return sig.cpuLimitExpires() - sig.cpuTime();
    }

    /**
     * Enforces RLIMIT_CPU for {@code t}'s process, whose CPU time is {@link #due}: SIGKILL at
     * the hard limit; otherwise SIGXCPU at the soft limit, which then moves up one second.
     */
    public static void check(Tasks ts, Task t) {
        SignalStruct sig = t.signal();
        ResourceLimits limits = sig.rlimits();
        long soft = limits.cur(ResourceLimits.RLIMIT_CPU), hard = limits.max(ResourceLimits.RLIMIT_CPU);
        long time = sig.cpuTime();
        if (time >= cycles(hard)) {
            sig.setCpuLimitExpires(Long.MAX_VALUE);
            SignalSend.sendToProcess(ts, t, Signals.SIGKILL);
            return;
        }
        if (time >= cycles(soft)) {
            SignalSend.sendToProcess(ts, t, Signals.SIGXCPU);
            limits.set(ResourceLimits.RLIMIT_CPU, soft + 1, hard);
        }
        arm(sig);
    }

    /** A limit in seconds as CPU cycles; Long.MAX_VALUE for RLIM_INFINITY or a limit too large to reach. */
    private static long cycles(long seconds) {
        if (seconds < 0 || seconds > Long.MAX_VALUE / CYCLES_PER_SECOND) return Long.MAX_VALUE;
        return seconds * CYCLES_PER_SECOND;
    }
}
