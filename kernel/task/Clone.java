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
 * <p><b>The clone lab.</b> What a child shares is decided in one place: the copy_* methods
 * (one per structure), {@link #joinFamily} (the thread group) and the two sharing rules in
 * {@link #check}. The clone lab (docs/labs/clone.md) asks the student to write them.
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
        fs.FdTable files = copyFiles(parent, flags);
        if (files == null) return -Errno.ENOMEM;
        mm.Mm mm;
        try {
            mm = copyMm(parent, flags);
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
        child.cred.groups().get();
        ts.countUser(child.cred.uid());

        child.files = files;
        child.fs = copyFs(parent, flags);
        child.sighand = copySighand(parent, flags);
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

        child.happensBefore.fork(parent, child); // the race detector: the child starts after all the parent did
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
        // LAB clone BEGIN: EINVAL for CLONE_THREAD without CLONE_SIGHAND, then for CLONE_SIGHAND without CLONE_VM
        // Threads share signal state (pending signals, the group's exit), so they must share handlers.
        if ((flags & CLONE_THREAD) != 0 && (flags & CLONE_SIGHAND) == 0) return Errno.EINVAL;
        // Shared handlers in different address spaces would point at meaningless code.
        if ((flags & CLONE_SIGHAND) != 0 && (flags & CLONE_VM) == 0) return Errno.EINVAL;
        // LAB clone END
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

    // The sharing half of copy_process: for each structure a task holds one reference to,
    // the child either takes one more reference to its creator's (share(): both then see
    // every change either makes) or gets a private copy (fork()/copy(): a snapshot from which
    // each goes its own way). Each copy_* method is Linux's function of that name.

    /**
     * copy_mm: the child's address space. With CLONE_VM, the caller's own mm (one more user:
     * a store by either task is seen by the other); without it, a copy-on-write copy, as
     * fork makes. Throws MmException (ENOMEM) when the copy's VMAs and page tables do not fit.
     */
    private static mm.Mm copyMm(Task parent, long flags) throws MmException {
        // LAB clone BEGIN: share the caller's mm with CLONE_VM (Mm.share), else fork it (Mm.fork)
        return (flags & CLONE_VM) != 0 ? parent.mm.share() : parent.mm.fork();
        // LAB clone STUB
        // return parent.mm.fork();
        // LAB clone END
    }

    /**
     * copy_files: the child's descriptor table. With CLONE_FILES, the caller's own table (a
     * descriptor that either opens, closes or dups is there for both); without it, a copy
     * whose descriptors name the same open files (so the file offsets are still shared).
     * Returns null when the copy does not fit in memory.
     */
    private static fs.FdTable copyFiles(Task parent, long flags) {
        // LAB clone BEGIN: share the caller's descriptor table with CLONE_FILES, else copy it
        return (flags & CLONE_FILES) != 0 ? parent.files.share() : parent.files.copy();
        // LAB clone STUB
        // return parent.files.copy();
        // LAB clone END
    }

    /**
     * copy_fs: the child's root, working directory and umask. With CLONE_FS, the caller's
     * own FsStruct (a chdir or umask by either is seen by both); without it, a copy.
     */
    private static fs.FsStruct copyFs(Task parent, long flags) {
        // LAB clone BEGIN: share the caller's FsStruct with CLONE_FS, else copy it
        return (flags & CLONE_FS) != 0 ? parent.fs.share() : parent.fs.copy();
        // LAB clone STUB
        // return parent.fs.copy();
        // LAB clone END
    }

    /**
     * copy_sighand: the child's table of signal actions. With CLONE_SIGHAND, the caller's own
     * table (a sigaction by either changes the handler for both); without it, a copy.
     */
    private static SigHand copySighand(Task parent, long flags) {
        // LAB clone BEGIN: share the caller's handler table with CLONE_SIGHAND, else copy it
        return (flags & CLONE_SIGHAND) != 0 ? parent.sighand.share() : parent.sighand.copy();
        // LAB clone STUB
        // return parent.sighand.copy();
        // LAB clone END
    }

    /**
     * Parent, exit signal and thread group, as copy_process sets them. With CLONE_THREAD the
     * child joins its creator's thread group: the same tgid (getpid), group leader and
     * SignalStruct; the creator's parent as its parent, since a thread is nobody's child
     * (and so it enters no children list: wait4 never sees it); exit signal -1, since a
     * thread's end is reported to nobody. Any other child leads a new group of its own
     * ({@link #newProcess}). Either way it is counted among its group's threads.
     */
    private static void joinFamily(Task parent, Task child, long flags) {
        // LAB clone BEGIN: a CLONE_THREAD child joins its creator's thread group; any other is a new process
        if ((flags & CLONE_THREAD) != 0) {
            child.realParent = parent.realParent;
            child.exitSignal = -1;
            child.tgid = parent.tgid;
            child.groupLeader = parent.groupLeader;
            child.signal = parent.signal;
        } else {
            newProcess(parent, child, flags);
        }
        // LAB clone STUB
        // newProcess(parent, child, flags);
        // LAB clone END
        child.parent = child.realParent;
        child.signal.threads.add(child);
        child.signal.live++;
    }

    /**
     * Makes {@code child} the leader of a new thread group: a child of the caller, with the
     * low byte of flags as its exit signal, or with CLONE_PARENT a child of the caller's
     * parent, with the caller's leader's exit signal. Its SignalStruct is new (copy_signal):
     * the limits and the OOM bias are inherited, the CPU time starts at 0.
     */
    private static void newProcess(Task parent, Task child, long flags) {
        if ((flags & CLONE_PARENT) != 0) {
            child.realParent = parent.realParent;
            child.exitSignal = parent.groupLeader.exitSignal;
        } else {
            child.realParent = parent;
            child.exitSignal = (int) (flags & CSIGNAL);
        }
        child.signal = new SignalStruct(parent.signal.pgid, parent.signal.sid);
        child.signal.rlimits = parent.signal.rlimits.copy();
        child.signal.oomScoreAdj = parent.signal.oomScoreAdj;
        child.signal.oomScoreAdjMin = parent.signal.oomScoreAdjMin;
        signal.CpuLimit.arm(child.signal);
        child.realParent.children.add(child);
    }

    private static void putTid(mm.Mm mm, long address, int tid) {
        try {
            mm.write32(address, tid);
        } catch (MmException e) {
            // As Linux: a bad address is simply not written.
        }
    }
}
