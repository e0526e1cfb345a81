package vm;

import java.util.Arrays;

/**
 * The machine's physical memory: a fixed number of 4 KiB frames, each with a reference count.
 *
 * <p>A frame is in use while its count is positive. Each last-level page table (leaf) takes
 * one reference per PTE that maps the frame. After fork, parent and child share their leaves
 * (see {@link AddressSpace}), and a shared leaf still holds one reference per entry, so a
 * frame shared copy-on-write by a parent and a child has count 1 until one of them copies the
 * leaf to change it, and 2 from then on; it is freed only when no leaf maps it any more. The
 * kernel may take extra references (a page cache, a pipe buffer) with {@link #retain}.
 *
 * <p><b>Out of memory</b> is not an exception: {@link #allocate} returns {@link #NO_FRAME}
 * (-1), and the callers above it ({@link AddressSpace#map}, {@link AddressSpace#resolveCow})
 * turn that into a {@code false} / {@link CowResult#OUT_OF_MEMORY} result, which the kernel
 * turns into ENOMEM or the OOM killer. Freeing a frame twice is a kernel bug and throws.
 *
 * <p>Frame contents are plain {@code byte[4096]} arrays, created on first use so that a large
 * configured memory costs host memory only as it is touched. Allocation order is fixed (lowest
 * never-used frame first, then the most recently freed), so runs are reproducible.
 *
 * <p><b>The kernel's own memory.</b> Everything a guest can multiply costs memory, and that
 * memory comes out of these frames, as it does on Linux: page tables, task stacks and the
 * kernel's small objects (its slab: VMAs, queued signals, open files...) take frames with
 * {@link #reserve} or bytes with {@link #chargeSlab}. A reserved frame holds no data array
 * (the Java objects it stands for are the host memory it pays for; its array, if it had one,
 * is kept for the next allocation, up to a small bound), counts as used, and is
 * reported by {@link #kernelFrames} per {@link KernelUse} for /proc/meminfo. So a guest that
 * builds page tables or tasks runs out of frames, and gets ENOMEM or EAGAIN, before the host
 * runs out of heap.
 */
public final class PhysicalMemory {
    public static final int FRAME_SIZE = 4096;
    public static final int FRAME_SHIFT = 12;
    /** What {@link #allocate} returns when every frame is in use. */
    public static final int NO_FRAME = -1;
    /** The most data arrays kept for reuse beyond the frames' own: 1 MiB of host memory. */
    static final int SPARE_ARRAYS = 256;

    private final int total;
    private final byte[][] data;
    /**
     * Data arrays of frames taken by {@link #reserve}, kept (at most {@link #SPARE_ARRAYS})
     * for {@link #allocate} to reuse: fork and exit reserve and give back page-table frames
     * all the time, and would otherwise make the next allocations create new arrays.
     */
    private final byte[][] spare = new byte[SPARE_ARRAYS][];
    private int spareCount;
    private final int[] refs;
    /** What each allocated frame holds: a {@link PageKind} ordinal. */
    private final byte[] kind;
    private final int[] framesByKind = new int[PageKind.values().length];
    /** Free frames, a stack: {@code free[0..freeCount)}, the next one to hand out on top. */
    private final int[] free;
    private int freeCount;
    /** Frames taken by {@link #reserve}, a stack: {@code reserved[0..reservedCount)}. */
    private final int[] reserved;
    private int reservedCount;
    private final int[] reservedByUse = new int[KernelUse.values().length];
    /** Bytes charged with {@link #chargeSlab}; the slab holds ceil(slabBytes / FRAME_SIZE) reserved frames. */
    private long slabBytes;
    /** The arrays of page tables no longer in use, for the next ones (see {@link Quicklist}). */
    private final Quicklist quicklist = new Quicklist();
    /** How many frame data arrays {@link #allocate} has made new (rather than reused). */
    private long dataArraysCreated;

    /** What a frame taken with {@link #reserve} is for: the kernel lines of /proc/meminfo. */
    public enum KernelUse {
        /** Page tables (meminfo's PageTables). */
        PAGE_TABLES,
        /** Each task's kernel stack and task_struct (meminfo's KernelStack). */
        KERNEL_STACK,
        /** The kernel's small objects, charged by the byte with {@link #chargeSlab} (meminfo's Slab). */
        SLAB
    }

    /** What an allocated frame holds, for the lines of /proc/meminfo (Linux's vmstat counters). */
    public enum PageKind {
        /** A process's private memory, its program included (meminfo's AnonPages). */
        ANON,
        /** Shared memory: tmpfs file data and MAP_SHARED anonymous memory (meminfo's Shmem, counted in Cached). */
        SHMEM,
        /** A pipe buffer (shown in no line of its own, as on Linux). */
        PIPE
    }

    /** Memory of {@code bytes} bytes, rounded down to whole frames (at least one frame). */
    public PhysicalMemory(long bytes) {
        if (bytes < FRAME_SIZE || bytes / FRAME_SIZE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("physical memory size out of range: " + bytes);
        }
        total = (int) (bytes / FRAME_SIZE);
        data = new byte[total][];
        refs = new int[total];
        kind = new byte[total];
        free = new int[total];
        for (int i = 0; i < total; i++) free[i] = total - 1 - i;
        freeCount = total;
        reserved = new int[total];
    }

    /** Memory of {@code frames} frames. */
    public static PhysicalMemory ofFrames(int frames) {
        return new PhysicalMemory((long) frames * FRAME_SIZE);
    }

    /** Number of frames in the machine. */
    public int totalFrames() {
        return total;
    }

    /** Number of frames not in use. */
    public int freeFrames() {
        return freeCount;
    }

    /** Number of frames in use (total - free): holding data or reserved for the kernel. */
    public int usedFrames() {
        return total - freeCount;
    }

    /** Number of frames holding data: taken with {@link #allocate} and not yet freed. */
    public int allocatedFrames() {
        return total - freeCount - reservedCount;
    }

    /**
     * Takes a free frame, filled with zeros, with reference count 1, for a process's private
     * memory. Returns its number, or {@link #NO_FRAME} if memory is exhausted.
     */
    public int allocate() {
        return allocate(PageKind.ANON);
    }

    /** As {@link #allocate()}, for a frame that will hold {@code use}. */
    public int allocate(PageKind use) {
        if (freeCount == 0) return NO_FRAME;
        int f = free[--freeCount];
        if (data[f] == null && spareCount > 0) data[f] = spare[--spareCount];
        if (data[f] == null) {
            data[f] = new byte[FRAME_SIZE];
            dataArraysCreated++;
        } else Arrays.fill(data[f], (byte) 0);
        refs[f] = 1;
        kind[f] = (byte) use.ordinal();
        framesByKind[use.ordinal()]++;
        return f;
    }

    /** Number of allocated frames holding {@code use}. */
    public int frames(PageKind use) {
        return framesByKind[use.ordinal()];
    }

    /** Adds a reference to an allocated frame (one more PTE or kernel user shares it). */
    public void retain(int frame) {
        check(frame);
        refs[frame]++;
    }

    /**
     * Drops a reference to an allocated frame; the frame becomes free when the count reaches
     * zero. Returns true if this call freed it. Throws IllegalStateException for a frame that
     * is not allocated (a double free is a kernel bug, never a guest's doing).
     */
    public boolean release(int frame) {
        check(frame);
        if (--refs[frame] > 0) return false;
        framesByKind[kind[frame]]--;
        free[freeCount++] = frame;
        return true;
    }

    /** Reference count of a frame; 0 if it is free. */
    public int refCount(int frame) {
        if (frame < 0 || frame >= total) throw new IllegalArgumentException("no frame " + frame);
        return refs[frame];
    }

    /**
     * The live contents of an allocated frame: 4096 bytes the caller may read and write
     * directly (the loader does, to fill text pages). Writes are seen at once by every CPU.
     */
    public byte[] data(int frame) {
        check(frame);
        return data[frame];
    }

    /**
     * Takes {@code n} free frames for the kernel's own use {@code use} (see the class comment):
     * they count as used and hold no data. Returns false, taking nothing, if fewer than
     * {@code n} are free. Give them back with {@link #unreserve}.
     */
    public boolean reserve(int n, KernelUse use) {
        if (n < 0) throw new IllegalArgumentException("negative reservation: " + n);
        if (n > freeCount) return false;
        for (int i = 0; i < n; i++) {
            int f = free[--freeCount];
            // The host memory now pays for the kernel object instead of the frame's array.
            if (data[f] != null && spareCount < SPARE_ARRAYS) spare[spareCount++] = data[f];
            data[f] = null;
            reserved[reservedCount++] = f;
        }
        reservedByUse[use.ordinal()] += n;
        return true;
    }

    /** Gives back {@code n} frames taken with {@link #reserve} for {@code use}. */
    public void unreserve(int n, KernelUse use) {
        if (n < 0 || n > reservedByUse[use.ordinal()]) {
            throw new IllegalStateException("unreserving " + n + " frames of " + use + ", " + reservedByUse[use.ordinal()] + " held");
        }
        reservedByUse[use.ordinal()] -= n;
        for (int i = 0; i < n; i++) free[freeCount++] = reserved[--reservedCount];
    }

    /** Frames reserved for {@code use}. */
    public int kernelFrames(KernelUse use) {
        return reservedByUse[use.ordinal()];
    }

    /**
     * Charges {@code bytes} of a kernel object to the slab, reserving whole frames as the
     * total crosses frame boundaries, as Linux's slab caches take pages. Returns false,
     * charging nothing, if a frame was needed and none is free (the caller's ENOMEM).
     */
    public boolean chargeSlab(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("negative charge: " + bytes);
        int more = framesFor(slabBytes + bytes) - framesFor(slabBytes);
        if (more > 0 && !reserve(more, KernelUse.SLAB)) return false;
        slabBytes += bytes;
        return true;
    }

    /** Whether {@link #chargeSlab} of {@code bytes} would succeed now. */
    public boolean canChargeSlab(long bytes) {
        return framesFor(slabBytes + bytes) - framesFor(slabBytes) <= freeCount;
    }

    /** Gives back {@code bytes} charged with {@link #chargeSlab}, and the frames no longer needed. */
    public void unchargeSlab(long bytes) {
        if (bytes < 0 || bytes > slabBytes) throw new IllegalStateException("uncharging " + bytes + " of " + slabBytes + " slab bytes");
        int fewer = framesFor(slabBytes) - framesFor(slabBytes - bytes);
        slabBytes -= bytes;
        if (fewer > 0) unreserve(fewer, KernelUse.SLAB);
    }

    /** Bytes charged to the slab now. */
    public long slabBytes() {
        return slabBytes;
    }

    /** The quicklist of this machine's page-table arrays. */
    Quicklist quicklist() {
        return quicklist;
    }

    /**
     * Host arrays made for this machine since it started, rather than reused: frame data
     * arrays and page-table arrays of every level. Once a workload's memory has been touched,
     * a process that forks and exits in a loop makes none (docs/PERFORMANCE.md, "Process
     * creation"); a test checks it.
     */
    public long hostArraysCreated() {
        return dataArraysCreated + quicklist.created();
    }

    private static int framesFor(long bytes) {
        return (int) ((bytes + FRAME_SIZE - 1) / FRAME_SIZE);
    }

    private void check(int frame) {
        if (frame < 0 || frame >= total) throw new IllegalArgumentException("no frame " + frame);
        if (refs[frame] <= 0) throw new IllegalStateException("frame " + frame + " is not allocated");
    }
}
