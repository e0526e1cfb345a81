package signal;

import sched.Scheduler;
import task.SignalStruct;
import task.Signals;
import task.Task;
import task.Tasks;

/**
 * The three interval timers of a process, getitimer and setitimer (Linux's
 * kernel/time/itimer.c). Each fires after a first value and then every interval (if not 0),
 * each time with a signal for the process from the kernel (SI_KERNEL):
 * <ul>
 * <li>ITIMER_REAL counts the virtual wall clock and sends SIGALRM. It is a kernel timer on
 * the scheduler's heap ({@link HrTimer}); alarm(2) sets it too. As in Linux, a periodic one is
 * armed again only when its SIGALRM is taken ({@link #sigalrmDequeued}), moved forward past
 * the present by whole intervals, so a process that blocks SIGALRM is not flooded.
 * <li>ITIMER_VIRTUAL counts the process's user CPU time (SIGVTALRM), ITIMER_PROF its user
 * and system CPU time (SIGPROF). They expire on CPU time, which no clock interrupt sees, so
 * {@link CpuTimers} looks at them before a thread of the process returns to user mode.
 * </ul>
 * Values are in nanoseconds here; the system calls convert struct itimerval. The timers
 * survive execve; a fork child starts with none; they end with the process.
 */
public final class IntervalTimers {
    private IntervalTimers() {}

    public static final int ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;
    /** What getitimer reports of a timer that is due but has not fired yet: one microsecond. */
    static final long DUE_NANOS = 1000;

    /** A timer's setting: the time to its next expiry (0: disarmed) and its period (0: once). */
    public record Setting(long value, long interval) {
        public static final Setting DISARMED = new Setting(0, 0);
    }

    /** getitimer(which) for {@code t}'s process; {@code which} must be 0..2. */
    public static Setting get(Scheduler sched, Task t, int which) {
        GroupSignals g = t.signal().signals();
        if (which == ITIMER_REAL) {
            long deadline = g.realTimer == null ? -1 : g.realTimer.deadline();
            if (deadline < 0) return new Setting(0, g.realInterval);
            return new Setting(Math.max(DUE_NANOS, deadline - sched.now()), g.realInterval);
        }
        long expires = g.cpuItimerExpires[which];
        if (expires == 0) return new Setting(0, g.cpuItimerInterval[which]);
        return new Setting(Math.max(DUE_NANOS, expires - cpuClock(t.signal(), which)), g.cpuItimerInterval[which]);
    }

    /**
     * setitimer(which, fresh) for {@code t}'s process: arms the timer to fire after
     * fresh.value and then every fresh.interval, or disarms it if fresh.value is 0; returns
     * the old setting. {@code which} must be 0..2.
     */
    public static Setting set(Tasks ts, Scheduler sched, Task t, int which, Setting fresh) {
        Setting old = get(sched, t, which);
        GroupSignals g = t.signal().signals();
        if (which == ITIMER_REAL) {
            if (g.realTimer != null) g.realTimer.cancel();
            g.realInterval = fresh.value == 0 ? 0 : fresh.interval;
            if (fresh.value != 0) {
                if (g.realTimer == null) {
                    Task leader = t.groupLeader();
                    g.realTimer = new HrTimer(ts, sched, "itimer_real", () -> realExpired(ts, leader));
                }
                g.realExpires = saturatedAdd(sched.now(), fresh.value);
                g.realTimer.start(g.realExpires);
            }
            return old;
        }
        g.cpuItimerExpires[which] = fresh.value == 0 ? 0 : saturatedAdd(cpuClock(t.signal(), which), fresh.value);
        g.cpuItimerInterval[which] = fresh.interval;
        CpuTimers.rearmProcess(t.signal());
        return old;
    }

    /** The clock of ITIMER_VIRTUAL (user CPU time) or ITIMER_PROF (all CPU time) of process {@code sig}. */
    static long cpuClock(SignalStruct sig, int which) {
        return which == ITIMER_VIRTUAL ? sig.userCpuTime() : sig.cpuTime();
    }

    /** ITIMER_REAL expired: SIGALRM for {@code leader}'s process, unless it has ended (it_real_fn). */
    private static void realExpired(Tasks ts, Task leader) {
        if (leader.signal().liveThreads() > 0) SignalSend.sendToProcess(ts, leader, Signals.SIGALRM);
    }

    /**
     * A thread of {@code t}'s process took SIGALRM: a periodic ITIMER_REAL that has fired is
     * armed again at its first expiry after the present (dequeue_signal's hrtimer_forward).
     */
    static void sigalrmDequeued(Task t) {
        GroupSignals g = t.signal().signals();
        if (g.realTimer == null || g.realInterval == 0 || g.realTimer.deadline() >= 0) return;
        long now = g.realTimer.now();
        if (now >= g.realExpires) {
            long periods = (now - g.realExpires) / g.realInterval + 1;
            g.realExpires = periods > (Long.MAX_VALUE - g.realExpires) / g.realInterval
                    ? Long.MAX_VALUE / 2 : g.realExpires + periods * g.realInterval;
        }
        g.realTimer.start(g.realExpires);
    }

    /**
     * The CPU-time interval timers of process {@code sig} whose time has come fire, each
     * once: SIGVTALRM or SIGPROF to the process, then the next expiry one interval later (or
     * none), as Linux's check_cpu_itimer does at a tick.
     */
    static void fireCpuItimers(Tasks ts, Task t) {
        GroupSignals g = t.signal().signals();
        for (int which = ITIMER_VIRTUAL; which <= ITIMER_PROF; which++) {
            long expires = g.cpuItimerExpires[which];
            if (expires == 0 || cpuClock(t.signal(), which) < expires) continue;
            long interval = g.cpuItimerInterval[which];
            g.cpuItimerExpires[which] = interval == 0 ? 0 : saturatedAdd(expires, interval);
            SignalSend.sendToProcess(ts, t, which == ITIMER_VIRTUAL ? Signals.SIGVTALRM : Signals.SIGPROF);
        }
    }

    /** Disarms ITIMER_REAL of group {@code g}: the process has ended. */
    static void cancelReal(GroupSignals g) {
        g.realInterval = 0;
        if (g.realTimer != null) g.realTimer.cancel();
    }

    /** a + b for non-negative a and b, held at Long.MAX_VALUE / 2 (a time that never comes). */
    static long saturatedAdd(long a, long b) {
        return b > Long.MAX_VALUE / 2 - a ? Long.MAX_VALUE / 2 : a + b;
    }
}
