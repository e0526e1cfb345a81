package signal;

import task.SignalStruct;
import task.Task;
import task.Tasks;

/**
 * The timers that expire on CPU time: ITIMER_VIRTUAL and ITIMER_PROF (see
 * {@link IntervalTimers}) and the POSIX timers on CLOCK_PROCESS_CPUTIME_ID and
 * CLOCK_THREAD_CPUTIME_ID (see {@link PosixTimers}); Linux's posix-cpu-timers.c. No clock
 * interrupt sees CPU time pass, so, as for RLIMIT_CPU ({@link CpuLimit}), a thread looks
 * before it returns to user mode, whenever its process's CPU time, or its own, has reached
 * the point recorded by {@link #rearmProcess} or {@link #rearmThread}: one comparison each
 * ({@link #due}), and the work ({@link #run}) only when a timer may have expired.
 */
public final class CpuTimers {
    private CpuTimers() {}

    /** True if a CPU-time timer of {@code t}'s process or of {@code t} itself may have expired. */
    public static boolean due(Task t) {
        return t.signal().cpuTime() >= t.signal().signals().cpuTimersCheck
                || threadTime(t) >= t.signals().cpuTimersCheck;
    }

    /** The CPU time {@code t} can still use before it is {@link #due} (0 or less: it is). */
    public static long timeLeft(Task t) {
        return Math.min(t.signal().signals().cpuTimersCheck - t.signal().cpuTime(),
                t.signals().cpuTimersCheck - threadTime(t));
    }

    /** Fires the CPU-time timers of {@code t}'s process and of {@code t} whose time has come, then rearms the checks. */
    public static void run(Tasks ts, Task t) {
        SignalStruct sig = t.signal();
        IntervalTimers.fireCpuItimers(ts, t);
        long processTime = sig.cpuTime(), ownTime = threadTime(t);
        for (PosixTimer timer : sig.signals().posixTimers.values()) {
            if (!timer.ticking()) continue;
            if (timer.clock == PosixTimers.CLOCK_PROCESS_CPUTIME_ID && processTime >= timer.expires) {
                PosixTimers.fire(ts, timer, processTime);
            } else if (timer.clock == PosixTimers.CLOCK_THREAD_CPUTIME_ID && timer.owner == t && ownTime >= timer.expires) {
                PosixTimers.fire(ts, timer, ownTime);
            }
        }
        rearmProcess(sig);
        rearmThread(t);
    }

    /**
     * Records the process CPU time at which {@code sig}'s timers must next be looked at: the
     * earliest expiry of ITIMER_PROF and of its armed CLOCK_PROCESS_CPUTIME_ID timers, and
     * for ITIMER_VIRTUAL, which counts user time only, the process time at which its user
     * time could first reach the expiry (user time never runs faster than all of it).
     */
    static void rearmProcess(SignalStruct sig) {
        GroupSignals g = sig.signals();
        long check = Long.MAX_VALUE;
        long virtual = g.cpuItimerExpires[IntervalTimers.ITIMER_VIRTUAL];
        if (virtual != 0) check = Math.min(check, sig.cpuTime() + Math.max(0, virtual - sig.userCpuTime()));
        long prof = g.cpuItimerExpires[IntervalTimers.ITIMER_PROF];
        if (prof != 0) check = Math.min(check, prof);
        for (PosixTimer timer : g.posixTimers.values()) {
            if (timer.ticking() && timer.clock == PosixTimers.CLOCK_PROCESS_CPUTIME_ID) {
                check = Math.min(check, timer.expires);
            }
        }
        g.cpuTimersCheck = check;
    }

    /** Records the CPU time of thread {@code t} at which its CLOCK_THREAD_CPUTIME_ID timers must next be looked at. */
    static void rearmThread(Task t) {
        long check = Long.MAX_VALUE;
        for (PosixTimer timer : t.signal().signals().posixTimers.values()) {
            if (timer.ticking() && timer.clock == PosixTimers.CLOCK_THREAD_CPUTIME_ID && timer.owner == t) {
                check = Math.min(check, timer.expires);
            }
        }
        t.signals().cpuTimersCheck = check;
    }

    /** {@code t}'s own CPU time in cycles (CLOCK_THREAD_CPUTIME_ID). */
    private static long threadTime(Task t) {
        return t.utime() + t.stime();
    }
}
