package futex;

import java.util.HashMap;
import java.util.Map;
import sync.WaitQueue;
import sync.Waiter;

/**
 * The futex hash table, as Linux's kernel/futex: one wait queue per user-space word, keyed by
 * the address space and the virtual address of the word (a private futex; Clonix has no
 * shared memory between address spaces yet, so every futex is private and the
 * FUTEX_PRIVATE_FLAG changes nothing).
 *
 * <p>This class does not read user memory: the system-call layer reads the 32-bit word and
 * passes its value, so the futex logic stays free of page-fault concerns. The map is only
 * looked up, never iterated, so its hash order cannot leak into guest-visible behaviour;
 * queues wake in FIFO order.
 *
 * <p><b>Waking and re-execution.</b> A blocked FUTEX_WAIT is executed again when its task
 * wakes (see sync.WaitQueue). A waiter woken by FUTEX_WAKE must then return 0 even if the
 * word still holds the expected value, so the caller passes a {@link Waiter} that remembers
 * being woken by a futex ({@link FutexWaiter}).
 */
public final class Futex {
    /** Operations (linux/futex.h); the low 7 bits of the op argument. */
    public static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1;
    /** Accepted and ignored: every Clonix futex is private to its address space. */
    public static final int FUTEX_PRIVATE_FLAG = 128;
    /** Accepted and ignored: the clock of the timeout (timeouts are not supported yet). */
    public static final int FUTEX_CLOCK_REALTIME = 256;
    /** Mask that extracts the operation from the op argument. */
    public static final int FUTEX_CMD_MASK = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);

    /** A waiter that can tell whether a FUTEX_WAKE (rather than anything else) woke it. */
    public interface FutexWaiter extends Waiter {
        /** Marks the waiter as woken by FUTEX_WAKE; its re-executed FUTEX_WAIT then returns 0. */
        void setFutexWoken(boolean woken);

        /** Whether FUTEX_WAKE woke the waiter since it last went to sleep on a futex. */
        boolean futexWoken();
    }

    private record Key(Object mm, long address) {}

    private final Map<Key, WaitQueue> queues = new HashMap<>();

    /**
     * FUTEX_WAIT: if {@code current} (the word at {@code address}, read by the caller) differs
     * from {@code expected}, returns -EAGAIN; if the waiter was already woken by FUTEX_WAKE
     * (this is the re-execution), returns 0; otherwise queues it and returns -BLOCKED (the
     * caller marks the task asleep). {@code mm} identifies the address space.
     */
    public int waitOn(Object mm, long address, int current, int expected, FutexWaiter w) {
        if (w.futexWoken()) {
            w.setFutexWoken(false);
            return 0;
        }
        if (current != expected) return -syscall.Errno.EAGAIN;
        queues.computeIfAbsent(new Key(mm, address), k -> new WaitQueue()).add(w);
        return -syscall.Errno.BLOCKED;
    }

    /** FUTEX_WAKE: wakes up to {@code n} waiters on the word, oldest first; returns how many. */
    public int wake(Object mm, long address, int n) {
        Key key = new Key(mm, address);
        WaitQueue q = queues.get(key);
        if (q == null) return 0;
        int woken = 0;
        for (Waiter w : q.waiters()) {
            if (woken >= n) break;
            q.remove(w);
            if (w instanceof FutexWaiter fw) fw.setFutexWoken(true);
            w.wake();
            woken++;
        }
        if (q.isEmpty()) queues.remove(key);
        return woken;
    }

    /** Takes {@code w} off every futex queue (the task is exiting or was interrupted). */
    public void cancel(Object mm, long address, Waiter w) {
        Key key = new Key(mm, address);
        WaitQueue q = queues.get(key);
        if (q == null) return;
        q.remove(w);
        if (q.isEmpty()) queues.remove(key);
    }

    /** How many waiters sleep on the word (tests and /proc). */
    public int waiters(Object mm, long address) {
        WaitQueue q = queues.get(new Key(mm, address));
        return q == null ? 0 : q.waiters().size();
    }
}
