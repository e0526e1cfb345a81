package syscall;

import java.nio.charset.StandardCharsets;
import task.SetId;
import task.Task;
import task.Tasks;

/**
 * Who and where: user and group ids (task.Cred; the rules of the set*id calls are in
 * task.SetId), process groups and sessions, and uname. Ids are Linux's uid_t and gid_t:
 * only the low 32 bits of an argument count.
 */
public final class IdentityCalls {
    private IdentityCalls() {}

    /** uname's strings, in struct utsname order. */
    public static final String SYSNAME = "Clonix", NODENAME = "clonix", RELEASE = "1.0.0",
            VERSION = "#1 SMP", MACHINE = "clonix64", DOMAINNAME = "(none)";
    /** Each utsname field is a 65-byte array. */
    private static final int UTS_LEN = 65;

    /** Registers the identity calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts) {
        table.register(63, "uname", (t, a) -> uname(t, a[0]));
        table.register(102, "getuid", (t, a) -> id(t.cred().uid()));
        table.register(104, "getgid", (t, a) -> id(t.cred().gid()));
        table.register(105, "setuid", (t, a) -> SetId.setuid(ts, t, (int) a[0]));
        table.register(106, "setgid", (t, a) -> SetId.setgid(t, (int) a[0]));
        table.register(107, "geteuid", (t, a) -> id(t.cred().euid()));
        table.register(108, "getegid", (t, a) -> id(t.cred().egid()));
        table.register(115, "getgroups", (t, a) -> task.Groups.getgroups(t, (int) a[0], a[1]));
        table.register(116, "setgroups", (t, a) -> task.Groups.setgroups(ts, t, (int) a[0], a[1]));
        table.register(113, "setreuid", (t, a) -> SetId.setreuid(ts, t, (int) a[0], (int) a[1]));
        table.register(114, "setregid", (t, a) -> SetId.setregid(t, (int) a[0], (int) a[1]));
        table.register(117, "setresuid", (t, a) -> SetId.setresuid(ts, t, (int) a[0], (int) a[1], (int) a[2]));
        table.register(118, "getresuid", (t, a) -> putIds(t, a, t.cred().uid(), t.cred().euid(), t.cred().suid()));
        table.register(119, "setresgid", (t, a) -> SetId.setresgid(t, (int) a[0], (int) a[1], (int) a[2]));
        table.register(120, "getresgid", (t, a) -> putIds(t, a, t.cred().gid(), t.cred().egid(), t.cred().sgid()));
        table.register(109, "setpgid", (t, a) -> setpgid(ts, t, (int) a[0], (int) a[1]));
        table.register(111, "getpgrp", (t, a) -> t.signal().pgid());
        table.register(112, "setsid", (t, a) -> setsid(ts, t));
        table.register(121, "getpgid", (t, a) -> {
            Task p = target(ts, t, (int) a[0]);
            return p == null ? -Errno.ESRCH : p.signal().pgid();
        });
        table.register(124, "getsid", (t, a) -> {
            Task p = target(ts, t, (int) a[0]);
            return p == null ? -Errno.ESRCH : p.signal().sid();
        });
    }

    /** An id as the get*id calls return it: uid_t is unsigned, so (uid_t) -1 is 4294967295. */
    private static long id(int value) {
        return Integer.toUnsignedLong(value);
    }

    /**
     * getresuid/getresgid: writes the three ids as 32-bit values to the addresses in a0, a1
     * and a2, in that order; EFAULT at the first that cannot be written (the earlier ones
     * stay written, as with Linux's put_user).
     */
    private static long putIds(Task t, long[] a, int real, int effective, int saved) {
        int[] ids = {real, effective, saved};
        for (int i = 0; i < 3; i++) {
            try {
                t.mm().write32(a[i], ids[i]);
            } catch (mm.MmException e) {
                return -Errno.EFAULT;
            }
        }
        return 0;
    }

    /** The process {@code pid} names (0: the caller), or null. */
    private static Task target(Tasks ts, Task caller, int pid) {
        if (pid == 0) return caller;
        Task p = ts.pids().find(pid);
        return p == null ? null : p.groupLeader();
    }

    /**
     * setpgid(pid, pgid): the caller or one of its children, into a process group of the
     * same session (or a new one named after the process), as long as a child has not
     * called execve yet (EACCES). EINVAL, ESRCH, EPERM as Linux, in its order: 0s are
     * replaced first (pid by the caller's, pgid by pid), so setpgid(-1, 0) is EINVAL for
     * the negative group before any lookup; a pid naming a thread that does not lead its
     * group is EINVAL.
     */
    static long setpgid(Tasks ts, Task caller, int pid, int pgid) {
        if (pid == 0) pid = caller.tgid();
        if (pgid == 0) pgid = pid;
        if (pgid < 0) return -Errno.EINVAL;
        Task p = ts.pids().find(pid);
        if (p == null) return -Errno.ESRCH;
        if (!p.isGroupLeader()) return -Errno.EINVAL;
        boolean isSelf = p.tgid() == caller.tgid();
        if (!isSelf && (p.realParent() == null || p.realParent().tgid() != caller.tgid())) return -Errno.ESRCH;
        if (p.signal().sid() != caller.signal().sid()) return -Errno.EPERM;
        if (!isSelf && p.hasExeced()) return -Errno.EACCES; // too late: the child runs its own program
        if (p.signal().sid() == p.tgid()) return -Errno.EPERM; // a session leader keeps its group
        if (pgid != pid) {
            boolean exists = false;
            for (Task other : ts.pids().all()) {
                if (other.signal().pgid() == pgid && other.signal().sid() == caller.signal().sid()) exists = true;
            }
            if (!exists) return -Errno.EPERM;
        }
        p.signal().setPgid(pgid);
        return 0;
    }

    /** setsid(): a new session and process group named after the caller; EPERM for a group leader. */
    static long setsid(Tasks ts, Task caller) {
        int pid = caller.tgid();
        for (Task other : ts.pids().all()) {
            if (other.signal().pgid() == pid) return -Errno.EPERM;
        }
        caller.signal().setSid(pid);
        caller.signal().setPgid(pid);
        return pid;
    }

    private static long uname(Task t, long buf) {
        byte[] b = new byte[UTS_LEN * 6];
        String[] fields = {SYSNAME, NODENAME, RELEASE, VERSION, MACHINE, DOMAINNAME};
        for (int i = 0; i < fields.length; i++) {
            byte[] s = fields[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(s, 0, b, i * UTS_LEN, Math.min(s.length, UTS_LEN - 1));
        }
        return t.mm().copyOut(buf, b, 0, b.length) == vm.AddressSpace.NO_FAULT ? 0 : -Errno.EFAULT;
    }
}
