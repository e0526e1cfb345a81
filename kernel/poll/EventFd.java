package poll;

import fs.AnonInode;
import fs.OpenFile;
import fs.Poll;
import fs.Vfs;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * An eventfd (Linux's eventfd_ctx): a 64-bit counter behind a descriptor, a wake-up
 * channel between threads and processes. write(2) adds an 8-byte value to the counter;
 * read(2) returns the counter and sets it to 0, or, with EFD_SEMAPHORE, returns 1 and
 * decrements it. A read of a zero counter waits, and so does a write that would take it
 * to 0xffffffffffffffff or beyond; with O_NONBLOCK both give EAGAIN. It is readable
 * (POLLIN) while the counter is not 0 and writable (POLLOUT) while 1 can still be added.
 *
 * <p>Readers and writers sleep on one queue, as on Linux; a read wakes the ones waiting
 * to write, a write those waiting to read.
 */
public final class EventFd extends AnonInode {
    /** eventfd2's flag: reads take 1 at a time. */
    public static final int EFD_SEMAPHORE = 1;
    /** The largest value the counter can hold (ULLONG_MAX - 1, compared unsigned). */
    private static final long MAX = 0xFFFF_FFFF_FFFF_FFFEL;

    private long count;
    private final boolean semaphore;
    private final WaitQueue wait = new WaitQueue();

    /** A new eventfd with counter {@code initval}; {@code semaphore} for EFD_SEMAPHORE. */
    public EventFd(Vfs vfs, long initval, boolean semaphore) {
        super(vfs, "eventfd");
        this.count = initval;
        this.semaphore = semaphore;
    }

    /**
     * Reads the counter as 8 bytes: EINVAL for a buffer under 8 bytes; the counter (or 1),
     * or a sleep (EAGAIN without a waiter) while it is 0.
     */
    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        if (len < 8) return -Errno.EINVAL;
        if (count == 0) {
            if (waiter == null) return -Errno.EAGAIN;
            wait.add(waiter);
            return -Errno.BLOCKED;
        }
        long value = semaphore ? 1 : count;
        count -= value;
        putLong(dst, off, value);
        wait.wakeUpPoll(Poll.POLLOUT);
        return 8;
    }

    /**
     * Adds the 8-byte value: EINVAL for a buffer of any other size (Linux checks the size
     * strictly since 6.10) or the value 0xffffffffffffffff; a sleep (EAGAIN without a waiter) while the sum would pass the
     * largest count.
     */
    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len != 8) return -Errno.EINVAL;
        long value = getLong(src, off);
        if (value == -1L) return -Errno.EINVAL;
        if (Long.compareUnsigned(value, MAX - count) > 0) {
            if (waiter == null) return -Errno.EAGAIN;
            wait.add(waiter);
            return -Errno.BLOCKED;
        }
        count += value;
        wait.wakeUpPoll(Poll.POLLIN);
        return 8;
    }

    /** Linux's eventfd_poll: POLLIN while the counter is not 0, POLLOUT while 1 more fits. */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        if (waiter != null) wait.add(waiter);
        int mask = 0;
        if (count != 0) mask |= Poll.POLLIN;
        if (Long.compareUnsigned(count, MAX) < 0) mask |= Poll.POLLOUT;
        return mask;
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
