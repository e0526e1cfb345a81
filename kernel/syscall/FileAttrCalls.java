package syscall;

import fs.AttrSyscalls;
import fs.StatxSyscalls;
import fs.StorageSyscalls;
import task.Cred;
import task.Task;

/**
 * Wires the calls about a file's storage, owner, times and extended status into the table
 * with their Linux x86-64 numbers: fsync, fdatasync, sync, syncfs, fallocate (fs.StorageSyscalls),
 * chown, fchown, lchown, fchownat, utimensat (fs.AttrSyscalls) and statx (fs.StatxSyscalls).
 * The ownership and time checks take the caller's credentials from its task.
 */
public final class FileAttrCalls {
    private FileAttrCalls() {}

    /** Registers the calls on {@code table}, working on {@code vfs}. */
    public static void register(SyscallTable table, fs.Vfs vfs) {
        StorageSyscalls st = new StorageSyscalls();
        AttrSyscalls at = new AttrSyscalls(vfs);
        StatxSyscalls sx = new StatxSyscalls();
        table.register(74, "fsync", (t, a) -> st.fsync(t.files(), a[0]));
        table.register(75, "fdatasync", (t, a) -> st.fsync(t.files(), a[0]));
        table.register(162, "sync", (t, a) -> st.sync());
        table.register(306, "syncfs", (t, a) -> st.syncfs(t.files(), a[0]));
        table.register(285, "fallocate", (t, a) -> st.fallocate(t.files(), a[0], a[1], a[2], a[3]));
        table.register(92, "chown", (t, a) -> at.chown(t.files(), t.fs(), mem(t), caller(t), a[0], a[1], a[2]));
        table.register(93, "fchown", (t, a) -> at.fchown(t.files(), caller(t), a[0], a[1], a[2]));
        table.register(94, "lchown", (t, a) -> at.lchown(t.files(), t.fs(), mem(t), caller(t), a[0], a[1], a[2]));
        table.register(260, "fchownat",
                (t, a) -> at.fchownat(t.files(), t.fs(), mem(t), caller(t), a[0], a[1], a[2], a[3], a[4]));
        table.register(280, "utimensat",
                (t, a) -> at.utimensat(t.files(), t.fs(), mem(t), caller(t), a[0], a[1], a[2], a[3]));
        table.register(332, "statx", (t, a) -> sx.statx(t.files(), t.fs(), mem(t), a[0], a[1], a[2], a[3], a[4]));
    }

    /** The caller's identity for the permission checks: fsuid, fsgid, privilege. */
    private static AttrSyscalls.Caller caller(Task t) {
        Cred c = t.cred();
        return new AttrSyscalls.Caller(c.fsuid(), c.fsgid(), c.capable(), c::inGroup);
    }

    private static MmUserMemory mem(Task t) {
        return new MmUserMemory(t.mm());
    }
}
