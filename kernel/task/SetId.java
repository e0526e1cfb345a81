package task;

import syscall.Errno;

/**
 * setuid, setgid, setreuid, setregid, setresuid and setresgid: Linux's kernel/sys.c, with its
 * permission rules and errno values. Each call works on the calling thread's credentials
 * only, as Linux's system calls do (glibc makes every thread of the process follow; Clonix's
 * libc does not: docs/libc.md).
 *
 * <p><b>The rules.</b> A privileged caller ({@link Cred#capable}: effective uid 0, Linux's
 * CAP_SETUID or CAP_SETGID) may set any id. An unprivileged one may only move ids among the
 * values it already has: setuid(u) sets the effective id if u is the real or saved id;
 * setreuid's real id may become the real or effective id, its effective id any of the three;
 * setresuid's three may each become any of the three. Anything else is EPERM and changes
 * nothing. An id of -1 means "leave it" in the re- and res- calls and is EINVAL for setuid and
 * setgid. The file-system id follows the effective id. When a set*uid call changes the real
 * uid, the task moves to the new user's count of tasks (RLIMIT_NPROC); the call itself never
 * fails for that, but if the new user is already over its limit the next execve fails with
 * EAGAIN (Linux's PF_NPROC_EXCEEDED), because many programs do not check what setuid returns.
 */
public final class SetId {
    private SetId() {}

    /** The "no change" value of the re- and res- calls, (uid_t) -1; an invalid id everywhere. */
    static final int KEEP = -1;

    /** setuid(uid); returns 0 or -errno. */
    public static long setuid(Tasks ts, Task t, int uid) {
        if (uid == KEEP) return -Errno.EINVAL;
        Cred old = t.cred;
        if (old.capable()) return commitUids(ts, t, old.withUids(uid, uid, uid));
        if (uid != old.uid() && uid != old.suid()) return -Errno.EPERM;
        return commitUids(ts, t, old.withUids(old.uid(), uid, old.suid()));
    }

    /** setreuid(ruid, euid); returns 0 or -errno. */
    public static long setreuid(Tasks ts, Task t, int ruid, int euid) {
        Cred old = t.cred;
        int newUid = old.uid(), newEuid = old.euid();
        if (ruid != KEEP) {
            if (ruid != old.uid() && ruid != old.euid() && !old.capable()) return -Errno.EPERM;
            newUid = ruid;
        }
        if (euid != KEEP) {
            if (euid != old.uid() && euid != old.euid() && euid != old.suid() && !old.capable()) return -Errno.EPERM;
            newEuid = euid;
        }
        // The saved id follows when the real id is set or the effective one leaves the real one.
        int newSuid = ruid != KEEP || (euid != KEEP && euid != old.uid()) ? newEuid : old.suid();
        return commitUids(ts, t, old.withUids(newUid, newEuid, newSuid));
    }

    /** setresuid(ruid, euid, suid); returns 0 or -errno. */
    public static long setresuid(Tasks ts, Task t, int ruid, int euid, int suid) {
        Cred old = t.cred;
        if (!old.capable() && (isNew(ruid, old.uid(), old.euid(), old.suid()) || isNew(euid, old.uid(), old.euid(), old.suid())
                || isNew(suid, old.uid(), old.euid(), old.suid()))) {
            return -Errno.EPERM;
        }
        return commitUids(ts, t, old.withUids(ruid == KEEP ? old.uid() : ruid, euid == KEEP ? old.euid() : euid,
                suid == KEEP ? old.suid() : suid));
    }

    /** setgid(gid); returns 0 or -errno. */
    public static long setgid(Task t, int gid) {
        if (gid == KEEP) return -Errno.EINVAL;
        Cred old = t.cred;
        if (old.capable()) t.cred = old.withGids(gid, gid, gid);
        else if (gid == old.gid() || gid == old.sgid()) t.cred = old.withGids(old.gid(), gid, old.sgid());
        else return -Errno.EPERM;
        return 0;
    }

    /** setregid(rgid, egid); returns 0 or -errno. */
    public static long setregid(Task t, int rgid, int egid) {
        Cred old = t.cred;
        int newGid = old.gid(), newEgid = old.egid();
        if (rgid != KEEP) {
            if (rgid != old.gid() && rgid != old.egid() && !old.capable()) return -Errno.EPERM;
            newGid = rgid;
        }
        if (egid != KEEP) {
            if (egid != old.gid() && egid != old.egid() && egid != old.sgid() && !old.capable()) return -Errno.EPERM;
            newEgid = egid;
        }
        int newSgid = rgid != KEEP || (egid != KEEP && egid != old.gid()) ? newEgid : old.sgid();
        t.cred = old.withGids(newGid, newEgid, newSgid);
        return 0;
    }

    /** setresgid(rgid, egid, sgid); returns 0 or -errno. */
    public static long setresgid(Task t, int rgid, int egid, int sgid) {
        Cred old = t.cred;
        if (!old.capable() && (isNew(rgid, old.gid(), old.egid(), old.sgid()) || isNew(egid, old.gid(), old.egid(), old.sgid())
                || isNew(sgid, old.gid(), old.egid(), old.sgid()))) {
            return -Errno.EPERM;
        }
        t.cred = old.withGids(rgid == KEEP ? old.gid() : rgid, egid == KEEP ? old.egid() : egid, sgid == KEEP ? old.sgid() : sgid);
        return 0;
    }

    /** True if {@code id} asks for a value that is none of the caller's three (res- calls' EPERM test). */
    private static boolean isNew(int id, int real, int effective, int saved) {
        return id != KEEP && id != real && id != effective && id != saved;
    }

    /**
     * Switches {@code t} to {@code fresh} user ids (commit_creds). If the real uid changes, the
     * task moves from the old user's task count to the new one's, and is flagged when the new
     * user is over RLIMIT_NPROC (Linux's flag_nproc_exceeded; root is never flagged).
     */
    private static long commitUids(Tasks ts, Task t, Cred fresh) {
        Cred old = t.cred;
        if (fresh.uid() != old.uid()) {
            t.nprocExceeded = fresh.uid() != 0
                    && ResourceLimits.exceeds(ts.userTasks(fresh.uid()), t.signal.rlimits.cur(ResourceLimits.RLIMIT_NPROC));
            ts.moveUser(old.uid(), fresh.uid());
        }
        t.cred = fresh;
        return 0;
    }
}
