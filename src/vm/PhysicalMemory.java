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
 */
public final class PhysicalMemory {
    public static final int FRAME_SIZE = 4096;
    public static final int FRAME_SHIFT = 12;
    /** What {@link #allocate} returns when every frame is in use. */
    public static final int NO_FRAME = -1;

    private final int total;
    private final byte[][] data;
    private final int[] refs;
    /** Free frames, a stack: {@code free[0..freeCount)}, the next one to hand out on top. */
    private final int[] free;
    private int freeCount;

    /** Memory of {@code bytes} bytes, rounded down to whole frames (at least one frame). */
    public PhysicalMemory(long bytes) {
        if (bytes < FRAME_SIZE || bytes / FRAME_SIZE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("physical memory size out of range: " + bytes);
        }
        total = (int) (bytes / FRAME_SIZE);
        data = new byte[total][];
        refs = new int[total];
        free = new int[total];
        for (int i = 0; i < total; i++) free[i] = total - 1 - i;
        freeCount = total;
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

    /** Number of frames in use (total - free). */
    public int usedFrames() {
        return total - freeCount;
    }

    /**
     * Takes a free frame, filled with zeros, with reference count 1. Returns its number, or
     * {@link #NO_FRAME} if memory is exhausted. Called by AddressSpace and by the kernel.
     */
    public int allocate() {
        if (freeCount == 0) return NO_FRAME;
        int f = free[--freeCount];
        if (data[f] == null) data[f] = new byte[FRAME_SIZE];
        else Arrays.fill(data[f], (byte) 0);
        refs[f] = 1;
        return f;
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

    private void check(int frame) {
        if (frame < 0 || frame >= total) throw new IllegalArgumentException("no frame " + frame);
        if (refs[frame] <= 0) throw new IllegalStateException("frame " + frame + " is not allocated");
    }
}
