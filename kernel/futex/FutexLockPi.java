package futex;

import mm.MmException;
import sched.Scheduler;
import syscall.Errno;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * The priority-inheritance operations of futex(2): FUTEX_LOCK_PI, FUTEX_LOCK_PI2,
 * FUTEX_TRYLOCK_PI and FUTEX_UNLOCK_PI (Linux's kernel/futex/pi.c). The word of a PI futex
 * is the protocol: 0 when free, else the owner's tid, with FUTEX_WAITERS set once somebody
 * sleeps on it (so the owner must come to the kernel to unlock) and FUTEX_OWNER_DIED after
 * the owner of a robust lock died. User space takes a free lock by compare-and-swap of 0 to
 * its tid and releases an uncontended one by swapping its tid back to 0; only the contended
 * cases come here, and the kernel then hands the lock over directly: the unlocker writes the
 * next owner's tid into the word and wakes it, so no third thread can slip in between.
 *
 * <p>Errors, in Linux's order. LOCK_PI: EFAULT or EINVAL for the timeout (read first),
 * EINVAL for a word not 4-aligned, EFAULT for an unmapped one, EDEADLK if the caller owns it
 * already, EINVAL if the word does not name the owner the kernel knows (or FUTEX_WAIT
 * sleepers use the word), ESRCH if no live thread has the owner's tid, EAGAIN for TRYLOCK_PI
 * on a held lock, EDEADLK if waiting would close a cycle of PI owners, ETIMEDOUT. UNLOCK_PI:
 * EFAULT, EPERM if the caller does not own the word, EINVAL (alignment, or an inconsistent
 * state). The timeout of LOCK_PI is an absolute CLOCK_REALTIME time, that of LOCK_PI2 an
 * absolute CLOCK_MONOTONIC one (CLOCK_REALTIME with FUTEX_CLOCK_REALTIME).
 *
 * <p>A blocked LOCK_PI is executed again when its task wakes (sync.WaitQueue): it returns 0
 * if the lock was handed to it, ETIMEDOUT once its deadline has passed, or sleeps on. A
 * signal handler does not end it with EINTR: the task stops waiting (and lending its
 * priority) while the handler runs and tries again afterwards (Linux's ERESTARTNOINTR).
 */
public final class FutexLockPi {
    private FutexLockPi() {}

    /**
     * FUTEX_LOCK_PI ({@code trylock} false) and FUTEX_TRYLOCK_PI for task {@code t}; for
     * LOCK_PI2 {@code realtime} says which clock the timeout is on (LOCK_PI: always realtime).
     */
    static long lock(Tasks ts, Scheduler sched, Task t, long uaddr, boolean isPrivate, long timeout,
            boolean trylock, boolean realtime) {
        PiLocks pi = ts.futex().pi();
        if (t.futexWoken()) {
            t.setFutexWoken(false);
            return finish(t, 0); // the unlocker (or the owner's exit) made us the owner
        }
        if (pi.isBlocked(t)) {
            if (t.sleepDeadline() >= 0 && sched.now() >= t.sleepDeadline()) {
                pi.unblock(t);
                return finish(t, -Errno.ETIMEDOUT);
            }
            return sleep(sched, t, uaddr);
        }
        long deadline = -1;
        if (timeout != 0 && !trylock) {
            long nanos = FutexCall.readTimespec(t, timeout);
            if (nanos < 0) return nanos;
            deadline = FutexCall.absoluteDeadline(nanos, realtime);
        }
        Futex.Key key;
        int word;
        try {
            key = FutexCall.keyOf(t.mm(), uaddr, isPrivate);
            word = t.mm().read32(uaddr);
        } catch (MmException e) {
            return -e.errno();
        }
        int me = t.tid();
        if ((word & Futex.FUTEX_TID_MASK) == me) return -Errno.EDEADLK;
        PiState state = pi.state(key);
        if (ts.futex().waiters(key) > 0) return -Errno.EINVAL; // FUTEX_WAIT sleepers: not a PI futex
        Task owner;
        if (state != null) {
            owner = state.owner;
            if ((word & Futex.FUTEX_TID_MASK) != owner.tid()) return -Errno.EINVAL; // user space broke the word
        } else {
            if ((word & Futex.FUTEX_TID_MASK) == 0) {
                // Free (perhaps with stale flag bits): take it, keeping FUTEX_OWNER_DIED for user space.
                t.happensBefore().acquire(t, key); // the race detector: what the last unlock released
                return store(t, uaddr, (word & Futex.FUTEX_OWNER_DIED) | me);
            }
            long r = store(t, uaddr, word | Futex.FUTEX_WAITERS);
            if (r != 0) return r;
            owner = ts.pids().find(word & Futex.FUTEX_TID_MASK);
            if (owner == null || !owner.state().isAlive() || owner.isIdle()) return -Errno.ESRCH;
        }
        if (trylock) return -Errno.EAGAIN;
        if (pi.wouldDeadlock(t, owner)) return -Errno.EDEADLK;
        if (deadline >= 0 && sched.now() >= deadline) return -Errno.ETIMEDOUT;
        pi.block(key, owner, t);
        t.setSleepDeadline(deadline);
        return sleep(sched, t, uaddr);
    }

    /**
     * FUTEX_UNLOCK_PI: the caller owns the word and FUTEX_WAITERS made it come here. With
     * waiters, the best one becomes the owner (the word gets its tid and FUTEX_WAITERS) and is
     * woken; the caller loses what that lock lent it and, if that lowered its priority, yields,
     * so that a waiter which now outranks it runs at once. Without waiters the word becomes 0.
     */
    static long unlock(Tasks ts, Task t, long uaddr, boolean isPrivate) {
        int word;
        Futex.Key key;
        try {
            word = t.mm().read32(uaddr);
            if ((word & Futex.FUTEX_TID_MASK) != t.tid()) return -Errno.EPERM;
            key = FutexCall.keyOf(t.mm(), uaddr, isPrivate);
        } catch (MmException e) {
            return -e.errno();
        }
        PiLocks pi = ts.futex().pi();
        PiState state = pi.state(key);
        t.happensBefore().release(t, key); // the race detector: the next owner sees all t did
        t.happensBefore().releaseAt(t, uaddr);
        if (state == null) {
            if (ts.futex().waiters(key) > 0) return -Errno.EINVAL; // FUTEX_WAIT sleepers: not a PI futex
            return store(t, uaddr, 0);
        }
        if (state.owner != t) return -Errno.EINVAL;
        long r = store(t, uaddr, Futex.FUTEX_WAITERS | state.top().tid());
        if (r != 0) return r;
        int rank = t.schedRtPriority(), nice = t.schedNice();
        Task next = pi.handOff(state);
        next.happensBefore().acquire(next, key);
        next.setFutexWoken(true);
        next.wake();
        // A caller that lost its boost yields, so that the waiter it outranked no more runs now.
        if (t.schedRtPriority() != rank || t.schedNice() != nice) t.setState(TaskState.RUNNABLE);
        return 0;
    }

    /**
     * Linux's exit_pi_state_list: {@code t} is exiting (or exec'ing) while tasks wait on PI
     * futexes it holds; each such lock goes to its best waiter, whose word gets its tid,
     * FUTEX_WAITERS and FUTEX_OWNER_DIED (as Linux's fixup_pi_state_owner writes it for an
     * owner that died), so that the new owner can tell the data may be inconsistent.
     */
    public static void exitPiStates(Tasks ts, Task t) {
        PiLocks pi = ts.futex().pi();
        for (PiState state : pi.ownedBy(t)) {
            Task next = state.top();
            long uaddr = next.futexAddress();
            try {
                next.mm().write32(uaddr, Futex.FUTEX_OWNER_DIED | Futex.FUTEX_WAITERS | next.tid());
            } catch (MmException e) {
                // The waiter's word is gone: it is still made the owner, as the kernel state says.
            }
            t.happensBefore().release(t, state.key); // the race detector: the next owner sees all t did
            pi.handOff(state);
            next.happensBefore().acquire(next, state.key);
            next.setFutexWoken(true);
            next.wake();
        }
    }

    private static long store(Task t, long uaddr, int value) {
        try {
            t.mm().write32(uaddr, value);
            return 0;
        } catch (MmException e) {
            return -e.errno();
        }
    }

    private static long sleep(Scheduler sched, Task t, long uaddr) {
        t.setFutexWait(t.mm(), uaddr); // so that exit and signals take the task off the lock
        t.sleep(TaskState.INTERRUPTIBLE, "futex_lock_pi");
        if (t.sleepDeadline() >= 0) sched.addTimer(t);
        return -Errno.BLOCKED;
    }

    private static long finish(Task t, long result) {
        t.setSleepDeadline(-1);
        t.setFutexWait(null, 0);
        return result;
    }
}
