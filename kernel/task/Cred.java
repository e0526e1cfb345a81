package task;

/**
 * A task's credentials, Linux's {@code struct cred} reduced to the user and group ids: the
 * real ids (who owns the task; RLIMIT_NPROC counts tasks per real uid), the effective ids
 * (what permission checks use), the saved ids (what an unprivileged task may switch back
 * to) and the file-system ids (Linux's fsuid and fsgid, which follow the effective ids).
 *
 * <p><b>Immutable</b>, as Linux's credentials are once published: a change builds a new
 * {@code Cred} and the task switches to it (commit_creds), so a child made by clone can
 * share its parent's object until either of them changes its ids.
 *
 * <p><b>Privilege.</b> Clonix has no capability sets of its own: a task holds every
 * capability while its effective uid is 0, and none otherwise. That is what Linux's rules
 * give a process that never uses file capabilities or SECBIT_KEEP_CAPS: the effective set is
 * cleared when the effective uid leaves 0 and restored when it comes back to 0, which needs
 * one of the ids to still be 0 (docs/kernel.md, "Credentials").
 */
public record Cred(int uid, int euid, int suid, int fsuid, int gid, int egid, int sgid, int fsgid, GroupInfo groups) {
    /** root: every id 0 and no supplementary groups, the credentials of init and of everything it starts. */
    public static final Cred ROOT = new Cred(0, 0, 0, 0, 0, 0, 0, 0, GroupInfo.EMPTY);

    /**
     * Whether a task with these credentials counts as a member of group {@code gid} for
     * permission checks (Linux's in_group_p): its file-system gid, or a supplementary group.
     */
    public boolean inGroup(int gid) {
        return gid == fsgid || groups.contains(gid);
    }

    /**
     * True if the task may do what Linux guards with a capability (CAP_SETUID, CAP_SETGID,
     * CAP_SYS_RESOURCE, CAP_KILL, CAP_SYSLOG...): its effective uid is 0.
     */
    public boolean capable() {
        return euid == 0;
    }

    /** These credentials with new user ids (the fsuid follows the effective uid). */
    Cred withUids(int uid, int euid, int suid) {
        return new Cred(uid, euid, suid, euid, gid, egid, sgid, fsgid, groups);
    }

    /** These credentials with new group ids (the fsgid follows the effective gid). */
    Cred withGids(int gid, int egid, int sgid) {
        return new Cred(uid, euid, suid, fsuid, gid, egid, sgid, egid, groups);
    }

    /** These credentials with the supplementary groups {@code groups} (setgroups). */
    Cred withGroups(GroupInfo groups) {
        return new Cred(uid, euid, suid, fsuid, gid, egid, sgid, fsgid, groups);
    }
}
