package futex;

import mm.Mm;
import mm.MmException;
import task.Task;
import task.Tasks;

/**
 * Robust futexes at a thread's death (Linux's exit_robust_list and handle_futex_death,
 * kernel/futex/core.c). A thread registers with set_robust_list the head of a list, in its
 * own memory, of the robust mutexes it holds:
 *
 * <pre>
 *   struct robust_list_head {          struct robust_list { struct robust_list *next; };
 *       struct robust_list list;       // the first entry; the list ends back at the head
 *       long futex_offset;             // from an entry to its mutex's futex word
 *       struct robust_list *list_op_pending;  // an entry being added or removed, or 0
 *   };
 * </pre>
 *
 * When the thread exits (or execs), the kernel walks the list: every word that still holds
 * the thread's tid gets FUTEX_OWNER_DIED (keeping FUTEX_WAITERS), and one sleeper, if the
 * word says there may be one, is woken, so that the next locker learns the owner died
 * (pthread_mutex_lock's EOWNERDEAD) instead of waiting forever. An entry whose pointer has
 * bit 0 set is a PI futex: its waiters are not woken here but handed the lock by
 * FutexLockPi#exitPiStates. The pending entry covers a thread that died between taking a
 * lock and listing it (or unlisting and releasing it). A list that cannot be read, or is
 * longer than {@link #ROBUST_LIST_LIMIT} entries (perhaps circular), is abandoned where it
 * goes wrong, as in Linux: the guest's memory is untrusted.
 */
public final class RobustList {
    /** sizeof(struct robust_list_head): the only length set_robust_list accepts. */
    public static final int HEAD_SIZE = 24;
    /** Most entries followed (Linux's ROBUST_LIST_LIMIT). */
    public static final int ROBUST_LIST_LIMIT = 2048;

    private RobustList() {}

    /** Walks the robust list of {@code t}, which is exiting or exec'ing with its mm still attached, and forgets it. */
    public static void exitRobustList(Tasks ts, Task t) {
        long head = t.robustList();
        t.setRobustList(0);
        Mm mm = t.mm();
        if (head == 0 || mm == null) return;
        long entry, offset, pending;
        try {
            entry = mm.read64(head);
            offset = mm.read64(head + 8);
            pending = mm.read64(head + 16);
        } catch (MmException e) {
            return;
        }
        for (int limit = ROBUST_LIST_LIMIT; (entry & ~1L) != head; ) {
            long next;
            boolean nextOk = true;
            try {
                next = mm.read64(entry & ~1L);
            } catch (MmException e) {
                next = 0;
                nextOk = false;
            }
            if ((entry & ~1L) != (pending & ~1L) && !ownerDied(ts, t, (entry & ~1L) + offset, (entry & 1) != 0, false)) {
                return;
            }
            if (!nextOk || --limit == 0) break;
            entry = next;
        }
        if (pending != 0) ownerDied(ts, t, (pending & ~1L) + offset, (pending & 1) != 0, true);
    }

    /**
     * handle_futex_death for the word at {@code uaddr}: false if the word cannot be used (not
     * 4-aligned, unreadable), which ends the walk. A word that holds {@code t}'s tid gets
     * FUTEX_OWNER_DIED; for a pending entry of a plain futex found already 0 (the thread died
     * between releasing it and waking a sleeper), the wake-up it owed is done.
     */
    private static boolean ownerDied(Tasks ts, Task t, long uaddr, boolean pi, boolean pendingOp) {
        if ((uaddr & 3) != 0) return false;
        Mm mm = t.mm();
        try {
            int word = mm.read32(uaddr);
            if (pendingOp && !pi && word == 0) {
                ts.futex().wake(FutexCall.keyOf(mm, uaddr, false), 1, Futex.FUTEX_BITSET_MATCH_ANY);
                return true;
            }
            if ((word & Futex.FUTEX_TID_MASK) != t.tid()) return true;
            mm.write32(uaddr, (word & Futex.FUTEX_WAITERS) | Futex.FUTEX_OWNER_DIED);
            if (!pi && (word & Futex.FUTEX_WAITERS) != 0) {
                ts.futex().wake(FutexCall.keyOf(mm, uaddr, false), 1, Futex.FUTEX_BITSET_MATCH_ANY);
            }
            return true;
        } catch (MmException e) {
            return false;
        }
    }
}
