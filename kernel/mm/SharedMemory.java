package mm;

import java.util.Map;
import java.util.TreeMap;
import vm.PhysicalMemory;

/**
 * The memory behind one MAP_SHARED | MAP_ANONYMOUS mapping, Linux's shmem object (the file
 * "/dev/zero (deleted)" in /proc/PID/maps). Private anonymous pages can simply be created
 * by whichever process touches them first; shared ones cannot, because after fork the
 * parent and the child must find the <em>same</em> frame for a page neither had touched
 * before. This object remembers, for each page index of the mapping, the frame chosen the
 * first time any process faulted it in.
 *
 * <p><b>Ownership.</b> The object holds one reference to each of its frames, and each page
 * table mapping such a frame holds its own. The object itself is counted by the VMAs that
 * point to it, in every mm ({@link VmaTree} calls {@link #get} and {@link #put} as VMAs enter
 * and leave a tree); when the last VMA goes, its frames are released.
 */
final class SharedMemory {
    private final PhysicalMemory phys;
    /** Page index within the mapping to frame; sorted so that release order is fixed. */
    private final TreeMap<Long, Integer> frames = new TreeMap<>();
    private int vmaRefs;

    /** An empty shared object whose pages come from {@code phys}. */
    SharedMemory(PhysicalMemory phys) {
        this.phys = phys;
    }

    /**
     * The frame holding page {@code index}, allocating a zeroed one on first use; or
     * {@link PhysicalMemory#NO_FRAME} when memory is exhausted. The caller maps it with
     * {@code AddressSpace.mapFrame}, which takes the page table's own reference.
     */
    int frameAt(long index) {
        Integer f = frames.get(index);
        if (f != null) return f;
        int frame = phys.allocate(PhysicalMemory.PageKind.SHMEM);
        if (frame != PhysicalMemory.NO_FRAME) frames.put(index, frame);
        return frame;
    }

    /** Whether page {@code index} has a frame (mincore's answer for shared memory). */
    boolean hasFrame(long index) {
        return frames.containsKey(index);
    }

    /** Number of pages that have a frame. */
    int residentPages() {
        return frames.size();
    }

    /** One more VMA refers to this object. */
    void get() {
        vmaRefs++;
    }

    /** A VMA referring to this object went away; the last one frees the frames. */
    void put() {
        if (--vmaRefs > 0) return;
        if (vmaRefs < 0) throw new IllegalStateException("shared memory released twice");
        for (Map.Entry<Long, Integer> e : frames.entrySet()) phys.release(e.getValue());
        frames.clear();
    }
}
