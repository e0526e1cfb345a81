package task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import syscall.Errno;

/**
 * getgroups and setgroups, Linux's kernel/groups.c: a task's supplementary groups (see
 * {@link GroupInfo}). As with the set*id calls, setgroups changes the calling thread's
 * credentials only; glibc makes every thread follow, Clonix's libc does not.
 */
public final class Groups {
    private Groups() {}

    /**
     * getgroups(size, list): the number of supplementary groups; if {@code size} is not 0,
     * also copies them to {@code list} as 32-bit gids, in ascending order. EINVAL for a
     * negative size or one smaller than the list, EFAULT for a bad buffer.
     */
    public static long getgroups(Task t, int size, long list) {
        if (size < 0) return -Errno.EINVAL;
        GroupInfo groups = t.cred.groups();
        int n = groups.size();
        if (size == 0) return n;
        if (n > size) return -Errno.EINVAL;
        byte[] out = new byte[4 * n];
        IntBuffer ids = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (int i = 0; i < n; i++) ids.put(groups.gid(i));
        return t.mm.copyOut(list, out, 0, out.length) == vm.AddressSpace.NO_FAULT ? n : -Errno.EFAULT;
    }

    /**
     * setgroups(size, list): replaces the supplementary groups with the {@code size} gids at
     * {@code list}. In Linux's order: EPERM unless privileged (CAP_SETGID), EINVAL for a size
     * above {@link GroupInfo#NGROUPS_MAX} or negative, ENOMEM if the kernel cannot hold the
     * list, EFAULT for a bad buffer.
     */
    public static long setgroups(Tasks ts, Task t, int size, long list) {
        if (!t.cred.capable()) return -Errno.EPERM;
        if (size < 0 || size > GroupInfo.NGROUPS_MAX) return -Errno.EINVAL;
        int[] gids = new int[size];
        if (size > 0) {
            byte[] in = new byte[4 * size];
            if (t.mm.copyIn(list, in, 0, in.length) != vm.AddressSpace.NO_FAULT) return -Errno.EFAULT;
            ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(gids);
        }
        GroupInfo fresh = GroupInfo.create(gids, ts.phys);
        if (fresh == null) return -Errno.ENOMEM;
        GroupInfo old = t.cred.groups();
        t.cred = t.cred.withGroups(fresh.get());
        old.put();
        return 0;
    }
}
