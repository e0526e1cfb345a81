package poll;

import fs.FdTable;
import fs.OpenFile;
import fs.Poll;
import fs.UserMemory;
import java.util.function.LongConsumer;
import sched.Scheduler;
import sync.PollTable;
import syscall.Errno;
import task.Task;

/**
 * select(2) and pselect6(2)'s work, Linux's core_sys_select and do_select: three bitmaps
 * of descriptors (fd_set, one bit per descriptor in 64-bit words) say which to watch for
 * reading, writing and exceptional conditions. On return each holds only the descriptors
 * that are ready, and the result counts the bits set in all three.
 *
 * <p>Linux's rules: nfds above the size of the descriptor table (its capacity, Linux's
 * max_fds, not RLIMIT_NOFILE) is cut down to it, so higher bits are neither checked nor
 * returned; a bit for a descriptor that is not open is EBADF. Readable means POLLIN,
 * POLLRDNORM, POLLRDBAND, POLLHUP or POLLERR; writable means POLLOUT, POLLWRNORM,
 * POLLWRBAND or POLLERR; exceptional means POLLPRI.
 */
public final class Select {
    private Select() {}

    static final int POLLIN_SET = Poll.POLLRDNORM | Poll.POLLRDBAND | Poll.POLLIN | Poll.POLLHUP | Poll.POLLERR;
    static final int POLLOUT_SET = Poll.POLLWRBAND | Poll.POLLWRNORM | Poll.POLLOUT | Poll.POLLERR;
    static final int POLLEX_SET = Poll.POLLPRI;

    /**
     * select(nfds, readfds, writefds, exceptfds, timeout) for {@code t}, the timeout already in
     * nanoseconds. Linux's order: EINVAL for a negative nfds, EFAULT for a set that cannot be
     * read, EBADF, and EFAULT for a set that cannot be written back. A null set is empty.
     * Once the call is done, {@code remaining} gets what was left of a finite timeout, which
     * select and pselect6 write back to the caller's timeout. Returns the count, or -BLOCKED.
     */
    public static long select(Scheduler sched, Task t, UserMemory mem, int nfds, long inp, long outp, long exp,
            long timeoutNanos, String channel, LongConsumer remaining) {
        if (nfds < 0) return PollWait.fail(t, Errno.EINVAL);
        FdTable files = t.files();
        int n = Math.min(nfds, files.capacity());
        int bytes = (n + 63) / 64 * 8;
        byte[] in = new byte[bytes], out = new byte[bytes], ex = new byte[bytes];
        if (!readSet(mem, inp, in) || !readSet(mem, outp, out) || !readSet(mem, exp, ex)) {
            return PollWait.fail(t, Errno.EFAULT);
        }
        for (int fd = 0; fd < n; fd++) {
            if ((isSet(in, fd) || isSet(out, fd) || isSet(ex, fd)) && !files.isOpen(fd)) {
                return PollWait.fail(t, Errno.EBADF);
            }
        }
        PollWait.begin(t);
        boolean maySleep = PollWait.maySleep(sched, t, timeoutNanos);
        PollTable table = t.pollTable();
        table.setKey(POLLIN_SET | POLLOUT_SET | POLLEX_SET);
        byte[] resIn = new byte[bytes], resOut = new byte[bytes], resEx = new byte[bytes];
        int count = 0;
        for (int fd = 0; fd < n; fd++) {
            boolean r = isSet(in, fd), w = isSet(out, fd), e = isSet(ex, fd);
            if (!r && !w && !e) continue;
            OpenFile f = files.get(fd);
            int mask = f.inode().poll(f, maySleep && count == 0 ? table : null);
            if (r && (mask & POLLIN_SET) != 0) count += set(resIn, fd);
            if (w && (mask & POLLOUT_SET) != 0) count += set(resOut, fd);
            if (e && (mask & POLLEX_SET) != 0) count += set(resEx, fd);
        }
        if (count == 0 && maySleep) return PollWait.sleep(sched, t, timeoutNanos, channel);
        long left = PollWait.finish(sched, t, timeoutNanos);
        if (!writeSet(mem, inp, resIn) || !writeSet(mem, outp, resOut) || !writeSet(mem, exp, resEx)) {
            return -Errno.EFAULT;
        }
        if (left >= 0) remaining.accept(left);
        return count;
    }

    private static boolean readSet(UserMemory mem, long addr, byte[] set) {
        return addr == 0 || mem.copyIn(addr, set, 0, set.length) == UserMemory.NO_FAULT;
    }

    private static boolean writeSet(UserMemory mem, long addr, byte[] set) {
        return addr == 0 || mem.copyOut(addr, set, 0, set.length) == UserMemory.NO_FAULT;
    }

    private static boolean isSet(byte[] set, int fd) {
        return (set[fd >>> 3] >>> (fd & 7) & 1) != 0;
    }

    private static int set(byte[] set, int fd) {
        set[fd >>> 3] |= (byte) (1 << (fd & 7));
        return 1;
    }
}
