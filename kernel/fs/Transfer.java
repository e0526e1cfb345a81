package fs;

import sync.Waiter;
import syscall.Errno;

/**
 * The loop behind read, write, pread64, pwrite64, readv and writev: moves bytes between a
 * user buffer ({@link IoVector}) and an inode, 64 KiB at a time, through a kernel array.
 *
 * <p>Two rules make it safe with restarted system calls (see sync.WaitQueue). Only the first
 * piece may sleep; once data has moved, the call returns what it has rather than sleep, since
 * the restarted call would move it again. And a fault in user memory after some data has
 * moved returns the count so far, as Linux does; a fault before any is EFAULT. Bytes read
 * from a pipe that could not be delivered go back into it ({@link Inode#unread}).
 */
final class Transfer {
    /** Data moves in pieces of this size. */
    static final int CHUNK = 64 * 1024;
    /** Linux's MAX_RW_COUNT: the most one call moves. */
    static final long MAX_RW_COUNT = 0x7ffff000L;

    private Transfer() {}

    /**
     * Reads from {@code f} at {@code pos} into {@code buf}. With {@code moveOffset} the
     * description's offset follows the data (read, readv); otherwise it is left alone
     * (pread64, or a device without offsets). Returns the count or -errno.
     */
    static long in(OpenFile f, UserMemory mem, Waiter waiter, IoVector buf, long pos, boolean moveOffset) {
        long count = Math.min(buf.total(), MAX_RW_COUNT);
        Inode inode = f.inode();
        byte[] chunk = new byte[(int) Math.min(count, CHUNK)];
        long total = 0;
        while (total < count) {
            int want = (int) Math.min(count - total, CHUNK);
            Waiter w = total == 0 && !f.isNonBlocking() ? waiter : null;
            long n = inode.read(f, pos + total, chunk, 0, want, w);
            if (n < 0) return total > 0 ? total : n;
            if (n == 0) break;
            int copied = buf.copyOut(mem, total, chunk, 0, (int) n);
            total += copied;
            if (moveOffset) f.setPosition(pos + total);
            if (copied < n) {
                inode.unread(chunk, copied, (int) n - copied); // a pipe keeps what was not delivered
                return total > 0 ? total : -Errno.EFAULT;
            }
            if (n < want) break;
        }
        if (total > 0 && waiter != null) waiter.happensBefore().acquire(waiter, inode); // the race detector: what the writers released
        return total;
    }

    /**
     * Writes {@code buf} to {@code f} at {@code pos}, or at the end of the file when the
     * description has O_APPEND; with {@code moveOffset} the offset follows. Returns the
     * count or -errno.
     */
    static long out(OpenFile f, UserMemory mem, Waiter waiter, IoVector buf, long pos, boolean moveOffset) {
        long count = Math.min(buf.total(), MAX_RW_COUNT);
        Inode inode = f.inode();
        // O_APPEND wins even over pwrite64's offset: a Linux quirk its man page documents.
        if (f.isAppend() && inode.isSeekable()) pos = inode.size();
        if (waiter != null) waiter.happensBefore().release(waiter, inode); // the race detector: a reader of these bytes sees all the writer did
        byte[] chunk = new byte[(int) Math.min(count, CHUNK)];
        long total = 0;
        while (total < count) {
            int want = (int) Math.min(count - total, CHUNK);
            int copied = buf.copyIn(mem, total, chunk, 0, want);
            if (copied == 0) return total > 0 ? total : -Errno.EFAULT;
            Waiter w = total == 0 && !f.isNonBlocking() ? waiter : null;
            long n = inode.write(f, pos + total, chunk, 0, copied, w);
            if (n < 0) return total > 0 ? total : n;
            total += n;
            if (moveOffset) f.setPosition(pos + total);
            if (n < want) break; // a short write, or a fault in the user buffer
        }
        return total;
    }
}
