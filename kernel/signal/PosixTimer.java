package signal;

import task.Task;

/**
 * One POSIX timer (Linux's struct k_itimer): what timer_create chose and what
 * timer_settime armed. Its times are on its own clock's scale: virtual time for the wall
 * and monotonic clocks, CPU cycles of the process or of the owning thread for the CPU-time
 * clocks. Owned by its process's GroupSignals; only {@link PosixTimers} and
 * {@link CpuTimers} touch it.
 */
final class PosixTimer {
    /** The kernel's id (si_timerid), unique in its process. */
    final int id;
    /** The clock it counts (a CLOCK_* number). */
    final int clock;
    /** How expiry is told: PosixTimers.SIGEV_SIGNAL, SIGEV_NONE or SIGEV_THREAD_ID. */
    final int notify;
    /** The signal sent, and the sigev_value sent with it. */
    final int signo;
    final long value;
    /** Who gets the signal: a thread (SIGEV_THREAD_ID) or the process's leader. */
    final Task target;
    /** The thread whose CPU time a CLOCK_THREAD_CPUTIME_ID timer counts: its creator. */
    final Task owner;
    /** The kernel timer of a wall or monotonic clock timer that tells its expiry; null otherwise. */
    HrTimer hrtimer;
    /** True from an arming timer_settime until it fires for the last time or is disarmed. */
    boolean armed;
    /** The next expiry on the clock's scale, while armed; and the period (0: once). */
    long expires, interval;
    /** Expiries while the last signal was still pending, and what the last taken signal reported. */
    long overrun, overrunLast;
    /** The signal this timer queued and nobody has taken yet, or null (Linux's preallocated sigqueue). */
    SigInfo queued;
    /**
     * True while a periodic timer waits for its queued signal to be taken before it runs on
     * (Linux's REQUEUE_PENDING): its expiries meanwhile are counted, not timed.
     */
    boolean requeuePending;

    PosixTimer(int id, int clock, int notify, int signo, long value, Task target, Task owner) {
        this.id = id;
        this.clock = clock;
        this.notify = notify;
        this.signo = signo;
        this.value = value;
        this.target = target;
        this.owner = owner;
    }

    /** True if its expiry is to be looked for: armed, telling somebody, and not waiting for its signal to be taken. */
    boolean ticking() {
        return armed && notify != PosixTimers.SIGEV_NONE && !requeuePending;
    }

    /** True for the CPU-time clocks, whose expiry CpuTimers notices rather than a kernel timer. */
    boolean onCpuClock() {
        return clock == PosixTimers.CLOCK_PROCESS_CPUTIME_ID || clock == PosixTimers.CLOCK_THREAD_CPUTIME_ID;
    }

    /** The timer's clock now, on its own scale. */
    long now() {
        return switch (clock) {
            case PosixTimers.CLOCK_PROCESS_CPUTIME_ID -> owner.signal().cpuTime();
            case PosixTimers.CLOCK_THREAD_CPUTIME_ID -> owner.utime() + owner.stime();
            default -> hrtimer.now();
        };
    }
}
