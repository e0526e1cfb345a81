package fs;

import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;
import vm.PhysicalMemory;

/**
 * A pipe, as Linux's {@code pipe_inode_info}: a ring of buffers between the descriptions
 * opened for its read end and for its write end. The inode is S_IFIFO on the pipe file
 * system and, being unnamed, lives until both ends close.
 *
 * <p><b>Buffers are pages</b>, as Linux's {@code pipe_buffer}s: each slot of the ring holds
 * one frame of the machine's memory with an offset and a length, taken when data arrives and
 * freed as soon as a reader has drained it, so an idle pipe costs no page. A pipe has 16
 * slots (64 KiB) by default; F_SETPIPE_SZ changes that ({@link #setSize}). A write first
 * tops up the last page with the part of its data that is not a whole page, if it fits
 * there, then fills fresh pages one slot each: so 3000-byte writes fill 16 pages with
 * 48,000 bytes, exactly as on Linux. When no frame can be had a write returns what it wrote,
 * or ENOMEM if nothing (Linux's pipe_write when alloc_page fails).
 *
 * <p><b>Limits</b> ({@link FsMemory}): a new pipe gets 16 slots, fewer if pipe-max-size is
 * smaller, and only {@link #MIN_DEF_BUFFERS} once the slots of all pipes pass
 * pipe-user-pages-soft. The pipe's own structures are charged to the slab with its inode.
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
    /** Slots of a new pipe (Linux's PIPE_DEF_BUFFERS): 64 KiB. */
    public static final int DEF_BUFFERS = 16;
    /** Slots of a new pipe once pipe-user-pages-soft is passed (Linux's PIPE_MIN_DEF_BUFFERS). */
    public static final int MIN_DEF_BUFFERS = 2;
    /** Writes up to this size are atomic (POSIX PIPE_BUF, Linux's 4096). */
    public static final int PIPE_BUF = 4096;
    /** What the pipe's own structure costs in the slab (struct pipe_inode_info). */
    public static final int INFO_BYTES = 192;
    /** What each slot costs in the slab (struct pipe_buffer). */
    public static final int BUFFER_BYTES = 40;

    private static final int PAGE = PhysicalMemory.FRAME_SIZE;

    private final FsMemory memory;
    /** The ring: a slot holds {@code len[s]} bytes at {@code offset[s]} in frame {@code frame[s]}. */
    private int[] frame, offset, len;
    /** The number of slots, a power of two (a page count from {@link #roundSize}, 16 or 2). */
    private int slots;
    /**
     * Slots in use are those of the counters {@code tail .. head-1} (Linux's head and tail,
     * which only grow; {@link #slot} maps a counter to its slot, wrapping included).
     */
    private int head, tail;
    private int used;
    private long charged;
    private int readers, writers;
    private final WaitQueue readWait = new WaitQueue();
    private final WaitQueue writeWait = new WaitQueue();

    /** A new pipe with no ends open; open them with {@code new OpenFile(pipe, O_RDONLY / O_WRONLY)}. */
    public Pipe(Vfs vfs) {
        this(vfs, 0600);
    }

    /**
     * A pipe with the given permission bits (a named FIFO's come from mknod) and the slots
     * {@link #defaultSlots} gives, accounted to the pipes' total and, if memory allows,
     * charged to the slab (pipe2 checks first with {@link #newPipeError}).
     */
    protected Pipe(Vfs vfs, int perms) {
        super(vfs, Mode.S_IFIFO | (perms & Mode.PERMISSIONS));
        memory = vfs.memory();
        slots = defaultSlots(memory);
        memory.accountPipeSlots(0, slots);
        frame = new int[slots];
        offset = new int[slots];
        len = new int[slots];
        long cost = INFO_BYTES + (long) slots * BUFFER_BYTES;
        if (memory.charge(cost)) charged = cost;
    }

    /**
     * The slots a new pipe gets (Linux's alloc_pipe_info): 16, or as many as pipe-max-size
     * allows if that is less, or {@link #MIN_DEF_BUFFERS} if the pipes' total would pass
     * pipe-user-pages-soft.
     */
    static int defaultSlots(FsMemory m) {
        int n = (int) Math.min(DEF_BUFFERS, m.pipeMaxSize() / PAGE);
        return m.overPipeSoftLimit(m.pipeUserPages() + n) ? MIN_DEF_BUFFERS : n;
    }

    /**
     * Whether pipe2 may make a pipe now: 0, or -ENFILE if the pipes' total would pass
     * pipe-user-pages-hard or memory cannot hold the pipe's inode and structures (Linux's
     * create_pipe_files answers ENFILE when get_pipe_inode fails, whatever the reason).
     */
    static long newPipeError(Vfs vfs) {
        FsMemory m = vfs.memory();
        int n = defaultSlots(m);
        if (m.overPipeHardLimit(m.pipeUserPages() + n)) return -Errno.ENFILE;
        long cost = FsMemory.INODE_BYTES + INFO_BYTES + (long) n * BUFFER_BYTES;
        if (!vfs.hasRoomForInode() || !m.canCharge(cost)) return -Errno.ENFILE;
        return 0;
    }

    @Override
    public String dname() {
        return "pipe:[" + ino() + "]";
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

    /** The capacity in bytes: slots times the page size (F_GETPIPE_SZ; st_size stays 0). */
    public int bufferSize() {
        return slots * PAGE;
    }

    /** Pages holding data now. */
    public int pagesInUse() {
        return head - tail;
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
        // Data nobody can read any more is dropped: a named FIFO loses it, as on Linux.
        if (readers == 0 && writers == 0) drain();
        super.released(file);
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (used == 0) {
            if (writers == 0) return 0;
            return sleepOn(readWait, waiter);
        }
        int done = 0;
        while (done < len && tail != head) {
            int s = slot(tail);
            int n = Math.min(len - done, this.len[s]);
            System.arraycopy(memory.physicalMemory().data(frame[s]), offset[s], dst, off + done, n);
            offset[s] += n;
            this.len[s] -= n;
            done += n;
            if (this.len[s] == 0) freeSlot(s);
        }
        used -= done;
        touchAccess();
        writeWait.wakeUpPoll(Poll.POLLOUT | Poll.POLLWRNORM);
        return done;
    }

    /**
     * Puts back in front the last {@code len} bytes a read took, {@code src[off..]}, because
     * they could not reach the reader's buffer (see Inode#unread). Nothing else ran on the
     * pipe since that read, so the bytes go back where they came from: first into the page
     * the read stopped in (its offset moved past them), then into fresh pages in front of it,
     * which the read has just freed. Only if the failed copy itself took those frames (a
     * reader's buffer faulting in while memory is exhausted) can a page be missing; the bytes
     * that do not fit are then lost, the reader having got EFAULT.
     */
    @Override
    public void unread(byte[] src, int off, int len) {
        int end = off + len;
        if (tail != head) {
            int s = slot(tail);
            int n = Math.min(offset[s], end - off);
            offset[s] -= n;
            this.len[s] += n;
            System.arraycopy(src, end - n, memory.physicalMemory().data(frame[s]), offset[s], n);
            end -= n;
        }
        while (end > off && head - tail < slots) {
            int f = memory.allocatePipePage();
            if (f == PhysicalMemory.NO_FRAME) break;
            int n = Math.min(PAGE, end - off);
            tail--;
            int s = slot(tail);
            frame[s] = f;
            offset[s] = PAGE - n;
            this.len[s] = n;
            System.arraycopy(src, end - n, memory.physicalMemory().data(f), offset[s], n);
            end -= n;
        }
        used += len - (end - off);
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (readers == 0) return -Errno.EPIPE;
        int done = 0;
        // The part that is not a whole page joins the last page if it fits there (Linux's merge).
        int chars = len & (PAGE - 1);
        if (chars != 0 && head != tail) {
            int s = slot(head - 1);
            int end = offset[s] + this.len[s];
            if (end + chars <= PAGE) {
                System.arraycopy(src, off, memory.physicalMemory().data(frame[s]), end, chars);
                this.len[s] += chars;
                done = chars;
            }
        }
        while (done < len && head - tail < slots) {
            int f = memory.allocatePipePage();
            if (f == PhysicalMemory.NO_FRAME) return wrote(done > 0 ? done : -Errno.ENOMEM);
            int n = Math.min(PAGE, len - done);
            System.arraycopy(src, off + done, memory.physicalMemory().data(f), 0, n);
            int s = slot(head);
            frame[s] = f;
            offset[s] = 0;
            this.len[s] = n;
            head++;
            done += n;
        }
        if (done == 0) return sleepOn(writeWait, waiter);
        return wrote(done);
    }

    /** Ends a write that moved {@code n} bytes (or failed with {@code -errno}): wakes the readers. */
    private long wrote(long n) {
        if (n > 0) {
            used += (int) n;
            touchModify();
            readWait.wakeUpPoll(Poll.POLLIN | Poll.POLLRDNORM);
        }
        return n;
    }

    /**
     * F_SETPIPE_SZ (Linux's pipe_set_size): makes the ring hold {@code bytes} (an unsigned
     * 32-bit value), rounded up to a power of two pages. Returns the new size, or, in Linux's
     * order, -EINVAL (more than 2 GiB), -EPERM (growing past pipe-max-size, or the pipes'
     * total past pipe-user-pages-soft or -hard), -ENOMEM (no memory for the ring), -EBUSY
     * (the pages in use would not fit).
     */
    public long setSize(long bytes) {
        long size = roundSize(bytes);
        if (size == 0) return -Errno.EINVAL;
        int n = (int) (size / PAGE);
        if (n > slots && size > memory.pipeMaxSize()) return -Errno.EPERM;
        long total = memory.pipeUserPages() - slots + n;
        if (n > slots && (memory.overPipeHardLimit(total) || memory.overPipeSoftLimit(total))) return -Errno.EPERM;
        // An uncharged pipe (made by the kernel when memory was full) stays uncharged.
        long cost = charged == 0 ? 0 : INFO_BYTES + (long) n * BUFFER_BYTES;
        if (cost > charged && !memory.charge(cost - charged)) return -Errno.ENOMEM;
        if (head - tail > n) {
            if (cost > charged) memory.uncharge(cost - charged);
            return -Errno.EBUSY;
        }
        if (cost < charged) memory.uncharge(charged - cost);
        charged = cost;
        resizeRing(n);
        memory.accountPipeSlots(slots, n);
        slots = n;
        return size;
    }

    /** Linux's round_pipe_size: a page at least, then the next power of two; 0 above 2 GiB. */
    static long roundSize(long bytes) {
        if (bytes < 0 || bytes > 1L << 31) return 0;
        if (bytes < PAGE) return PAGE;
        return Long.highestOneBit(bytes - 1) << 1;
    }

    /** Moves the slots in use to a ring of {@code n} slots, oldest first. */
    private void resizeRing(int n) {
        int[] f = new int[n], o = new int[n], l = new int[n];
        int count = head - tail;
        for (int i = 0; i < count; i++) {
            int s = slot(tail + i);
            f[i] = frame[s];
            o[i] = offset[s];
            l[i] = len[s];
        }
        frame = f;
        offset = o;
        len = l;
        tail = 0;
        head = count;
    }

    /**
     * Linux's pipe_poll: a read end is readable while data waits and hung up (POLLHUP) once
     * no writer is left; a write end is writable while a slot is free and in error
     * (POLLERR) once no reader is left. Both ends wait on both queues, as Linux's does.
     */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        if (waiter != null) {
            readWait.add(waiter);
            writeWait.add(waiter);
        }
        int mask = 0;
        if (file.isReadable()) {
            if (used > 0) mask |= Poll.POLLIN | Poll.POLLRDNORM;
            if (writers == 0 && writerCameSince(file)) mask |= Poll.POLLHUP;
        }
        if (file.isWritable()) {
            if (head - tail < slots) mask |= Poll.POLLOUT | Poll.POLLWRNORM;
            if (readers == 0) mask |= Poll.POLLERR;
        }
        return mask;
    }

    @Override
    public boolean canPoll() {
        return true;
    }

    /**
     * Whether a writer has opened this pipe since {@code file}, a read end, was opened, so
     * that having none now is a hang-up. A pipe's write end was made with it: always.
     */
    protected boolean writerCameSince(OpenFile file) {
        return true;
    }

    /** FIONREAD: the bytes waiting in the pipe. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        if (request == Ioctls.FIONREAD) return putUserInt(mem, arg, used);
        return -Errno.ENOTTY;
    }

    @Override
    protected void evict() {
        drain();
        memory.accountPipeSlots(slots, 0);
        if (charged > 0) memory.uncharge(charged);
        charged = 0;
    }

    /** Frees every page still holding data. */
    private void drain() {
        while (tail != head) freeSlot(slot(tail));
        used = 0;
    }

    /** Frees the page of the oldest slot, {@code s}, and moves the tail past it. */
    private void freeSlot(int s) {
        memory.freePipePage(frame[s]);
        len[s] = 0;
        tail++;
    }

    /** The slot of ring counter {@code i}. */
    private int slot(int i) {
        return i & (slots - 1);
    }

    private static long sleepOn(WaitQueue queue, Waiter waiter) {
        if (waiter == null) return -Errno.EAGAIN;
        queue.add(waiter);
        return -Errno.BLOCKED;
    }
}
