package fs;

import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * A pipe, as Linux's {@code pipe_inode_info}: a 64 KiB ring buffer (16 pages, Linux's default
 * capacity) between the descriptions opened for its read end and for its write end. The
 * inode is S_IFIFO on the pipe file system and, being unnamed, lives until both ends close.
 *
 * <p>Linux's rules, each with a test: a read takes what is there (at least one byte); on an
 * empty pipe it sleeps while a writer exists and returns 0 (end of file) once none does. A
 * write of at most {@link #PIPE_BUF} bytes is atomic: it goes in whole or waits for room. A
 * larger write puts in what fits. With O_NONBLOCK, where a call would sleep it returns EAGAIN.
 * A write with no reader left fails with EPIPE, and the system-call layer then sends the
 * writer SIGPIPE (see {@link FileSyscalls#raisesSigpipe}).
 *
 * <p><b>Restarted calls.</b> A sleeping call is executed again from the start when woken
 * (see sync.WaitQueue), so a call never sleeps after it has moved data: a large blocking
 * write that fills the pipe returns its partial count instead of sleeping, a short write as
 * Linux makes when a signal interrupts a writer. Programs that loop on short writes, as
 * stdio does, see no difference.
 */
public class Pipe extends Inode {
    /** The capacity in bytes: 16 pages, Linux's default. */
    public static final int CAPACITY = 16 * 4096;
    /** Writes up to this size are atomic (POSIX PIPE_BUF, Linux's 4096). */
    public static final int PIPE_BUF = 4096;

    private final byte[] ring = new byte[CAPACITY];
    private int head;  // index of the oldest byte
    private int used;  // bytes in the pipe
    private int readers, writers;
    private final WaitQueue readWait = new WaitQueue();
    private final WaitQueue writeWait = new WaitQueue();

    /** A new pipe with no ends open; open them with {@code new OpenFile(pipe, O_RDONLY / O_WRONLY)}. */
    public Pipe(Vfs vfs) {
        this(vfs, 0600);
    }

    /** A pipe with the given permission bits (a named FIFO's come from mknod). */
    protected Pipe(Vfs vfs, int perms) {
        super(vfs, Mode.S_IFIFO | (perms & Mode.PERMISSIONS));
    }

    @Override
    public long dev() {
        return Vfs.PIPEFS_DEV;
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    /** Bytes waiting to be read (st_size of a pipe is 0, as on Linux; this is FIONREAD). */
    public int available() {
        return used;
    }

    /** The number of open read-end descriptions. */
    public int readers() {
        return readers;
    }

    /** The number of open write-end descriptions. */
    public int writers() {
        return writers;
    }

    /** The queue where readers sleep (on an empty pipe). */
    public WaitQueue readWait() {
        return readWait;
    }

    /** The queue where writers sleep (on a full pipe). */
    public WaitQueue writeWait() {
        return writeWait;
    }

    @Override
    protected void opened(OpenFile file) {
        super.opened(file);
        if (file.isReadable()) readers++;
        if (file.isWritable()) writers++;
    }

    @Override
    protected void released(OpenFile file) {
        if (file.isReadable() && --readers == 0) writeWait.wakeUp(); // writers now get EPIPE
        if (file.isWritable() && --writers == 0) readWait.wakeUp();  // readers now get EOF
        super.released(file);
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (used == 0) {
            if (writers == 0) return 0;
            return sleepOn(readWait, waiter);
        }
        int n = Math.min(len, used);
        int first = Math.min(n, CAPACITY - head);
        System.arraycopy(ring, head, dst, off, first);
        System.arraycopy(ring, 0, dst, off + first, n - first);
        head = (head + n) % CAPACITY;
        used -= n;
        touchAccess();
        writeWait.wakeUp();
        return n;
    }

    @Override
    public void unread(byte[] src, int off, int len) {
        head = (head - len + CAPACITY) % CAPACITY;
        int first = Math.min(len, CAPACITY - head);
        System.arraycopy(src, off, ring, head, first);
        System.arraycopy(src, off + first, ring, 0, len - first);
        used += len;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (readers == 0) return -Errno.EPIPE;
        int free = CAPACITY - used;
        if (len <= PIPE_BUF ? free < len : free == 0) return sleepOn(writeWait, waiter);
        int n = Math.min(len, free);
        int tail = (head + used) % CAPACITY;
        int first = Math.min(n, CAPACITY - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, n - first);
        used += n;
        touchModify();
        readWait.wakeUp();
        return n;
    }

    /** FIONREAD: the bytes waiting in the pipe. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        if (request == Ioctls.FIONREAD) return putUserInt(mem, arg, used);
        return -Errno.ENOTTY;
    }

    private static long sleepOn(WaitQueue queue, Waiter waiter) {
        if (waiter == null) return -Errno.EAGAIN;
        queue.add(waiter);
        return -Errno.BLOCKED;
    }
}
