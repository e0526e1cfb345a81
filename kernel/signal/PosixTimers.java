package signal;

import sched.Scheduler;
import task.ResourceLimits;
import task.SignalStruct;
import task.Task;
import task.Tasks;

/**
 * POSIX timers, timer_create and friends (Linux's kernel/time/posix-timers.c and, for the
 * CPU-time clocks, posix-cpu-timers.c). A process's timers have ids 0, 1, 2... in the order
 * they were made, each on one clock, and each tells its expiry with a signal (SIGEV_SIGNAL to
 * the process, SIGEV_THREAD_ID to one of its threads) or not at all (SIGEV_NONE). The
 * signal is SI_TIMER with the timer's id and sigev_value.
 *
 * <p><b>Overruns.</b> As in Linux, a timer queues at most one signal. A periodic timer whose
 * signal is pending stops there (Linux's REQUEUE_PENDING); taking the signal
 * ({@link #dequeued}) moves it on past the present by whole periods, and the periods it
 * skipped are the overruns its si_overrun and timer_getoverrun report. So a timer with a
 * period of a nanosecond costs one signal and a division, never one event per period. A
 * periodic timer whose signal is ignored is looked at again a period later, but no more
 * often than every {@link #IGNORED_RECHECK_NANOS}, as Linux does.
 *
 * <p><b>Clocks.</b> The wall and monotonic clocks (REALTIME, MONOTONIC, BOOTTIME) fire from a
 * kernel timer ({@link HrTimer}); the CPU-time clocks (PROCESS_CPUTIME_ID and
 * THREAD_CPUTIME_ID) from {@link CpuTimers}, before a thread returns to user mode.
 *
 * <p><b>Cost.</b> Each timer is charged to the kernel's slab (its struct k_itimer and the
 * preallocated struct sigqueue) and counts against RLIMIT_SIGPENDING, as Linux charges its
 * sigqueue: past either, timer_create fails with EAGAIN. Timers end with execve and with
 * the process.
 */
public final class PosixTimers {
    private PosixTimers() {}

    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    /** sigev_notify values as the kernel takes them (SIGEV_THREAD is glibc's business, not the kernel's). */
    public static final int SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;
    /** timer_settime's flag: the value is a time of the clock, not a duration. */
    public static final int TIMER_ABSTIME = 1;
    /** What a timer costs in the slab: Linux's struct k_itimer (about 240 bytes) and its struct sigqueue (80). */
    public static final int TIMER_BYTES = 240 + SigPending.SIGQUEUE_BYTES;
    /** The most si_overrun reports (DELAYTIMER_MAX). */
    static final long DELAYTIMER_MAX = Integer.MAX_VALUE;
    /** How soon a periodic timer whose signal is ignored comes back, at the least: a jiffy at HZ=250. */
    static final long IGNORED_RECHECK_NANOS = 4_000_000;

    /** A struct sigevent as the kernel reads it: sigev_value, sigev_signo, sigev_notify, the thread id. */
    public record SigEvent(long value, int signo, int how, int tid) {}

    /** A timer's setting on its clock's scale: time to the next expiry (0: disarmed) and period. */
    public record Setting(long value, long interval) {}

    /**
     * timer_create(clock, event) for {@code caller}'s process: returns the new timer's id, or
     * -EINVAL for an unknown clock, -EOPNOTSUPP for one without timers, -EAGAIN when the
     * process has RLIMIT_SIGPENDING timers or the slab is full, -EINVAL for a bad event. A
     * null {@code event} is SIGEV_SIGNAL with SIGALRM and the id as sigev_value. Linux's
     * order: the clock, the allocation, then the event.
     */
    public static long create(Tasks ts, Scheduler sched, Task caller, int clock, SigEvent event) {
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID -> { }
            case CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE -> {
                return -syscall.Errno.ENOTSUP;
            }
            default -> {
                return -syscall.Errno.EINVAL;
            }
        }
        SignalStruct sig = caller.signal();
        GroupSignals g = sig.signals();
        long limit = sig.rlimits().cur(ResourceLimits.RLIMIT_SIGPENDING);
        if (ResourceLimits.exceeds(g.posixTimers.size() + 1, limit)) return -syscall.Errno.EAGAIN;
        if (!ts.physicalMemory().chargeSlab(TIMER_BYTES)) return -syscall.Errno.EAGAIN;
        int id = g.nextTimerId;
        while (g.posixTimers.containsKey(id)) id = (id + 1) & Integer.MAX_VALUE; // after a wrap-around
        if (event == null) event = new SigEvent(id, task.Signals.SIGALRM, SIGEV_SIGNAL, 0);
        Task target = target(ts, caller, event);
        if (target == null) {
            ts.physicalMemory().unchargeSlab(TIMER_BYTES);
            return -syscall.Errno.EINVAL;
        }
        // SIGEV_THREAD is the C library's business; the kernel takes it as SIGEV_SIGNAL, as Linux does.
        int notify = event.how() == SIGEV_THREAD ? SIGEV_SIGNAL : event.how();
        PosixTimer timer = new PosixTimer(id, clock, notify, event.signo(), event.value(), target, caller);
        if (!timer.onCpuClock()) timer.hrtimer = new HrTimer(ts, sched, "posix_timer", () -> expired(ts, timer));
        g.posixTimers.put(id, timer);
        g.nextTimerId = (id + 1) & Integer.MAX_VALUE;
        return id;
    }

    /**
     * good_sigevent: who gets the timer's signals, or null if {@code event} is bad: an
     * unknown notify, a signal outside 1..64 (but for SIGEV_NONE), or a SIGEV_THREAD_ID
     * thread that is not one of the caller's process.
     */
    private static Task target(Tasks ts, Task caller, SigEvent event) {
        Task target = caller.groupLeader();
        switch (event.how()) {
            case SIGEV_THREAD_ID -> {
                target = ts.pids().find(event.tid());
                if (target == null || target.signal() != caller.signal() || !target.state().isAlive()) return null;
            }
            case SIGEV_SIGNAL, SIGEV_THREAD -> { }
            case SIGEV_NONE -> {
                return target;
            }
            default -> {
                return null;
            }
        }
        return event.signo() <= 0 || event.signo() > task.Signals.NSIG ? null : target;
    }

    /** The timer {@code id} of {@code caller}'s process, or null (the calls then answer EINVAL). */
    static PosixTimer find(Task caller, int id) {
        return caller.signal().signals().posixTimers.get(id);
    }

    /** True if timer {@code id} of {@code caller}'s process exists. */
    public static boolean exists(Task caller, int id) {
        return find(caller, id) != null;
    }

    /** The clock of timer {@code id} of {@code caller}'s process, which must exist. */
    public static int clock(Task caller, int id) {
        return find(caller, id).clock;
    }

    /**
     * timer_gettime: the time to the timer's next expiry and its period (common_timer_get).
     * A periodic timer whose signal is still pending, or one that tells nobody (SIGEV_NONE),
     * is first moved forward past the present; an expired one-shot timer reads 0. The timer
     * must exist.
     */
    public static Setting get(Task caller, int id) {
        PosixTimer timer = find(caller, id);
        if (!timer.armed) return new Setting(0, timer.interval);
        long now = timer.now();
        if ((timer.notify == SIGEV_NONE || timer.requeuePending) && timer.interval != 0 && timer.expires <= now) {
            forward(timer, now, timer.requeuePending);
        }
        if (timer.expires <= now) return new Setting(timer.notify == SIGEV_NONE ? 0 : 1, timer.interval);
        return new Setting(timer.expires - now, timer.interval);
    }

    /**
     * timer_settime: arms the timer to expire after {@code value} (with TIMER_ABSTIME: when
     * its clock reads {@code value}; {@code clockOffset} is that clock's reading minus the
     * timer's own scale), then every {@code interval}; a value of 0 disarms it. Returns the
     * old setting. An expiry already past fires at once. The timer must exist.
     */
    public static Setting set(Tasks ts, Task caller, int id, int flags, long value, long interval, long clockOffset) {
        PosixTimer timer = find(caller, id);
        Setting old = get(caller, id);
        if (timer.hrtimer != null) timer.hrtimer.cancel();
        timer.armed = false;
        timer.requeuePending = false;
        timer.interval = 0;
        timer.overrunLast = 0;
        if (value == 0) {
            rearmCpu(timer);
            return old;
        }
        long now = timer.now();
        timer.interval = interval;
        timer.expires = (flags & TIMER_ABSTIME) != 0 ? Math.max(0, value - clockOffset) : IntervalTimers.saturatedAdd(now, value);
        timer.armed = true;
        if (timer.notify == SIGEV_NONE) return old;
        if (timer.hrtimer != null) {
            timer.hrtimer.start(timer.expires);
        } else if (timer.expires <= now) {
            fire(ts, timer, now);
        }
        rearmCpu(timer);
        return old;
    }

    /** timer_getoverrun: the overruns the timer's last taken signal reported. The timer must exist. */
    public static long overrun(Task caller, int id) {
        return Math.min(find(caller, id).overrunLast, DELAYTIMER_MAX);
    }

    /**
     * timer_delete: disarms the timer and forgets it. A signal it queued stays pending, as in
     * Linux, and is delivered as it was. The timer must exist.
     */
    public static void delete(Tasks ts, Task caller, int id) {
        PosixTimer timer = caller.signal().signals().posixTimers.remove(id);
        if (timer.hrtimer != null) timer.hrtimer.cancel();
        timer.armed = false;
        ts.physicalMemory().unchargeSlab(TIMER_BYTES);
    }

    /** Deletes every timer of process {@code sig}: at execve, and when its last thread exits (exit_itimers). */
    public static void deleteAll(Tasks ts, SignalStruct sig) {
        GroupSignals g = sig.signals();
        for (PosixTimer timer : g.posixTimers.values()) {
            if (timer.hrtimer != null) timer.hrtimer.cancel();
            timer.armed = false;
            ts.physicalMemory().unchargeSlab(TIMER_BYTES);
        }
        g.posixTimers.clear();
    }

    /** A wall or monotonic clock timer's kernel timer expired: fire, and arm the next period if it runs on. */
    private static void expired(Tasks ts, PosixTimer timer) {
        if (!timer.ticking()) return;
        fire(ts, timer, timer.now());
        if (timer.ticking()) timer.hrtimer.start(timer.expires);
    }

    /**
     * The timer's expiry at {@code timer.expires} (at or before {@code now}) has come: its
     * signal is sent, or an overrun counted if its last one is still pending (a one-shot
     * timer set again meanwhile). A one-shot timer is then disarmed; a periodic one whose
     * signal is now pending waits for it to be taken; one whose signal was ignored moves on
     * past now (and past the recheck interval).
     */
    static void fire(Tasks ts, PosixTimer timer, long now) {
        if (timer.queued != null && holds(timer)) {
            timer.overrun = Math.min(timer.overrun + 1, DELAYTIMER_MAX);
        } else {
            timer.queued = null;
            send(ts, timer);
        }
        if (timer.interval == 0) {
            timer.armed = false;
        } else if (timer.queued != null) {
            timer.requeuePending = true;
        } else {
            forward(timer, timer.interval < IGNORED_RECHECK_NANOS ? now + IGNORED_RECHECK_NANOS : now, false);
        }
    }

    /**
     * Moves a periodic timer's expiry to its first one after {@code now}; the ones skipped
     * count as overruns if {@code countOverruns} (a signal is pending for them).
     */
    private static void forward(PosixTimer timer, long now, boolean countOverruns) {
        long periods = (now - timer.expires) / timer.interval + 1;
        if (countOverruns) timer.overrun = Math.min(timer.overrun + periods - 1, DELAYTIMER_MAX);
        timer.expires = periods > (Long.MAX_VALUE / 2 - timer.expires) / timer.interval
                ? Long.MAX_VALUE / 2 : timer.expires + periods * timer.interval;
    }

    /** Sends the timer's signal, remembering it if it was queued (an ignored signal is not). */
    private static void send(Tasks ts, PosixTimer timer) {
        Task target = timer.target;
        boolean group = timer.notify != SIGEV_THREAD_ID;
        if (group ? target.signal().liveThreads() == 0 : !target.state().isAlive()) return;
        SigInfo info = SigInfo.timer(timer.signo, timer.id, 0, timer.value);
        SignalSend.send(ts, target, info, group);
        timer.queued = info;
        if (!holds(timer)) timer.queued = null;
    }

    /** True if the signal the timer queued is still pending. */
    private static boolean holds(PosixTimer timer) {
        SigPending set = timer.notify == SIGEV_THREAD_ID ? timer.target.signals().pending : timer.target.signal().signals().shared;
        return set.holds(timer.queued);
    }

    /**
     * A thread of process {@code t} took {@code info}: if it is the pending signal of one of
     * the process's timers, a periodic timer moves on past the present, counting the periods
     * it skipped, and the signal reports the overruns counted since it was queued (Linux's
     * posixtimer_rearm at dequeue_signal).
     */
    static SigInfo dequeued(Task t, SigInfo info) {
        if (info.code() != SigInfo.SI_TIMER) return info;
        PosixTimer timer = t.signal().signals().posixTimers.get(info.pid());
        if (timer == null || timer.queued != info) return info;
        timer.queued = null;
        if (timer.requeuePending) {
            timer.requeuePending = false;
            long now = timer.now();
            if (timer.expires <= now) forward(timer, now, true);
            if (timer.hrtimer != null) timer.hrtimer.start(timer.expires);
            else rearmCpu(timer);
        }
        timer.overrunLast = timer.overrun;
        timer.overrun = 0;
        return SigInfo.timer(info.signo(), info.pid(), (int) timer.overrunLast, info.value());
    }

    /** Tells CpuTimers when a CPU-clock timer must next be looked at. */
    private static void rearmCpu(PosixTimer timer) {
        if (timer.clock == CLOCK_PROCESS_CPUTIME_ID) CpuTimers.rearmProcess(timer.owner.signal());
        if (timer.clock == CLOCK_THREAD_CPUTIME_ID) CpuTimers.rearmThread(timer.owner);
    }
}
