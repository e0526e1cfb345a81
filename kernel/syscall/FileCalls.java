package syscall;

import fs.FileSyscalls;
import fs.InodeSyscalls;
import fs.LockSyscalls;
import fs.PathSyscalls;
import fs.StatSyscalls;
import fs.Vfs;
import signal.SigInfo;
import signal.SignalSend;
import task.Signals;
import task.Task;
import task.Tasks;

/**
 * Wires the file system's calls (package fs) into the table with their Linux x86-64 numbers.
 * Each entry only unpacks the caller's descriptor table, fs_struct and memory; the work is
 * in fs.FileSyscalls, fs.PathSyscalls, fs.StatSyscalls and, for fcntl's record locks and
 * flock, fs.LockSyscalls. A write to a pipe nobody reads sends the writer SIGPIPE, as
 * Linux's write does.
 */
public final class FileCalls {
    private FileCalls() {}

    /** Registers every file call on {@code table}, working on {@code vfs}. */
    public static void register(SyscallTable table, Tasks ts, Vfs vfs) {
        FileSyscalls f = new FileSyscalls(vfs);
        PathSyscalls p = new PathSyscalls(vfs);
        StatSyscalls s = new StatSyscalls();
        table.register(0, "read", (t, a) -> f.read(t.files(), mem(t), t, a[0], a[1], a[2]));
        table.register(1, "write", (t, a) -> sigpipe(ts, t, a[0], f.write(t.files(), mem(t), t, a[0], a[1], a[2])));
        InodeSyscalls i = new InodeSyscalls(vfs);
        // open and openat pass the caller, so that opening a FIFO can wait for the other end.
        table.register(2, "open", (t, a) -> p.open(t.files(), t.fs(), mem(t), t, a[0], a[1], a[2]));
        table.register(3, "close", (t, a) -> f.close(t.files(), a[0]));
        table.register(4, "stat", (t, a) -> s.stat(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(5, "fstat", (t, a) -> s.fstat(t.files(), mem(t), a[0], a[1]));
        table.register(6, "lstat", (t, a) -> s.lstat(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(8, "lseek", (t, a) -> f.lseek(t.files(), a[0], a[1], a[2]));
        table.register(16, "ioctl", (t, a) -> f.ioctl(t.files(), mem(t), a[0], a[1], a[2]));
        table.register(19, "readv", (t, a) -> f.readv(t.files(), mem(t), t, a[0], a[1], a[2]));
        table.register(20, "writev", (t, a) -> sigpipe(ts, t, a[0], f.writev(t.files(), mem(t), t, a[0], a[1], a[2])));
        table.register(17, "pread64", (t, a) -> f.pread64(t.files(), mem(t), t, a[0], a[1], a[2], a[3]));
        table.register(18, "pwrite64",
                (t, a) -> sigpipe(ts, t, a[0], f.pwrite64(t.files(), mem(t), t, a[0], a[1], a[2], a[3])));
        table.register(21, "access", (t, a) -> p.access(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(22, "pipe", (t, a) -> f.pipe(t.files(), mem(t), a[0]));
        table.register(32, "dup", (t, a) -> f.dup(t.files(), a[0]));
        table.register(33, "dup2", (t, a) -> f.dup2(t.files(), a[0], a[1]));
        LockSyscalls l = new LockSyscalls(FileCalls::asleepInLock);
        table.register(72, "fcntl", (t, a) -> LockSyscalls.isLockCommand(a[1])
                ? l.fcntl(t.files(), mem(t), t, t.tgid(), a[0], a[1], a[2])
                : f.fcntl(t.files(), a[0], a[1], a[2]));
        table.register(73, "flock", (t, a) -> l.flock(t.files(), t, a[0], a[1]));
        table.register(76, "truncate", (t, a) -> p.truncate(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(77, "ftruncate", (t, a) -> f.ftruncate(t.files(), a[0], a[1]));
        table.register(79, "getcwd", (t, a) -> p.getcwd(t.fs(), mem(t), a[0], a[1]));
        table.register(80, "chdir", (t, a) -> p.chdir(t.fs(), mem(t), a[0]));
        table.register(81, "fchdir", (t, a) -> p.fchdir(t.files(), t.fs(), a[0]));
        table.register(82, "rename", (t, a) -> p.rename(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(83, "mkdir", (t, a) -> p.mkdir(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(84, "rmdir", (t, a) -> p.rmdir(t.files(), t.fs(), mem(t), a[0]));
        table.register(85, "creat", (t, a) -> p.creat(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(86, "link", (t, a) -> i.link(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(87, "unlink", (t, a) -> p.unlink(t.files(), t.fs(), mem(t), a[0]));
        table.register(88, "symlink", (t, a) -> p.symlink(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(89, "readlink", (t, a) -> p.readlink(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(90, "chmod", (t, a) -> i.chmod(t.files(), t.fs(), mem(t), a[0], a[1]));
        table.register(91, "fchmod", (t, a) -> i.fchmod(t.files(), a[0], a[1]));
        table.register(95, "umask", (t, a) -> p.umask(t.fs(), a[0]));
        table.register(133, "mknod", (t, a) -> i.mknod(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(217, "getdents64", (t, a) -> s.getdents64(t.files(), mem(t), a[0], a[1], a[2]));
        table.register(257, "openat", (t, a) -> p.openat(t.files(), t.fs(), mem(t), t, a[0], a[1], a[2], a[3]));
        table.register(258, "mkdirat", (t, a) -> p.mkdirat(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(259, "mknodat", (t, a) -> i.mknodat(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3]));
        table.register(262, "newfstatat",
                (t, a) -> s.newfstatat(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3]));
        table.register(263, "unlinkat", (t, a) -> p.unlinkat(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(264, "renameat", (t, a) -> p.renameat(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3]));
        table.register(266, "symlinkat", (t, a) -> p.symlinkat(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(267, "readlinkat",
                (t, a) -> p.readlinkat(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3]));
        table.register(265, "linkat",
                (t, a) -> i.linkat(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3], a[4]));
        table.register(268, "fchmodat", (t, a) -> i.fchmodat(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(269, "faccessat", (t, a) -> p.faccessat(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(292, "dup3", (t, a) -> f.dup3(t.files(), a[0], a[1], a[2]));
        table.register(293, "pipe2", (t, a) -> f.pipe2(t.files(), mem(t), a[0], a[1]));
    }

    /**
     * Whether {@code w} is a task still asleep in the fcntl that queued it for a record lock:
     * a woken, interrupted or exited task waits for no lock (the deadlock check's rule).
     */
    private static boolean asleepInLock(sync.Waiter w) {
        return w instanceof Task t && t.state().isSleeping() && t.waitChannel().equals("fcntl");
    }

    private static MmUserMemory mem(Task t) {
        return new MmUserMemory(t.mm());
    }

    /**
     * A write into a pipe without readers: the writer gets SIGPIPE (Linux's send_sig, to the
     * thread, as if it had sent it itself), which kills it unless caught or ignored; the
     * call fails with EPIPE either way.
     */
    private static long sigpipe(Tasks ts, Task t, long fd, long result) {
        if (FileSyscalls.raisesSigpipe(t.files(), fd, result)) {
            SignalSend.send(ts, t, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, t.tgid(), t.cred().uid()), false);
        }
        return result;
    }
}
