package futex;

import mm.Mm;
import mm.MmException;
import mm.Vma;
import sched.Scheduler;
import syscall.Errno;
import syscall.TimeCalls;
import task.Task;
import task.TaskState;
import task.Tasks;
import vm.AddressSpace;
import vm.Pte;

/**
 * The futex(2) system call: futex(uaddr, op, val, timeout or val2, uaddr2, val3). It checks
 * the arguments in Linux's order, reads user memory, turns addresses into {@link Futex.Key}s
 * and leaves the queues to {@link Futex}.
 *
 * The priority-inheritance operations (FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_TRYLOCK_PI,
 * FUTEX_UNLOCK_PI) are in {@link FutexLockPi}.
 *
 * <p>Errors, as Linux: ENOSYS for an unknown operation or FUTEX_CLOCK_REALTIME on anything
 * but FUTEX_WAIT_BITSET and FUTEX_LOCK_PI2; EINVAL for a bad timespec, a zero bitset, a word not 4-aligned or a
 * negative requeue count; EFAULT for an unmapped word or timespec; EAGAIN when the word does
 * not hold the expected value; ETIMEDOUT when the timeout passes. Timeouts use the virtual
 * clock ({@code Scheduler.now()}), which CLOCK_MONOTONIC reads; CLOCK_REALTIME reads it
 * plus the boot epoch, so an absolute FUTEX_CLOCK_REALTIME deadline has the epoch taken off.
 * A sleep is not yet interrupted by signals (no EINTR): that comes with the signals work.
 */
public final class FutexCall {
    private static final long NANOS = 1_000_000_000L;

    private FutexCall() {}

    /**
     * futex(2) for task {@code t}. Returns the Linux result, -errno, or -BLOCKED after putting
     * {@code t} to sleep; the re-executed call returns 0 if a wake-up or requeue-wake woke it,
     * -ETIMEDOUT if its deadline passed, or sleeps on (see sync.WaitQueue).
     */
    public static long futex(Tasks ts, Scheduler sched, Task t, long uaddr, int op, int val,
            long timeoutOrVal2, long uaddr2, int val3) {
        Futex f = ts.futex();
        int cmd = op & Futex.FUTEX_CMD_MASK;
        boolean isPrivate = (op & Futex.FUTEX_PRIVATE_FLAG) != 0;
        boolean realtime = (op & Futex.FUTEX_CLOCK_REALTIME) != 0;
        if (realtime && cmd != Futex.FUTEX_WAIT_BITSET && cmd != Futex.FUTEX_LOCK_PI2) return -Errno.ENOSYS;
        return switch (cmd) {
            case Futex.FUTEX_WAIT -> wait(f, sched, t, uaddr, isPrivate, val, timeoutOrVal2, false, false,
                    Futex.FUTEX_BITSET_MATCH_ANY);
            case Futex.FUTEX_WAIT_BITSET -> wait(f, sched, t, uaddr, isPrivate, val, timeoutOrVal2, true,
                    (op & Futex.FUTEX_CLOCK_REALTIME) != 0, val3);
            case Futex.FUTEX_WAKE -> wake(f, t, uaddr, isPrivate, val, Futex.FUTEX_BITSET_MATCH_ANY);
            case Futex.FUTEX_WAKE_BITSET -> wake(f, t, uaddr, isPrivate, val, val3);
            case Futex.FUTEX_REQUEUE -> requeue(f, t, uaddr, isPrivate, val, (int) timeoutOrVal2, uaddr2, false, 0);
            case Futex.FUTEX_CMP_REQUEUE -> requeue(f, t, uaddr, isPrivate, val, (int) timeoutOrVal2, uaddr2, true, val3);
            case Futex.FUTEX_LOCK_PI -> FutexLockPi.lock(ts, sched, t, uaddr, isPrivate, timeoutOrVal2, false, true);
            case Futex.FUTEX_LOCK_PI2 -> FutexLockPi.lock(ts, sched, t, uaddr, isPrivate, timeoutOrVal2, false, realtime);
            case Futex.FUTEX_TRYLOCK_PI -> FutexLockPi.lock(ts, sched, t, uaddr, isPrivate, 0, true, false);
            case Futex.FUTEX_UNLOCK_PI -> FutexLockPi.unlock(ts, t, uaddr, isPrivate);
            default -> -Errno.ENOSYS;
        };
    }

    /**
     * FUTEX_WAIT and FUTEX_WAIT_BITSET. The first execution validates, compares and queues;
     * a re-execution (the task is still queued, or was woken) only settles the outcome, as a
     * Linux waiter does not look at the word again once it sleeps.
     */
    private static long wait(Futex f, Scheduler sched, Task t, long uaddr, boolean isPrivate, int val,
            long timeout, boolean absolute, boolean realtime, int bitset) {
        if (t.futexWoken()) {
            t.setFutexWoken(false);
            return finish(t, 0);
        }
        if (f.isQueued(t)) {
            if (t.sleepDeadline() >= 0 && sched.now() >= t.sleepDeadline()) {
                f.cancel(t);
                return finish(t, -Errno.ETIMEDOUT);
            }
            return sleep(sched, t, uaddr);
        }
        long deadline = -1;
        if (timeout != 0) {
            long nanos = readTimespec(t, timeout);
            if (nanos < 0) return nanos;
            deadline = absolute ? absoluteDeadline(nanos, realtime) : sched.now() + nanos;
        }
        if (bitset == 0) return -Errno.EINVAL;
        Futex.Key key;
        int current;
        try {
            key = keyOf(t.mm(), uaddr, isPrivate);
            current = t.mm().read32(uaddr);
        } catch (MmException e) {
            return -e.errno();
        }
        int r = f.waitOn(key, current, val, bitset, t);
        if (r != -Errno.BLOCKED) return r;
        if (deadline >= 0 && sched.now() >= deadline) {
            // Linux queues, finds the timer already expired and returns without sleeping.
            f.cancel(t);
            return -Errno.ETIMEDOUT;
        }
        t.setSleepDeadline(deadline);
        return sleep(sched, t, uaddr);
    }

    /**
     * The struct timespec at user address {@code addr} in nanoseconds (capped far in the
     * future), or -EFAULT for a bad address, -EINVAL for a negative or unnormalised one.
     */
    static long readTimespec(Task t, long addr) {
        long sec, nsec;
        try {
            sec = t.mm().read64(addr);
            nsec = t.mm().read64(addr + 8);
        } catch (MmException e) {
            return -e.errno();
        }
        if (sec < 0 || nsec < 0 || nsec >= NANOS) return -Errno.EINVAL;
        return sec > Long.MAX_VALUE / NANOS / 2 ? Long.MAX_VALUE / 2 : sec * NANOS + nsec;
    }

    /**
     * The machine-clock deadline of absolute time {@code nanos} on CLOCK_REALTIME (which
     * counts from the epoch) or CLOCK_MONOTONIC (from boot). A deadline before boot has
     * passed already: 0, not negative (-1 means "none").
     */
    static long absoluteDeadline(long nanos, boolean realtime) {
        return realtime ? Math.max(0, nanos - TimeCalls.BOOT_EPOCH_SECONDS * NANOS) : nanos;
    }

    private static long sleep(Scheduler sched, Task t, long uaddr) {
        t.setFutexWait(t.mm(), uaddr); // so that exit takes the task off its queue
        t.sleep(TaskState.INTERRUPTIBLE, "futex");
        if (t.sleepDeadline() >= 0) sched.addTimer(t);
        return -Errno.BLOCKED;
    }

    private static long finish(Task t, long result) {
        t.setSleepDeadline(-1);
        t.setFutexWait(null, 0);
        return result;
    }

    /**
     * FUTEX_WAKE and FUTEX_WAKE_BITSET: returns how many waiters were woken; EINVAL if tasks
     * are blocked on the word in FUTEX_LOCK_PI (only FUTEX_UNLOCK_PI may wake those).
     */
    private static long wake(Futex f, Task t, long uaddr, boolean isPrivate, int n, int bitset) {
        if (bitset == 0) return -Errno.EINVAL;
        try {
            Futex.Key key = keyOf(t.mm(), uaddr, isPrivate);
            if (f.pi().hasSleepers(key)) return -Errno.EINVAL;
            t.happensBefore().release(t, key); // the race detector: the woken waiters see all t did
            return f.wake(key, n, bitset);
        } catch (MmException e) {
            return -e.errno();
        }
    }

    /** FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: returns woken plus requeued waiters. */
    private static long requeue(Futex f, Task t, long uaddr, boolean isPrivate, int nWake, int nRequeue,
            long uaddr2, boolean compare, int expected) {
        if (nWake < 0 || nRequeue < 0) return -Errno.EINVAL;
        Futex.Key from, to;
        int current = expected;
        try {
            from = keyOf(t.mm(), uaddr, isPrivate);
            to = keyOf(t.mm(), uaddr2, isPrivate);
            if (compare) current = t.mm().read32(uaddr);
        } catch (MmException e) {
            return -e.errno();
        }
        if (current != expected) return -Errno.EAGAIN;
        t.happensBefore().release(t, from); // the race detector: the woken waiters see all t did
        return f.requeue(from, to, nWake, nRequeue);
    }

    /**
     * The key of the word at {@code uaddr}, as Linux's get_futex_key: EINVAL if the address
     * is not 4-aligned. A private futex is (address space, address) and needs no access, so
     * FUTEX_WAKE_PRIVATE on an unmapped word simply finds nobody. Otherwise the word is read
     * (EFAULT if it cannot be, and the read faults the page in); a word in a MAP_SHARED
     * mapping is then keyed by its physical address, which every process mapping the page
     * shares, because shared pages are never copied or moved while mapped.
     */
    static Futex.Key keyOf(Mm mm, long uaddr, boolean isPrivate) throws MmException {
        if ((uaddr & 3) != 0) throw new MmException(Errno.EINVAL, uaddr, "futex word not 4-aligned");
        if (isPrivate) return new Futex.Key(mm, uaddr);
        mm.read32(uaddr);
        Vma vma = mm.vmaAt(uaddr);
        if (vma == null || !vma.isShared()) return new Futex.Key(mm, uaddr);
        AddressSpace as = mm.addressSpace();
        long pte = as.pte(uaddr);
        if (!Pte.isPresent(pte)) return new Futex.Key(mm, uaddr);
        long physical = (long) Pte.frame(pte) * AddressSpace.PAGE_SIZE + (uaddr & (AddressSpace.PAGE_SIZE - 1));
        return new Futex.Key(as.physicalMemory(), physical);
    }
}
