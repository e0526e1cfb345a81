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
 * poll(2) and ppoll(2)'s work, Linux's do_sys_poll: an array of struct pollfd {int fd;
 * short events; short revents} is read from user memory, every entry's file is asked what
 * is ready ({@code Inode#poll}), and revents is written back for every entry: the events
 * asked for that are ready, plus POLLERR and POLLHUP whether asked for or not, POLLNVAL for
 * a descriptor that is not open, 0 for a negative fd. Returns how many entries have a
 * non-zero revents. If none has and time remains, the call sleeps (see {@link PollWait}).
 */
public final class PollFds {
    private PollFds() {}

    /** sizeof(struct pollfd). */
    static final int POLLFD_SIZE = 8;

    /**
     * poll(fds, nfds, timeout) for {@code t}, with the timeout already in nanoseconds. Linux's
     * order: EINVAL if nfds (an unsigned int) exceeds RLIMIT_NOFILE, EFAULT if the array
     * cannot be read or revents cannot be written. Once the call is done, {@code remaining}
     * gets what was left of a finite timeout (ppoll writes it back). Returns the result, or
     * -BLOCKED.
     */
    public static long poll(Scheduler sched, Task t, UserMemory mem, long fdsAddr, long nfds, long timeoutNanos,
            String channel, LongConsumer remaining) {
        FdTable files = t.files();
        long n = nfds & 0xFFFF_FFFFL;
        if (n > files.limit()) return PollWait.fail(t, Errno.EINVAL);
        byte[] fds = new byte[(int) n * POLLFD_SIZE];
        if (mem.copyIn(fdsAddr, fds, 0, fds.length) != UserMemory.NO_FAULT) return PollWait.fail(t, Errno.EFAULT);
        PollWait.begin(t);
        boolean maySleep = PollWait.maySleep(sched, t, timeoutNanos);
        PollTable table = t.pollTable();
        table.setKey(wanted(fds));
        int count = 0;
        for (int off = 0; off < fds.length; off += POLLFD_SIZE) {
            int revents = revents(files, fds, off, maySleep && count == 0 ? table : null);
            putShort(fds, off + 6, revents);
            if (revents != 0) count++;
        }
        if (count == 0 && maySleep) return PollWait.sleep(sched, t, timeoutNanos, channel);
        long left = PollWait.finish(sched, t, timeoutNanos);
        if (mem.copyOut(fdsAddr, fds, 0, fds.length) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        if (left >= 0) remaining.accept(left);
        return count;
    }

    /** The revents of the entry at {@code off}: a file asked with {@code table} joins its queues. */
    private static int revents(FdTable files, byte[] fds, int off, PollTable table) {
        int fd = getInt(fds, off);
        if (fd < 0) return 0;
        OpenFile f = files.get(fd);
        if (f == null) return Poll.POLLNVAL;
        int filter = (getShort(fds, off + 4) & 0xFFFF) | Poll.POLLERR | Poll.POLLHUP;
        return f.inode().poll(f, table) & filter;
    }

    /** Every event some entry asks for: the wake-ups the sleeping call cares about. */
    private static int wanted(byte[] fds) {
        int events = 0;
        for (int off = 0; off < fds.length; off += POLLFD_SIZE) events |= getShort(fds, off + 4) & 0xFFFF;
        return events;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24;
    }

    private static int getShort(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    private static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }
}
