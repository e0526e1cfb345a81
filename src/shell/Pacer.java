package shell;

import java.util.function.BooleanSupplier;
import sched.Scheduler;

/**
 * Holds virtual time to the wall clock while an interactive session's machine idles. When
 * every CPU is idle until a sleeper's deadline (a {@code top} between two frames, a
 * {@code sleep 5}), the scheduler would jump its clock straight there; the shell first
 * sleeps the host until the deadline's moment on the wall clock, counted from when the
 * machine went idle, so that a live {@code top} refreshes once a second and not a hundred
 * times. Busy machines are never held back (interpreting is slower than real time anyway),
 * and batch mode and {@code clonix run} have no pacer: they run as fast as they can, and
 * what a guest sees never depends on the host's timing there.
 *
 * <p>Used by the shell's thread only. The wall clock is injectable, so that a test can see
 * what was asked of it without waiting.
 */
final class Pacer {
    /** The host's clock. */
    interface WallClock {
        /** A monotonic time in nanoseconds (System.nanoTime). */
        long nanoTime();

        /** Sleeps the host about {@code nanos}; may return early. */
        void sleep(long nanos) throws InterruptedException;

        /** The real one. */
        WallClock SYSTEM = new WallClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    /** The longest single sleep: a key pressed meanwhile is noticed within this long. */
    static final long STEP_NANOS = 10_000_000;

    private final WallClock clock;
    /** The virtual time at which the machine was last seen idle, and the wall time then; -1: not idle. */
    private long idleSince = -1, idleSinceWall;
    /** Virtual nanoseconds from {@link #idleSince} to the deadline the machine idles until. */
    private long gap;

    Pacer(WallClock clock) {
        this.clock = clock;
    }

    /**
     * True if the machine idles until a deadline whose wall-clock moment has not come: then
     * the caller should {@link #waitUntilDue} before letting the clock jump. Asked between
     * two rounds of the machine.
     */
    boolean mustWait(Scheduler sched) {
        long next = sched.idleUntil();
        long now = sched.now();
        if (next < 0 || next == Long.MAX_VALUE || next <= now) {
            idleSince = -1;
            return false;
        }
        if (now != idleSince) {
            idleSince = now;
            idleSinceWall = clock.nanoTime();
        }
        gap = next - now;
        return clock.nanoTime() - idleSinceWall < gap;
    }

    /**
     * Sleeps the host, {@link #STEP_NANOS} at most at a time, until the moment
     * {@link #mustWait} found, or until {@code keyPressed} holds (the keys then reach the
     * guest at the virtual time the machine idles at, which the wait goes on from after).
     */
    void waitUntilDue(BooleanSupplier keyPressed) {
        long left;
        while ((left = gap - (clock.nanoTime() - idleSinceWall)) > 0 && !keyPressed.getAsBoolean()) {
            try {
                clock.sleep(Math.min(left, STEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
