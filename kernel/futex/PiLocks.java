package futex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import task.Task;

/**
 * Priority inheritance for PI futexes (Linux's kernel/locking/rtmutex.c as the futex code
 * uses it): which contended PI futexes exist ({@link PiState}), which task owns each (Linux's
 * pi_state_list) and which lock each blocked task waits for (pi_blocked_on).
 *
 * <p><b>Inheritance.</b> A task blocked on a PI futex lends its scheduling priority to the
 * owner: the owner is scheduled with the best of its own priority and those of the top
 * waiters of every lock it holds. If that owner is itself blocked on another PI futex, the
 * boost goes on to that lock's owner, and so on along the chain ({@link #adjustChain}, Linux's
 * rt_mutex_adjust_prio_chain). Priorities are two numbers because Clonix's policies read two:
 * the real-time priority (round-robin's rank) and the nice value (stride's weight). When the
 * owner releases the lock (or stops waiting, or times out) the boost is recomputed from what
 * is left, so it drops as soon as nobody needs it.
 *
 * <p><b>Deadlocks.</b> Before a task blocks, the chain from the lock's owner is walked: if it
 * leads back to the task, blocking would never end, and FUTEX_LOCK_PI fails with EDEADLK, as
 * Linux's full chain walk does for futexes. A chain longer than {@link #MAX_LOCK_DEPTH} is
 * refused the same way (Linux's max_lock_depth).
 *
 * <p>The maps are only looked up, never iterated, so their order cannot reach the guest; the
 * lists keep insertion order. Locking: none, the kernel runs on one thread.
 */
public final class PiLocks {
    /** Longest chain of blocked owners followed (Linux's max_lock_depth sysctl default). */
    public static final int MAX_LOCK_DEPTH = 1024;

    /** Lends a task the priorities inherited through PI futexes (the scheduler re-files it). */
    public interface Lender {
        /** Lends {@code t} real-time priority {@code rtPriority} (0: none) and nice value {@code nice} (Task.NO_INHERITED_NICE: none). */
        void lend(Task t, int rtPriority, int nice);
    }

    private final Lender lender;
    private final Map<Futex.Key, PiState> states = new HashMap<>();
    private final Map<Task, List<PiState>> owned = new IdentityHashMap<>();
    private final Map<Task, PiState> blockedOn = new IdentityHashMap<>();

    /** The PI futexes of one kernel, lending priorities through {@code lender}. */
    public PiLocks(Lender lender) {
        this.lender = lender;
    }

    /** The kernel state of the PI futex {@code key}, or null if nobody waits on it. */
    PiState state(Futex.Key key) {
        return states.get(key);
    }

    /** True while {@code t} is blocked in FUTEX_LOCK_PI. */
    public boolean isBlocked(Task t) {
        return blockedOn.containsKey(t);
    }

    /** The owner of the PI futex {@code t} is blocked on, or null (the deadlock report). */
    public Task ownerOfLockBlocking(Task t) {
        PiState s = blockedOn.get(t);
        return s == null ? null : s.owner;
    }

    /** True while tasks are blocked on the PI futex {@code key} (FUTEX_WAKE must not wake them). */
    public boolean hasSleepers(Futex.Key key) {
        return states.containsKey(key);
    }

    /** The tasks blocked on the PI futex {@code key}, best first (tests, the deadlock report). */
    public List<Task> waiters(Futex.Key key) {
        PiState s = states.get(key);
        return s == null ? List.of() : s.waiters();
    }

    /**
     * True if {@code t} blocking on a lock owned by {@code owner} would close a cycle: the
     * chain of owners, each blocked on a lock held by the next, leads back to {@code t}, or is
     * longer than {@link #MAX_LOCK_DEPTH}.
     */
    boolean wouldDeadlock(Task t, Task owner) {
        Task o = owner;
        for (int depth = 0; o != null; depth++) {
            if (o == t || depth >= MAX_LOCK_DEPTH) return true;
            PiState s = blockedOn.get(o);
            o = s == null ? null : s.owner;
        }
        return false;
    }

    /**
     * Blocks {@code t} on the PI futex {@code key}, owned by {@code owner} (making the state if
     * {@code t} is the first waiter), and lends its priority along the chain. The caller has
     * checked {@link #wouldDeadlock}.
     */
    void block(Futex.Key key, Task owner, Task t) {
        PiState s = states.get(key);
        if (s == null) {
            s = new PiState(key, owner);
            states.put(key, s);
            owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(s);
        }
        s.add(t);
        blockedOn.put(t, s);
        adjustChain(s.owner);
    }

    /**
     * Takes {@code t} off the lock it is blocked on (its timeout passed, a signal or its exit
     * interrupted it) and lowers the owner's boost accordingly; harmless if it is not blocked.
     */
    public void unblock(Task t) {
        PiState s = blockedOn.remove(t);
        if (s == null) return;
        s.remove(t);
        if (!s.hasWaiters()) drop(s);
        adjustChain(s.owner);
    }

    /**
     * Hands the lock {@code s} from its owner to its top waiter (FUTEX_UNLOCK_PI, or the
     * owner's exit): the old owner loses what that lock lent it, the new one inherits from the
     * waiters left. Returns the new owner, which the caller tells and wakes.
     */
    Task handOff(PiState s) {
        Task old = s.owner;
        Task next = s.takeTop();
        blockedOn.remove(next);
        owned.get(old).remove(s);
        if (owned.get(old).isEmpty()) owned.remove(old);
        if (s.hasWaiters()) {
            s.owner = next;
            owned.computeIfAbsent(next, k -> new ArrayList<>()).add(s);
        } else {
            states.remove(s.key);
        }
        adjustChain(old);
        adjustChain(next);
        return next;
    }

    /**
     * {@code t}'s own priority has just changed (sched_setscheduler, setpriority: Linux's
     * rt_mutex_adjust_pi): what it is scheduled with is recomputed, and if it is blocked on a
     * PI futex it takes its new place among the sleepers and the change goes along the chain.
     */
    public void priorityChanged(Task t) {
        int rt = 0, nice = Task.NO_INHERITED_NICE;
        for (PiState s : ownedBy(t)) {
            rt = Math.max(rt, s.top().schedRtPriority());
            nice = Math.min(nice, s.top().schedNice());
        }
        lender.lend(t, rt, nice);
        PiState s = blockedOn.get(t);
        if (s == null) return;
        s.resort(t);
        adjustChain(s.owner);
    }

    /** The contended PI futexes {@code t} owns, oldest first (exit hands each one on). */
    List<PiState> ownedBy(Task t) {
        List<PiState> l = owned.get(t);
        return l == null ? List.of() : new ArrayList<>(l);
    }

    private void drop(PiState s) {
        states.remove(s.key);
        List<PiState> l = owned.get(s.owner);
        l.remove(s);
        if (l.isEmpty()) owned.remove(s.owner);
    }

    /**
     * Recomputes what {@code t} inherits from the top waiters of the locks it owns and, while
     * that changes the priority it is scheduled with, re-files it among the waiters of the lock
     * it is blocked on and goes on to that lock's owner.
     */
    private void adjustChain(Task t) {
        for (int depth = 0; t != null && depth < MAX_LOCK_DEPTH; depth++) {
            int rt = 0, nice = Task.NO_INHERITED_NICE;
            for (PiState s : ownedBy(t)) {
                Task top = s.top();
                rt = Math.max(rt, top.schedRtPriority());
                nice = Math.min(nice, top.schedNice());
            }
            int oldRt = t.schedRtPriority(), oldNice = t.schedNice();
            lender.lend(t, rt, nice);
            if (t.schedRtPriority() == oldRt && t.schedNice() == oldNice) return;
            PiState next = blockedOn.get(t);
            if (next == null) return;
            next.resort(t);
            t = next.owner;
        }
    }
}
