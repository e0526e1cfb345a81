package fs;

import procfs.ProcDirectory;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import syscall.Errno;
import vm.PhysicalMemory;

/**
 * The file system of one Clonix machine: an in-memory tree (ramfs) whose root holds the
 * standard directories /bin, /dev, /etc, /proc (synthetic, see procfs), /tmp and
 * /usr/include, the devices /dev/null, /dev/zero and /dev/console, and /dev/shm, where
 * shm_open and sem_open keep their objects (sticky and writable by all, as /tmp). It also numbers inodes (1, 2, 3... in creation
 * order, so the same boot gives the same numbers) and reads the clock for file times.
 *
 * <p>The boot image builder fills it with {@link #installFile}; the kernel resolves paths
 * against it through each task's {@link FsStruct}. Everything in it is paid for in the
 * machine's memory, with the limits of {@link FsMemory}.
 */
public final class Vfs {
    /** st_dev of the in-memory file system (anonymous device 0:1). */
    public static final long RAMFS_DEV = 1;
    /** st_dev of pipes (pipefs, anonymous device 0:2). */
    public static final long PIPEFS_DEV = 2;
    /** st_dev of /proc (anonymous device 0:3). */
    public static final long PROC_DEV = 3;
    /** st_dev of a mounted host directory (anonymous device 0:4, see HostDirFs). */
    public static final long HOSTFS_DEV = 4;
    /** st_dev of sockets (sockfs, anonymous device 0:5, see net.SocketInode). */
    public static final long SOCKFS_DEV = 5;
    /**
     * st_dev of anonymous files, those with no name anywhere: eventfd, timerfd, signalfd and
     * epoll (Linux's anon_inodefs, anonymous device 0:6 here).
     */
    public static final long ANON_INODE_DEV = 6;

    /** The memory of a file system made without a machine (tests): 64 MiB. */
    static final long DEFAULT_MEMORY = 64L << 20;

    private final FsMemory memory;
    private int liveInodes;
    private final LongSupplier clock;
    private IntSupplier creatorUid = () -> 0, creatorGid = () -> 0;
    private long lastIno;
    private final Directory root;
    private final ConsoleDevice console;
    private final ProcDirectory proc;

    /**
     * A file system with times fixed at 0, a console that discards output and has no input,
     * and 64 MiB of memory of its own.
     */
    public Vfs() {
        this(() -> 0L, discardingConsole());
    }

    private static Console discardingConsole() {
        return new Console() {
            @Override
            public void write(byte[] src, int off, int len) {}

            @Override
            public int read(byte[] dst, int off, int len) {
                return 0;
            }
        };
    }

    /**
     * A file system whose file times come from {@code clockNanos} (nanoseconds since the epoch,
     * virtual time: the core's clock), whose /dev/console talks to {@code console}, with
     * 64 MiB of memory of its own.
     */
    public Vfs(LongSupplier clockNanos, Console console) {
        this(clockNanos, console, new PhysicalMemory(DEFAULT_MEMORY));
    }

    /** As {@link #Vfs(LongSupplier, Console)}, on the machine memory {@code phys}, which pays for everything in it. */
    public Vfs(LongSupplier clockNanos, Console console, PhysicalMemory phys) {
        this.clock = clockNanos;
        this.memory = new FsMemory(phys);
        this.root = new Directory(this, 0755, true);
        try {
            for (String dir : new String[] {"bin", "dev", "etc"}) root.link(dir, new Directory(this, 0755));
            this.proc = new ProcDirectory(this);
            root.link("proc", proc);
            root.link("tmp", new Directory(this, 01777));
            root.link("usr", new Directory(this, 0755));
            ((Directory) root.lookup("usr")).link("include", new Directory(this, 0755));
            Directory dev = (Directory) root.lookup("dev");
            dev.link("null", new NullDevice(this));
            dev.link("zero", new ZeroDevice(this));
            this.console = new ConsoleDevice(this, console);
            dev.link("console", this.console);
            dev.link("shm", new Directory(this, 01777)); // POSIX shared memory and named semaphores
        } catch (FsException e) {
            throw new IllegalStateException("building the root file system", e);
        }
    }

    /** The next inode number; numbers start at 1 (the root) and are never reused. */
    long nextInodeNumber() {
        return ++lastIno;
    }

    /** Counts a new inode (called by every Inode constructor). */
    void inodeCreated() {
        liveInodes++;
    }

    /** Counts an evicted inode. */
    void inodeEvicted() {
        liveInodes--;
    }

    /** What the file system's objects cost and the limits on them. */
    public FsMemory memory() {
        return memory;
    }

    /**
     * Whether another inode may be created: fewer than {@link FsMemory#maxInodes()} exist
     * and the slab can hold one more.
     */
    public boolean hasRoomForInode() {
        return liveInodes < memory.maxInodes() && memory.canCharge(FsMemory.INODE_BYTES);
    }

    /** How many inodes exist (not yet evicted). */
    public int liveInodes() {
        return liveInodes;
    }

    /**
     * Where new inodes take their owner from: the fsuid and fsgid of the task in the current
     * system call, as Linux's inode_init_owner does (both 0 until the kernel sets them).
     */
    public void setCreator(IntSupplier fsuid, IntSupplier fsgid) {
        creatorUid = fsuid;
        creatorGid = fsgid;
    }

    /** The owner a new inode gets: the creating task's fsuid. */
    int creatorUid() {
        return creatorUid.getAsInt();
    }

    /** The group a new inode gets: the creating task's fsgid. */
    int creatorGid() {
        return creatorGid.getAsInt();
    }

    /** The current time in nanoseconds, from the clock given at construction. */
    public long now() {
        return clock.getAsLong();
    }

    /** The root directory of the whole tree. */
    public Directory root() {
        return root;
    }

    /** The /proc directory, where the core adds its files (see procfs.ProcFs). */
    public ProcDirectory proc() {
        return proc;
    }

    /** /dev/console's device, where the boot code reports arriving input. */
    public ConsoleDevice console() {
        return console;
    }

    /** A new file-system context rooted at the root, for the first task (init). */
    public FsStruct newFsStruct() {
        return new FsStruct(root);
    }

    /** Resolves an absolute path from the real root, following symlinks. */
    public Inode lookup(String absolutePath) throws FsException {
        return PathWalker.resolve(newFsStruct(), root, absolutePath, true);
    }

    /**
     * Host side (boot image builder): creates or replaces the regular file at the absolute
     * {@code path} with {@code data} and permission bits {@code mode}, creating missing parent
     * directories (mode 0755). Throws IllegalArgumentException if the path is not usable
     * (relative, names a directory, or crosses a non-directory) or the data does not fit
     * (RegularFile.MAX_SIZE, the file system's size, the machine's memory).
     */
    public RegularFile installFile(String path, byte[] data, int mode) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("not an absolute path: " + path);
        if (data.length > RegularFile.MAX_SIZE) throw new IllegalArgumentException("too large: " + path);
        try {
            int slash = path.lastIndexOf('/');
            Directory dir = mkdirs(path.substring(0, slash));
            String name = path.substring(slash + 1);
            if (name.isEmpty()) throw new IllegalArgumentException("names a directory: " + path);
            Inode old = dir.lookup(name);
            if (old != null && old.isDirectory()) throw new IllegalArgumentException("is a directory: " + path);
            RegularFile file = new RegularFile(this, mode);
            if (file.write(null, 0, data, 0, data.length, null) != data.length) {
                throw new IllegalArgumentException("file system full: " + path);
            }
            if (old != null) dir.unlink(name);
            dir.link(name, file);
            return file;
        } catch (FsException e) {
            throw new IllegalArgumentException(Errno.name(e.errno()) + ": " + path);
        }
    }

    /**
     * Host side, at boot: mounts the file system whose root directory is {@code fsRoot} at
     * the absolute {@code path}, creating the parent directories. Clonix's mount table is
     * the tree itself: the root of the mounted file system is linked under its name in the
     * parent directory, and path resolution simply walks into it, as it walks into /proc.
     * The mounted directory's ".." is that parent. The name must be free.
     */
    public void mount(String path, Directory fsRoot) throws FsException {
        int slash = path.lastIndexOf('/');
        Directory parent = mkdirs(path.substring(0, slash));
        parent.link(path.substring(slash + 1), fsRoot);
    }

    /** Host side: the directory at the absolute {@code path}, created (mode 0755) with its parents if missing. */
    public Directory mkdirs(String path) throws FsException {
        Directory dir = root;
        for (String name : PathWalker.components(path)) {
            if (name.length() > PathWalker.NAME_MAX) throw new FsException(Errno.ENAMETOOLONG);
            Inode next = name.equals(".") ? dir : name.equals("..") ? dir.parent() : dir.lookup(name);
            if (next == null) {
                next = new Directory(this, 0755);
                dir.link(name, next);
            }
            if (!(next instanceof Directory d)) throw new FsException(Errno.ENOTDIR);
            dir = d;
        }
        return dir;
    }
}
