package futex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sync.Waiter;

/**
 * The futex hash table, as Linux's kernel/futex: one FIFO queue of sleepers per user-space
 * word. A word is named by a {@link Key}: for a private futex the address space and the
 * virtual address of the word; for a word in MAP_SHARED memory the physical memory and the
 * physical address, so that two processes sharing the page meet on the same queue whatever
 * address each one maps it at (see {@link FutexCall#keyOf}).
 *
 * <p>This class does not read user memory: the system-call layer ({@link FutexCall}) reads
 * the 32-bit word, computes the keys and passes values, so the queue logic stays free of
 * page-fault concerns and can be tested alone. The maps are only looked up, never iterated,
 * so their hash order cannot leak into guest-visible behaviour; queues wake in FIFO order.
 *
 * <p><b>Waking and re-execution.</b> A blocked FUTEX_WAIT is executed again when its task
 * wakes (see sync.WaitQueue). A waiter woken by FUTEX_WAKE must then return 0 even if the
 * word still holds the expected value, so waking marks the {@link FutexWaiter}; a waiter
 * that runs again while still queued (its timer fired) can ask {@link #isQueued}.
 *
 * <p><b>Locking.</b> None: the whole kernel runs on one host thread.
 */
public final class Futex {
    /** Operations (linux/futex.h): the op argument without the two flag bits. */
    public static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4,
            FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8, FUTEX_WAIT_BITSET = 9,
            FUTEX_WAKE_BITSET = 10, FUTEX_LOCK_PI2 = 13;
    /** The bits of a PI or robust futex word (linux/futex.h): the owner's tid and two flags. */
    public static final int FUTEX_WAITERS = 0x8000_0000, FUTEX_OWNER_DIED = 0x4000_0000, FUTEX_TID_MASK = 0x3fff_ffff;
    /** The futex is private to the address space: key it by virtual address even in shared memory. */
    public static final int FUTEX_PRIVATE_FLAG = 128;
    /** The absolute timeout of FUTEX_WAIT_BITSET is on CLOCK_REALTIME (else CLOCK_MONOTONIC). */
    public static final int FUTEX_CLOCK_REALTIME = 256;
    /** Mask that extracts the operation from the op argument. */
    public static final int FUTEX_CMD_MASK = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
    /** The bitset of plain FUTEX_WAIT and FUTEX_WAKE: matches every waiter. */
    public static final int FUTEX_BITSET_MATCH_ANY = 0xffff_ffff;

    /** A waiter that can tell whether a futex wake-up (rather than anything else) woke it. */
    public interface FutexWaiter extends Waiter {
        /** Marks the waiter as woken by a futex wake; its re-executed FUTEX_WAIT then returns 0. */
        void setFutexWoken(boolean woken);

        /** Whether a futex wake woke the waiter since it last went to sleep on a futex. */
        boolean futexWoken();
    }

    /**
     * The identity of a futex word. {@code owner} is the address space (private futex) or the
     * physical memory (shared futex); {@code address} is the virtual or physical address.
     */
    public record Key(Object owner, long address) {}

    /** One sleeper and the bitset it waits with (FUTEX_WAIT_BITSET; all ones otherwise). */
    private record Sleeper(FutexWaiter waiter, int bitset) {}

    private final Map<Key, List<Sleeper>> queues = new HashMap<>();
    /** The PI futexes that have waiters, and the priority inheritance between their tasks. */
    private final PiLocks pi;
    /** Which queue each sleeper is on: a requeue moves it, so callers need not remember. */
    private final Map<Waiter, Key> queuedOn = new IdentityHashMap<>();

    /** A futex table whose PI futexes lend priorities through {@code lender} (the scheduler). */
    public Futex(PiLocks.Lender lender) {
        this.pi = new PiLocks(lender);
    }

    /** A futex table whose priority inheritance only records lent priorities in the tasks (tests). */
    public Futex() {
        this(task.Task::setInheritedPriority);
    }

    /** The PI futexes (FUTEX_LOCK_PI and friends, see {@link FutexLockPi}). */
    public PiLocks pi() {
        return pi;
    }

    /**
     * FUTEX_WAIT(_BITSET): if {@code current} (the word, read by the caller) differs from
     * {@code expected}, returns -EAGAIN; otherwise appends {@code w} to the queue of
     * {@code key} with {@code bitset} (nonzero: the caller checked) and returns -BLOCKED, and
     * the caller puts the task to sleep. {@code w} must not be queued already.
     */
    public int waitOn(Key key, int current, int expected, int bitset, FutexWaiter w) {
        if (current != expected) return -syscall.Errno.EAGAIN;
        w.setFutexWoken(false);
        queues.computeIfAbsent(key, k -> new ArrayList<>()).add(new Sleeper(w, bitset));
        queuedOn.put(w, key);
        return -syscall.Errno.BLOCKED;
    }

    /**
     * FUTEX_WAKE(_BITSET): wakes the oldest waiters on {@code key} whose bitset shares a bit
     * with {@code bitset}, up to {@code n}; returns how many. As in Linux, {@code n <= 0}
     * still wakes one waiter (the count is checked after each wake-up).
     */
    public int wake(Key key, int n, int bitset) {
        List<Sleeper> q = queues.get(key);
        if (q == null) return 0;
        int woken = 0;
        for (Sleeper s : new ArrayList<>(q)) {
            if ((s.bitset & bitset) == 0) continue;
            remove(key, s);
            s.waiter.happensBefore().acquire(s.waiter, key); // the race detector: what the waker released
            s.waiter.setFutexWoken(true);
            s.waiter.wake();
            if (++woken >= n) break;
        }
        return woken;
    }

    /**
     * FUTEX_(CMP_)REQUEUE once the caller has checked the arguments: wakes the {@code nWake}
     * oldest waiters of {@code from}, then moves the next {@code nRequeue} to the tail of
     * {@code to} without waking them. Returns woken plus requeued, as Linux.
     */
    public int requeue(Key from, Key to, int nWake, int nRequeue) {
        List<Sleeper> q = queues.get(from);
        if (q == null) return 0;
        int count = 0;
        for (Sleeper s : new ArrayList<>(q)) {
            if (count - nWake >= nRequeue) break;
            remove(from, s);
            if (++count <= nWake) {
                s.waiter.happensBefore().acquire(s.waiter, from); // the race detector: what the waker released
                s.waiter.setFutexWoken(true);
                s.waiter.wake();
            } else {
                queues.computeIfAbsent(to, k -> new ArrayList<>()).add(s);
                queuedOn.put(s.waiter, to);
            }
        }
        return count;
    }

    /** Whether {@code w} sleeps on some futex queue (a re-executed wait that nobody woke). */
    public boolean isQueued(Waiter w) {
        return queuedOn.containsKey(w);
    }

    /**
     * Takes {@code w} off whichever futex queue holds it, or off the PI futex it is blocked on
     * (timeout, signal, exit); harmless if none.
     */
    public void cancel(Waiter w) {
        if (w instanceof task.Task t) pi.unblock(t);
        Key key = queuedOn.get(w);
        if (key == null) return;
        List<Sleeper> q = queues.get(key);
        for (Sleeper s : new ArrayList<>(q)) if (s.waiter == w) remove(key, s);
    }

    /** Old form of {@link #cancel(Waiter)} kept for exit: the word is found from the waiter. */
    public void cancel(Object mm, long address, Waiter w) {
        cancel(w);
    }

    /** FUTEX_WAKE of the private futex ({@code mm}, {@code address}); exit's clear_child_tid wake-up. */
    public int wake(Object mm, long address, int n) {
        return wake(new Key(mm, address), n, FUTEX_BITSET_MATCH_ANY);
    }

    /** How many waiters sleep on {@code key} (tests and /proc). */
    public int waiters(Key key) {
        List<Sleeper> q = queues.get(key);
        return q == null ? 0 : q.size();
    }

    /** How many waiters sleep on the private futex ({@code mm}, {@code address}). */
    public int waiters(Object mm, long address) {
        return waiters(new Key(mm, address));
    }

    private void remove(Key key, Sleeper s) {
        List<Sleeper> q = queues.get(key);
        q.remove(s);
        if (q.isEmpty()) queues.remove(key);
        queuedOn.remove(s.waiter);
    }
}
