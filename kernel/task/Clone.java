package task;

import static task.CloneFlags.*;

import mm.MmException;
import syscall.Errno;
import vm.Context;
import vm.Isa;

/**
 * clone(), fork() and vfork(): the one place a task is born, Linux's {@code copy_process}
 * and {@code kernel_clone} (kernel/fork.c).
 *
 * <p>The order is Linux's: first every check that can refuse the call (flag combinations,
 * the task's own memory, then the limits on tasks), so that a refused call leaves nothing
 * behind; then the new task takes a reference to, or a copy of, each structure its flags
 * name; then it joins its family and the scheduler.
 *
 * <p><b>What a task costs.</b> Each task reserves {@link Tasks#THREAD_SIZE} of guest memory
 * (ENOMEM when it cannot be had) and counts against its real user's RLIMIT_NPROC and against
 * threads-max (EAGAIN), until it is reaped.
 */
public final class Clone {
    private Clone() {}

    /**
     * Creates a child of {@code parent}, whose registers at the moment of the call are
     * {@code regs} (the pc already past the syscall). Arguments are the raw x86-64 clone's:
     * {@code flags} (the exit signal in the low byte), {@code newsp} (0 keeps the parent's
     * sp), {@code parentTid}, {@code childTid}, {@code tls}. Returns the child's tid, or
     * -errno with nothing changed: EINVAL or EPERM for the flags, ENOMEM when memory cannot
     * hold the task or a copy of what it needs, EAGAIN at RLIMIT_NPROC, threads-max or
     * pid_max. For CLONE_VFORK the parent is left asleep (UNINTERRUPTIBLE) until the child
     * execs or exits: the caller must not run it.
     */
    public static long clone(Tasks ts, Task parent, Context regs, long flags, long newsp, long parentTid,
            long childTid, long tls) {
        int err = check(ts, parent, flags);
        if (err != 0) return -err;
        if (!ts.reserveTaskMemory()) return -Errno.ENOMEM; // dup_task_struct
        err = checkLimits(ts, parent);
        if (err == 0) err = copyAndStart(ts, parent, regs, flags, newsp, parentTid, childTid, tls);
        if (err < 0) ts.unreserveTaskMemory();
        return err;
    }

    /**
     * The limits on tasks, in copy_process's order: RLIMIT_NPROC of the caller's real user
     * (root, and a caller with CAP_SYS_RESOURCE, are exempt), then threads-max for everyone;
     * returns 0 or -EAGAIN. Zombies count in both, as they do on Linux.
     */
    private static int checkLimits(Tasks ts, Task parent) {
        Cred cred = parent.cred;
        long nproc = parent.signal.rlimits.cur(ResourceLimits.RLIMIT_NPROC);
        if (ResourceLimits.exceeds(ts.userTasks(cred.uid()) + 1L, nproc) && cred.uid() != 0 && !cred.capable()) {
            return -Errno.EAGAIN;
        }
        if (ts.pids.count() >= ts.maxTasks) return -Errno.EAGAIN;
        return 0;
    }

    /**
     * Builds the child once the checks have passed: copies or shares each structure, then a
     * pid, the family, and the scheduler. Returns the child's tid, or -ENOMEM (a copy of the
     * descriptor table, or the child's VMAs and page tables, did not fit) or -EAGAIN (no pid)
     * with nothing left behind.
     */
    private static int copyAndStart(Tasks ts, Task parent, Context regs, long flags, long newsp, long parentTid,
            long childTid, long tls) {
        fs.FdTable files = (flags & CLONE_FILES) != 0 ? parent.files.share() : parent.files.copy();
        if (files == null) return -Errno.ENOMEM;
        // dup_mm needs memory for the child's VMAs and page tables.
        mm.Mm mm;
        try {
            mm = (flags & CLONE_VM) != 0 ? parent.mm.share() : parent.mm.fork();
        } catch (MmException e) {
            files.release();
            return -e.errno();
        }
        int tid = ts.pids.allocate();
        if (tid < 0) {
            mm.release();
            files.release();
            return -Errno.EAGAIN;
        }

        Context ctx = regs.copy();
        ctx.regs[Isa.A0] = 0;
        if (newsp != 0) ctx.regs[Isa.SP] = newsp;
        if ((flags & CLONE_SETTLS) != 0) ctx.regs[Isa.TP] = tls;
        Task child = ts.newTask(tid, ctx);
        child.setComm(parent.comm);
        child.affinity = parent.affinity;
        child.policy = parent.policy;
        child.rtPriority = parent.rtPriority;
        child.priority = parent.priority;
        child.cred = parent.cred;
        ts.countUser(child.cred.uid());

        // Each structure: a new reference with the flag, a private copy without it.
        child.files = files;
        child.fs = (flags & CLONE_FS) != 0 ? parent.fs.share() : parent.fs.copy();
        child.sighand = (flags & CLONE_SIGHAND) != 0 ? parent.sighand.share() : parent.sighand.copy();
        // The blocked mask (nothing is pending yet), and the alternate stack unless a thread (sas_ss_reset).
        child.signals.inheritFrom(parent.signals, (flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM);
        child.mm = mm;

        joinFamily(parent, child, flags);

        if ((flags & CLONE_CHILD_SETTID) != 0) child.setChildTid = childTid;
        if ((flags & CLONE_CHILD_CLEARTID) != 0) child.clearChildTid = childTid;
        // Linux stores these with put_user and ignores a fault; so does Clonix. The child's
        // copy is written in the child's mm (after a fork, the parent's word is unchanged).
        if ((flags & CLONE_PARENT_SETTID) != 0) putTid(parent.mm, parentTid, tid);
        if ((flags & CLONE_CHILD_SETTID) != 0) putTid(child.mm, childTid, tid);

        ts.pids.add(child);
        ts.start(child);
        if ((flags & CLONE_VFORK) != 0) {
            child.vforkParent = parent;
            parent.vforkChild = child;
            parent.sleep(TaskState.UNINTERRUPTIBLE, "vfork");
        }
        return tid;
    }

    /** Linux's flag checks, in copy_process's order; returns 0 or an errno. */
    static int check(Tasks ts, Task parent, long flags) {
        if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS)) return Errno.EINVAL;
        if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS)) return Errno.EINVAL;
        // Threads share signal state, so they must share handlers.
        if ((flags & CLONE_THREAD) != 0 && (flags & CLONE_SIGHAND) == 0) return Errno.EINVAL;
        // Shared handlers in different address spaces would point at meaningless code.
        if ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0) return Errno.EINVAL;
        if ((flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) == (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) {
            return Errno.EINVAL;
        }
        // init may not create siblings: they would have no one to reap them.
        if ((flags & CLONE_PARENT) != 0 && parent.tgid == 1) return Errno.EINVAL;
        if ((flags & CLONE_THREAD) != 0 && (flags & (CLONE_NEWUSER | CLONE_NEWPID)) != 0) return Errno.EINVAL;
        if ((flags & CLONE_PIDFD) != 0) return Errno.EINVAL; // pidfds are not implemented
        if ((flags & CLONE_INTO_CGROUP) != 0) return Errno.EINVAL; // nor cgroups
        // No namespaces: refused as Linux refuses an unprivileged caller.
        if ((flags & NAMESPACES) != 0) return Errno.EPERM;
        // The exit signal (flags & CSIGNAL) is not checked, as Linux's clone(2) does not (only
        // clone3 does): one above NSIG is simply never sent (Exit.notifyParent).
        // A task that is being killed must not create new ones (Linux returns -EINTR, never seen).
        if (parent.killPending || parent.signal.groupExit) return Errno.EINTR;
        return 0;
    }

    /** Parent, exit signal, thread group and children list, as copy_process sets them. */
    private static void joinFamily(Task parent, Task child, long flags) {
        if ((flags & (CLONE_PARENT | CLONE_THREAD)) != 0) {
            child.realParent = parent.realParent;
            child.exitSignal = (flags & CLONE_THREAD) != 0 ? -1 : parent.groupLeader.exitSignal;
        } else {
            child.realParent = parent;
            child.exitSignal = (int) (flags & CSIGNAL);
        }
        child.parent = child.realParent;
        if ((flags & CLONE_THREAD) != 0) {
            child.tgid = parent.tgid;
            child.groupLeader = parent.groupLeader;
            child.signal = parent.signal;
        } else {
            // copy_signal: the limits and the OOM bias are inherited; the CPU time starts at 0.
            child.signal = new SignalStruct(parent.signal.pgid, parent.signal.sid);
            child.signal.rlimits = parent.signal.rlimits.copy();
            child.signal.oomScoreAdj = parent.signal.oomScoreAdj;
            child.signal.oomScoreAdjMin = parent.signal.oomScoreAdjMin;
            signal.CpuLimit.arm(child.signal);
            child.realParent.children.add(child);
        }
        child.signal.threads.add(child);
        child.signal.live++;
    }

    private static void putTid(mm.Mm mm, long address, int tid) {
        try {
            mm.write32(address, tid);
        } catch (MmException e) {
            // As Linux: a bad address is simply not written.
        }
    }
}
