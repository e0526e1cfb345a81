package net;

import fs.FdTable;
import fs.FsException;
import fs.OpenFile;
import fs.UserMemory;
import java.util.ArrayList;
import java.util.List;
import syscall.Errno;

/**
 * Passing descriptors (SCM_RIGHTS control messages), as Linux's __scm_send and
 * scm_detach_fds. The sender lists descriptors in a {@code struct cmsghdr} (level
 * SOL_SOCKET, type SCM_RIGHTS, an int per descriptor); the message then carries a reference
 * to each open file description, and the receiver's recvmsg installs each at a new
 * descriptor of its own, sharing offset and flags with the sender's, as dup does across
 * processes. Descriptions still in a queue are "in flight" ({@link UnixNet#addInflight}).
 */
final class ScmRights {
    static final int SOL_SOCKET = 1, SCM_RIGHTS = 1;
    /** sizeof(struct cmsghdr): cmsg_len (a size_t), cmsg_level, cmsg_type. */
    static final int CMSGHDR = 16;
    /** The most descriptors one message may carry (SCM_MAX_FD). */
    static final int SCM_MAX_FD = 253;
    /** net.core.optmem_max: more control data than this is ENOBUFS. */
    static final int OPTMEM_MAX = 131072;

    private ScmRights() {}

    /**
     * The descriptions a sendmsg's control data passes, a reference each, or null if none.
     * ENOBUFS for control data above optmem_max, EFAULT if it cannot be read, EINVAL for a
     * malformed cmsghdr, a type other than SCM_RIGHTS at level SOL_SOCKET (Clonix does not
     * implement SCM_CREDENTIALS) or more than SCM_MAX_FD descriptors, EBADF for a descriptor
     * that is not open. Headers of other levels are skipped, as Linux does.
     */
    static List<OpenFile> parse(FdTable files, UserMemory mem, long control, long controllen) throws FsException {
        if (controllen < 0 || controllen > Integer.MAX_VALUE || controllen > OPTMEM_MAX) {
            throw new FsException(Errno.ENOBUFS);
        }
        if (controllen == 0) return null;
        int size = (int) controllen;
        byte[] c = new byte[size];
        if (mem.copyIn(control, c, 0, size) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
        List<OpenFile> taken = new ArrayList<>();
        try {
            for (int off = 0; off + CMSGHDR <= size; ) {
                long len = MessageSyscalls.getLong(c, off);
                if (len < CMSGHDR || len > size - off) throw new FsException(Errno.EINVAL);
                int level = MessageSyscalls.getInt(c, off + 8);
                int type = MessageSyscalls.getInt(c, off + 12);
                if (level == SOL_SOCKET) {
                    if (type != SCM_RIGHTS) throw new FsException(Errno.EINVAL);
                    int n = (int) (len - CMSGHDR) / 4;
                    if (n > SCM_MAX_FD || taken.size() + n > SCM_MAX_FD) throw new FsException(Errno.EINVAL);
                    for (int i = 0; i < n; i++) {
                        OpenFile f = files.get(MessageSyscalls.getInt(c, off + CMSGHDR + 4 * i));
                        if (f == null) throw new FsException(Errno.EBADF);
                        taken.add(f.get());
                    }
                }
                off += align(len);
            }
        } catch (FsException e) {
            taken.forEach(OpenFile::put);
            throw e;
        }
        return taken.isEmpty() ? null : taken;
    }

    /** CMSG_ALIGN: a length rounded up to a size_t. */
    private static int align(long len) {
        return (int) ((len + 7) & ~7L);
    }

    /**
     * Linux's scm_detach_fds: installs {@code received} at the receiver's lowest free
     * descriptors, as many as the control buffer has room for (and the descriptor table
     * allows), writing their numbers and then the SCM_RIGHTS header into it. The ones left
     * over are closed. Returns the control bytes used, or -(used + 1) when some descriptors
     * could not be delivered (MSG_CTRUNC).
     */
    static long deliver(FdTable files, UserMemory mem, long control, long controllen, List<OpenFile> received,
            boolean cloexec) {
        int count = received.size();
        long room = controllen <= CMSGHDR ? 0 : (controllen - CMSGHDR) / 4;
        int fdmax = (int) Math.min(room, count);
        int i = 0;
        for (; i < fdmax; i++) {
            int fd = files.lowestFree(0);
            if (fd < 0) break;
            try {
                SockAddrs.putInt(mem, control + CMSGHDR + 4L * i, fd);
            } catch (FsException e) {
                break;
            }
            files.installAt(fd, received.get(i), cloexec);
        }
        long used = 0;
        if (i > 0) {
            byte[] h = new byte[CMSGHDR];
            MessageSyscalls.putLong(h, 0, CMSGHDR + 4L * i);
            h[8] = SOL_SOCKET;
            h[12] = SCM_RIGHTS;
            if (mem.copyOut(control, h, 0, CMSGHDR) == UserMemory.NO_FAULT) {
                used = Math.min(align(CMSGHDR + 4L * i), controllen);
            }
        }
        for (int k = i; k < count; k++) received.get(k).put();
        boolean truncated = i < count || (count > 0 && fdmax <= 0);
        return truncated ? -(used + 1) : used;
    }
}
