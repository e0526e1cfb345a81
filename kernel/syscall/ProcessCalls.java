package syscall;

import futex.FutexCall;
import sched.Scheduler;
import task.Clone;
import task.CloneFlags;
import task.Exec;
import task.Exit;
import task.Signals;
import task.Task;
import task.Tasks;
import task.Wait;

/**
 * The process calls: ids, clone/fork/vfork, execve, exit/exit_group, wait4, waitid,
 * futex (futex.FutexCall) and set_tid_address. The work is in package task; this file maps
 * registers to arguments, Linux x86-64 numbers to handlers.
 */
public final class ProcessCalls {
    private ProcessCalls() {}

    /** Registers the process calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        table.register(39, "getpid", (t, a) -> t.tgid());
        table.register(186, "gettid", (t, a) -> t.tid());
        // init has no parent to show: Linux's getppid returns 0 there.
        table.register(110, "getppid", (t, a) -> t.tgid() == 1 ? 0 : t.realParent().tgid());
        // The x86-64 argument order: flags, newsp, parent_tid, child_tid, tls. Like Linux's
        // sys_clone, only the low 32 bits of flags count (clone3 is needed for the others).
        table.register(56, "clone", (t, a) -> Clone.clone(ts, t, t.context(), a[0] & 0xffff_ffffL, a[1], a[2], a[3], a[4]));
        table.register(57, "fork", (t, a) -> Clone.clone(ts, t, t.context(), CloneFlags.FORK, 0, 0, 0, 0));
        table.register(58, "vfork", (t, a) -> Clone.clone(ts, t, t.context(), CloneFlags.VFORK, 0, 0, 0, 0));
        table.register(59, "execve", (t, a) -> Exec.execve(ts, t, t.context(), a[0], a[1], a[2]));
        table.register(60, "exit", (t, a) -> {
            Exit.exit(ts, t, Signals.exitedStatus((int) a[0]));
            return 0;
        });
        table.register(231, "exit_group", (t, a) -> {
            Exit.exitGroup(ts, t, Signals.exitedStatus((int) a[0]));
            return 0;
        });
        table.register(61, "wait4", (t, a) -> Wait.wait4(ts, t, (int) a[0], a[1], (int) a[2], a[3]));
        table.register(247, "waitid", (t, a) -> Wait.waitid(ts, t, (int) a[0], a[1], a[2], (int) a[3], a[4]));
        // futex(uaddr, op, val, timeout or val2, uaddr2, val3): see futex.FutexCall.
        table.register(202, "futex", (t, a) -> FutexCall.futex(ts, sched, t,
                a[0], (int) a[1], (int) a[2], a[3], a[4], (int) a[5]));
        table.register(218, "set_tid_address", (t, a) -> {
            t.setClearChildTid(a[0]);
            return t.tid();
        });
    }
}
