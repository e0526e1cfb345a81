package syscall;

import futex.RobustList;
import mm.MmException;
import task.Task;
import task.Tasks;

/**
 * The robust futex list calls (Linux's kernel/futex/syscalls.c): set_robust_list registers the
 * head of the calling thread's list of robust mutexes, get_robust_list reads a thread's
 * registration back. The list itself is only read when the thread exits or execs
 * (futex.RobustList); registering checks nothing but the length, as in Linux.
 */
public final class RobustListCalls {
    private RobustListCalls() {}

    /** Registers the robust list calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts) {
        table.register(273, "set_robust_list", (t, a) -> setRobustList(t, a[0], a[1]));
        table.register(274, "get_robust_list", (t, a) -> getRobustList(ts, t, (int) a[0], a[1], a[2]));
    }

    /** set_robust_list(head, len): EINVAL unless len is sizeof(struct robust_list_head), 24. */
    static long setRobustList(Task t, long head, long len) {
        if (len != RobustList.HEAD_SIZE) return -Errno.EINVAL;
        t.setRobustList(head);
        return 0;
    }

    /**
     * get_robust_list(pid, head_ptr, len_ptr): ESRCH if no thread has the id (0: the caller;
     * an exited one that is not yet reaped still answers, with no list); then the length (24)
     * is written, then the head, each EFAULT if it cannot be.
     */
    static long getRobustList(Tasks ts, Task caller, int pid, long headPtr, long lenPtr) {
        Task t = pid == 0 ? caller : ts.pids().find(pid);
        if (t == null || t.isIdle()) return -Errno.ESRCH;
        try {
            caller.mm().write64(lenPtr, RobustList.HEAD_SIZE);
            caller.mm().write64(headPtr, t.robustList());
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }
}
