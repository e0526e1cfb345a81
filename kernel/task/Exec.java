package task;

import fs.Dentry;
import fs.FdTable;
import fs.FsException;
import fs.Inode;
import fs.PathWalker;
import fs.FileContents;
import java.util.ArrayList;
import java.util.List;
import mm.Mm;
import mm.MmException;
import obj.Executable;
import obj.ExecutableFormat;
import obj.FormatException;
import syscall.Errno;
import vm.Context;
import vm.Isa;

/**
 * execve(): replacing a task's program, Linux's {@code do_execveat_common},
 * {@code begin_new_exec} and {@code de_thread} (fs/exec.c).
 *
 * <p><b>All or nothing.</b> Everything that can fail happens first, while the old program is
 * intact: RLIMIT_NPROC after a set*uid call (EAGAIN, see {@link SetId}), the path lookup
 * (ENOENT, ENOTDIR...), the checks (EACCES for a directory or a file without an execute bit),
 * reading the executable (ENOEXEC), copying argv and envp from user memory (EFAULT, E2BIG)
 * and building the new address space (ENOMEM, E2BIG; ENOMEM too when the program does not fit
 * in RLIMIT_AS). Resource limits are kept; the new address space gets the stack and
 * address-space limits, and the saved user and group ids become the effective ones. Only then is
 * the point of no return crossed: the other threads die, the old mm is dropped,
 * close-on-exec descriptors close, caught signals are reset and the registers start afresh.
 *
 * <p><b>Threads.</b> A multi-threaded process that execs becomes single-threaded. If the
 * caller is not the group leader it takes over the leader's pid and place in the family,
 * so the process keeps its pid, as POSIX requires.
 */
public final class Exec {
    private Exec() {}

    /** Longest single argument or environment string (Linux's MAX_ARG_STRLEN, 32 pages). */
    public static final int MAX_ARG_STRLEN = 32 * 4096;
    /** Most bytes of argv plus envp strings and pointers (Linux's historical ARG_MAX). */
    public static final int ARG_MAX = 128 * 1024;

    /**
     * execve(pathAddr, argvAddr, envpAddr) for {@code t}, whose saved registers are
     * {@code regs}: on success {@code regs} holds the new program's first registers and 0 is
     * returned; on failure -errno and nothing has changed.
     */
    public static long execve(Tasks ts, Task t, Context regs, long pathAddr, long argvAddr, long envpAddr) {
        String path;
        List<String> argv, envp;
        try {
            path = t.mm.readCString(pathAddr, PathWalker.PATH_MAX - 1);
            int[] total = {0};
            argv = readStrings(t.mm, argvAddr, total);
            envp = readStrings(t.mm, envpAddr, total);
        } catch (MmException e) {
            return -e.errno();
        }
        return execve(ts, t, regs, path, argv, envp);
    }

    /** execve with the path and strings already in kernel memory (also how init starts). */
    public static long execve(Tasks ts, Task t, Context regs, String path, List<String> argv, List<String> envp) {
        return execve(ts, t, regs, path, path, argv, envp, 0);
    }

    /**
     * execve of {@code path}, which is {@code name}'s interpreter at script depth {@code depth}
     * (0: {@code path} is what the caller named, and {@code name} is the same path).
     */
    private static long execve(Tasks ts, Task t, Context regs, String path, String name, List<String> argv,
            List<String> envp, int depth) {
        // A set*uid call moved the task to a user over RLIMIT_NPROC: refused now, unless the
        // user has come back under the limit since (then the flag is dropped).
        if (t.nprocExceeded) {
            if (ResourceLimits.exceeds(ts.userTasks(t.cred.uid()), t.signal.rlimits.cur(ResourceLimits.RLIMIT_NPROC))) {
                return -Errno.EAGAIN;
            }
            t.nprocExceeded = false;
        }
        if (path.isEmpty()) return -Errno.ENOENT;
        Executable exe;
        Dentry exeFile;
        try {
            Inode inode = PathWalker.resolve(t.fs, t.fs.cwd(), path, true);
            if (!inode.isRegular()) return -Errno.EACCES;
            if ((inode.mode() & 0111) == 0) return -Errno.EACCES;
            byte[] file = FileContents.of(inode);
            if (BinfmtScript.isScript(file)) {
                if (depth == BinfmtScript.MAX_DEPTH) return -Errno.ELOOP;
                BinfmtScript.Interpreter interp = BinfmtScript.parse(file, path, argv);
                if (interp == null) return -Errno.ENOEXEC;
                return execve(ts, t, regs, interp.path(), name, interp.argv(), envp, depth + 1);
            }
            exe = ExecutableFormat.read(path, file);
            exeFile = PathWalker.locate(t.fs, t.fs.cwd(), path, inode);
        } catch (FsException e) {
            return -e.errno();
        } catch (FormatException e) {
            return -Errno.ENOEXEC;
        }
        Mm fresh;
        try {
            fresh = Mm.exec(ts.phys, exe, path, argv, envp);
            fresh.useSysctl(ts.vmSysctl);
            fresh.setExeFile(exeFile);
        } catch (MmException e) {
            return -e.errno();
        }
        Prlimit.applyToNewMm(fresh, t.signal.rlimits);
        if (!fresh.mayGrowBy(0)) { // the new program alone is larger than RLIMIT_AS
            fresh.release();
            return -Errno.ENOMEM;
        }
        // The point of no return.
        deThread(ts, t);
        t.happensBefore.exec(t); // the race detector forgets the old program's memory
        Exit.mmRelease(ts, t);
        t.mm.release();
        t.mm = fresh;
        t.setChildTid = 0;
        if (t.files.users() > 1) { // unshare_files: our close-on-exec must not close theirs
            FdTable own = t.files.copy();
            t.files.release();
            t.files = own;
        }
        t.files.closeOnExec();
        signal.PosixTimers.deleteAll(ts, t.signal); // exit_itimers: the interval timers stay
        if (t.sighand.refCount() > 1) {
            SigHand own = t.sighand.copy();
            t.sighand.release();
            t.sighand = own;
        }
        t.sighand.resetForExec();
        t.signals.resetForExec();
        t.execed = true;
        // The saved ids become the effective ones (there are no set-user-ID files to change those).
        t.cred = t.cred.withUids(t.cred.uid(), t.cred.euid(), t.cred.euid()).withGids(t.cred.gid(), t.cred.egid(), t.cred.egid());
        // A script's process is named after the script, not its interpreter, as in Linux.
        t.setComm(name.substring(name.lastIndexOf('/') + 1));
        Context fresh0 = new Context();
        fresh0.pc = fresh.entry();
        fresh0.regs[Isa.SP] = fresh.startStack();
        regs.copyFrom(fresh0);
        return 0;
    }

    /**
     * Reads a NULL-terminated array of string pointers (argv or envp); a null array is
     * empty, as Linux allows. {@code total} accumulates bytes against {@link #ARG_MAX}.
     */
    private static List<String> readStrings(Mm mm, long arrayAddr, int[] total) throws MmException {
        List<String> list = new ArrayList<>();
        if (arrayAddr == 0) return list;
        for (int i = 0;; i++) {
            long p = mm.read64(arrayAddr + 8L * i);
            if (p == 0) return list;
            String s;
            try {
                s = mm.readCString(p, MAX_ARG_STRLEN - 1);
            } catch (MmException e) {
                if (e.errno() == Errno.ENAMETOOLONG) throw new MmException(Errno.E2BIG, p, "argument too long");
                throw e;
            }
            total[0] += s.length() + 1 + 8;
            if (total[0] > ARG_MAX) throw new MmException(Errno.E2BIG, p, "arguments too long");
            list.add(s);
        }
    }

    /**
     * Makes {@code t} the only thread of its group (de_thread): every other thread dies now,
     * and a non-leader caller takes over the leader's tid, parent and place among its
     * siblings. The old leader disappears without its parent hearing of it.
     */
    private static void deThread(Tasks ts, Task t) {
        SignalStruct sig = t.signal;
        if (sig.threads.size() == 1) return;
        for (Task other : sig.threads()) {
            if (other == t || !other.state.isAlive()) continue;
            other.killPending = true;
            Exit.exit(ts, other, Signals.killedStatus(Signals.SIGKILL));
        }
        Task leader = t.groupLeader;
        if (leader == t) return;
        // The old leader is a zombie now (its group was not empty). Take its identity.
        int oldTid = t.tid;
        sig.threads.remove(leader);
        ts.pids.remove(leader);
        leader.state = TaskState.DEAD;
        ts.freeTask(leader);
        t.tid = leader.tid;
        t.groupLeader = t;
        t.realParent = leader.realParent;
        t.parent = leader.parent;
        t.exitSignal = Signals.SIGCHLD;
        List<Task> siblings = t.realParent.children;
        int at = siblings.indexOf(leader);
        if (at >= 0) siblings.set(at, t);
        else siblings.add(t);
        sig.threads.remove(t);
        sig.threads.add(0, t);
        ts.pids.rekey(t, oldTid);
        // The pid the thread had is free again, as it is in Linux after the exchange.
    }
}
