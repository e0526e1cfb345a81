package fs;

import syscall.Errno;
import vm.PhysicalMemory;

/**
 * What the file system's objects cost, and the limits on them: the guest pays for every
 * object it can multiply with the machine's memory, as on Linux, so that it runs out of
 * memory (and gets Linux's errno) before the host runs out of heap.
 *
 * <ul>
 * <li><b>Inodes and names</b> are charged to the kernel's slab ({@link #INODE_BYTES},
 * {@link #DENTRY_BYTES}); at most {@link #maxInodes()} in-memory inodes exist at once, half
 * the machine's pages as tmpfs's nr_inodes (ENOSPC beyond).
 * <li><b>Open file descriptions</b> ({@link OpenFile}) cost {@link #FILE_BYTES} each, and at
 * most {@link #fileMax()} exist (/proc/sys/fs/file-max, sized from memory as Linux's
 * files_maxfiles_init; ENFILE beyond).
 * <li><b>File data</b> lives in frames ({@link RegularFile}), at most {@link #capacityPages()}
 * of them, half the memory as tmpfs's default size= (ENOSPC beyond).
 * <li><b>Pipe buffers</b> are frames taken as data arrives ({@link Pipe}); a pipe's ring is
 * limited by /proc/sys/fs/pipe-max-size, and all pipes together by pipe-user-pages-soft and
 * -hard, as Linux limits an unprivileged user's pipes (every Clonix task is treated as
 * unprivileged here: the guest is not trusted with CAP_SYS_RESOURCE).
 * <li><b>Symlink targets</b> and the text a /proc file keeps for an open file are charged to
 * the slab by their length.
 * </ul>
 *
 * <p>A charge is made when the object is created and given back when it is freed. Callers
 * that create objects on a guest's request check first ({@link Vfs#hasRoomForInode},
 * {@link #newFileError}) so that a refused call creates nothing; objects the kernel makes on
 * its own account (a /proc entry, the console's description) are charged when memory allows
 * and otherwise live uncharged, bounded by the tasks and descriptions they belong to.
 */
public final class FsMemory {
    /** What an inode costs in the slab: Linux's struct inode with tmpfs's part, about 600 bytes. */
    public static final int INODE_BYTES = 600;
    /** What a name in a directory costs: Linux's struct dentry, 192 bytes, names of up to 32 bytes inside. */
    public static final int DENTRY_BYTES = 192;
    /** The longest name a dentry holds inline (DNAME_INLINE_LEN); a longer one is allocated apart. */
    public static final int DNAME_INLINE_LEN = 32;
    /** What an open file description costs: Linux's struct file, in a 256-byte slab object. */
    public static final int FILE_BYTES = 256;
    /** Linux's lower bound on file-max (NR_FILE). */
    public static final int NR_FILE = 8192;
    /** The default of /proc/sys/fs/pipe-max-size: the largest F_SETPIPE_SZ of an unprivileged task. */
    public static final int PIPE_MAX_SIZE = 1 << 20;
    /** The default of /proc/sys/fs/pipe-user-pages-soft: 1024 pipes of 16 pages. */
    public static final int PIPE_USER_PAGES_SOFT = 16 * 1024;

    private final PhysicalMemory phys;
    private final int maxInodes;
    private final long capacityPages;
    private int fileMax;
    private long pipeMaxSize = PIPE_MAX_SIZE;
    private int pipeUserPagesSoft = PIPE_USER_PAGES_SOFT;
    private int pipeUserPagesHard;
    private int openFiles;
    private long filePages;
    private long pipeUserPages;
    private long slabBytes;

    /** The budgets of a file system whose objects live in {@code phys}, sized from its memory. */
    public FsMemory(PhysicalMemory phys) {
        this.phys = phys;
        long pages = phys.totalFrames();
        this.maxInodes = (int) Math.max(1, pages / 2);
        this.capacityPages = pages / 2;
        // files_maxfiles_init: 10% of memory in 1 KiB units, at least NR_FILE. (Linux first
        // takes out 3/2 of the memory the kernel used at boot; Clonix's kernel uses none then.)
        this.fileMax = (int) Math.min(Integer.MAX_VALUE, Math.max(NR_FILE, pages * (PhysicalMemory.FRAME_SIZE / 1024) / 10));
    }

    /** The machine's memory, where file data and pipe buffers take their frames. */
    public PhysicalMemory physicalMemory() {
        return phys;
    }

    // ---------------------------------------------------------------- slab charges

    /** Charges {@code bytes} of a kernel object to the slab: false, charging nothing, if memory is full. */
    public boolean charge(long bytes) {
        if (!phys.chargeSlab(bytes)) return false;
        slabBytes += bytes;
        return true;
    }

    /** Gives back a charge made with {@link #charge}. */
    public void uncharge(long bytes) {
        phys.unchargeSlab(bytes);
        slabBytes -= bytes;
    }

    /** The bytes of the slab the file system's objects hold now (inodes, names, descriptions, pipes, page indexes). */
    public long slabBytes() {
        return slabBytes;
    }

    /** Whether {@code bytes} more could be charged now. */
    boolean canCharge(long bytes) {
        return phys.canChargeSlab(bytes);
    }

    /** What a name of {@code name}'s length costs: a dentry, and the name itself if it is long. */
    static long dentryBytes(String name) {
        int len = name.length();
        return DENTRY_BYTES + (len > DNAME_INLINE_LEN ? len + 1 : 0);
    }

    /** The most in-memory inodes at once (tmpfs's nr_inodes: half the pages). */
    public int maxInodes() {
        return maxInodes;
    }

    // ---------------------------------------------------------------- open files

    /** /proc/sys/fs/file-max: the most open file descriptions at once. */
    public int fileMax() {
        return fileMax;
    }

    /** Sets file-max (writing /proc/sys/fs/file-max); false (EINVAL) if negative. */
    public boolean setFileMax(int max) {
        if (max < 0) return false;
        fileMax = max;
        return true;
    }

    /** How many open file descriptions exist (the first figure of /proc/sys/fs/file-nr). */
    public int openFiles() {
        return openFiles;
    }

    /**
     * Whether {@code n} new open file descriptions may be made, as Linux's alloc_empty_file
     * decides: 0, -ENFILE past file-max, or -ENOMEM if the slab cannot hold them.
     */
    public long newFileError(int n) {
        if ((long) openFiles + n > fileMax) return -Errno.ENFILE;
        if (!canCharge((long) n * FILE_BYTES)) return -Errno.ENOMEM;
        return 0;
    }

    /** Counts a new description and charges it if memory allows; true if charged. */
    boolean fileOpened() {
        openFiles++;
        return charge(FILE_BYTES);
    }

    /** Counts a released description, giving back its charge if it had one. */
    void fileReleased(boolean charged) {
        openFiles--;
        if (charged) uncharge(FILE_BYTES);
    }

    // ---------------------------------------------------------------- epoll watches

    /** What one epoll watch costs (Linux's EP_ITEM_COST: struct epitem and its eppoll_entry). */
    public static final int EP_ITEM_BYTES = 128 + 72;

    private long epollWatches;

    /**
     * /proc/sys/fs/epoll/max_user_watches: Linux allows the watches 4% of memory
     * (totalram / 25 divided by EP_ITEM_COST). Clonix counts the whole machine's watches
     * against it, as if all belonged to one user.
     */
    public long maxUserWatches() {
        return phys.totalFrames() / 25 * PhysicalMemory.FRAME_SIZE / EP_ITEM_BYTES;
    }

    /**
     * Takes one epoll watch (Linux's ep_insert): 0, or -ENOSPC past max_user_watches, or
     * -ENOMEM when the slab cannot hold it. {@link #removeEpollWatch} gives it back.
     */
    public long addEpollWatch() {
        if (epollWatches >= maxUserWatches()) return -Errno.ENOSPC;
        if (!charge(EP_ITEM_BYTES)) return -Errno.ENOMEM;
        epollWatches++;
        return 0;
    }

    /** Gives back a watch taken by {@link #addEpollWatch}. */
    public void removeEpollWatch() {
        epollWatches--;
        uncharge(EP_ITEM_BYTES);
    }

    /** The epoll watches that exist now. */
    public long epollWatches() {
        return epollWatches;
    }

    // ---------------------------------------------------------------- file data

    /** The most pages of file data (tmpfs's size=, half the memory): ENOSPC beyond. */
    public long capacityPages() {
        return capacityPages;
    }

    /** Pages of file data held now (meminfo's Shmem, as tmpfs pages are). */
    public long filePages() {
        return filePages;
    }

    /**
     * A zeroed frame for a page of file data: the frame, or -ENOSPC when the file system is
     * full, -ENOMEM when memory is.
     */
    int allocateFilePage() {
        if (filePages >= capacityPages) return -Errno.ENOSPC;
        int frame = phys.allocate(PhysicalMemory.PageKind.SHMEM);
        if (frame == PhysicalMemory.NO_FRAME) return -Errno.ENOMEM;
        filePages++;
        return frame;
    }

    /** Frees a frame taken with {@link #allocateFilePage}. */
    void freeFilePage(int frame) {
        phys.release(frame);
        filePages--;
    }

    // ---------------------------------------------------------------- pipes

    /** /proc/sys/fs/pipe-max-size: the largest size F_SETPIPE_SZ grants, in bytes. */
    public long pipeMaxSize() {
        return pipeMaxSize;
    }

    /**
     * Sets pipe-max-size, rounded as a pipe size is (a power of two pages, at least one);
     * false (EINVAL) for a negative size or one that does not round (over 2 GiB), as Linux's
     * proc_dopipe_max_size.
     */
    public boolean setPipeMaxSize(long size) {
        long rounded = size < 0 ? 0 : Pipe.roundSize(size);
        if (rounded == 0) return false;
        pipeMaxSize = rounded;
        return true;
    }

    /** /proc/sys/fs/pipe-user-pages-soft: past it new pipes get PIPE_MIN_DEF_BUFFERS pages (0: no limit). */
    public int pipeUserPagesSoft() {
        return pipeUserPagesSoft;
    }

    /** Sets pipe-user-pages-soft; false (EINVAL) if negative. */
    public boolean setPipeUserPagesSoft(int pages) {
        if (pages < 0) return false;
        pipeUserPagesSoft = pages;
        return true;
    }

    /** /proc/sys/fs/pipe-user-pages-hard: past it no pipe is made or grown (0: no limit). */
    public int pipeUserPagesHard() {
        return pipeUserPagesHard;
    }

    /** Sets pipe-user-pages-hard; false (EINVAL) if negative. */
    public boolean setPipeUserPagesHard(int pages) {
        if (pages < 0) return false;
        pipeUserPagesHard = pages;
        return true;
    }

    /** The ring slots all pipes have been given (Linux's user->pipe_bufs; every task is one user). */
    public long pipeUserPages() {
        return pipeUserPages;
    }

    /** Linux's account_pipe_buffers: replaces a pipe's {@code old} slots by {@code now}; returns the new total. */
    long accountPipeSlots(int old, int now) {
        pipeUserPages += now - old;
        return pipeUserPages;
    }

    /** too_many_pipe_buffers_soft. */
    boolean overPipeSoftLimit(long userPages) {
        return pipeUserPagesSoft != 0 && userPages > pipeUserPagesSoft;
    }

    /** too_many_pipe_buffers_hard. */
    boolean overPipeHardLimit(long userPages) {
        return pipeUserPagesHard != 0 && userPages > pipeUserPagesHard;
    }

    /** A zeroed frame for a pipe buffer, or NO_FRAME when memory is full. */
    int allocatePipePage() {
        return phys.allocate(PhysicalMemory.PageKind.PIPE);
    }

    /** Frees a pipe buffer's frame. */
    void freePipePage(int frame) {
        phys.release(frame);
    }
}
