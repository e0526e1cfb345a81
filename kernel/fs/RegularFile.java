package fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import sync.Waiter;
import syscall.Errno;
import vm.PhysicalMemory;

/**
 * A regular file of the in-memory file system, kept as tmpfs keeps it: its data is a page
 * cache of frames of the machine's memory, one per 4 KiB page of the file that holds data.
 * A hole (a page never written, or beyond a truncation) has no frame and reads as zeros, so a
 * sparse file costs only the pages written. Reads past the end return 0 (end of file); a
 * write past the end leaves a hole, as on Linux.
 *
 * <p><b>Limits.</b> A file holds at most {@link #MAX_SIZE} bytes (EFBIG beyond) and all files
 * together at most the file system's size, half the machine's memory ({@link FsMemory}:
 * ENOSPC beyond); a write that finds no free frame gets ENOMEM. A write that runs into a
 * limit after some bytes returns that count, as Linux's generic_perform_write does. The
 * page index itself (Linux's xarray) is charged to the slab a chunk at a time.
 *
 * <p><b>Mappings.</b> mmap maps the frames of the page cache themselves ({@link #mapPage}),
 * as tmpfs does, so a store through a MAP_SHARED mapping is what read(2) returns next, and
 * a write(2) is seen at once through every mapping. The file remembers which address
 * spaces map it ({@link FileMapper}); truncating it unmaps the pages beyond the new end
 * from all of them before their frames are dropped.
 */
public final class RegularFile extends Inode {
    /** The largest file size, Clonix's stand-in for the file system's s_maxbytes. */
    public static final long MAX_SIZE = 64L << 20;

    private static final int PAGE = PhysicalMemory.FRAME_SIZE;
    /** Pages per chunk of the page index: one chunk maps 2 MiB of the file. */
    private static final int CHUNK_PAGES = 512;
    /** What a chunk of the page index costs in the slab (512 frame numbers). */
    static final int CHUNK_BYTES = 4 * CHUNK_PAGES;

    /** The page index: {@code chunks[p / 512][p % 512]} is page p's frame + 1, or 0 for a hole. */
    private final int[][] chunks = new int[(int) (MAX_SIZE / PAGE / CHUNK_PAGES)][];
    /** How many pages of each chunk hold data. */
    private final int[] chunkPages = new int[chunks.length];
    private long size;
    private int pages;
    /** The address spaces mapping this file, with how many of their VMAs do (insertion order). */
    private final Map<FileMapper, Integer> mappers = new LinkedHashMap<>();

    /** A new, empty, unlinked regular file with the given permission bits. */
    public RegularFile(Vfs vfs, int perms) {
        super(vfs, Mode.S_IFREG | (perms & Mode.PERMISSIONS));
    }

    @Override
    public long size() {
        return size;
    }

    /** Pages that hold data (st_blocks counts them, as tmpfs's do). */
    public int pages() {
        return pages;
    }

    /** A copy of the contents, holes as zeros (for tests and the loader). */
    public byte[] contents() {
        byte[] all = new byte[(int) size];
        copyOut(0, all, 0, all.length);
        return all;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        touchAccess();
        if (pos >= size) return 0;
        int n = (int) Math.min(len, size - pos);
        copyOut(pos, dst, off, n);
        return n;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (pos >= MAX_SIZE) return -Errno.EFBIG;
        int n = (int) Math.min(len, MAX_SIZE - pos);
        int done = 0;
        while (done < n) {
            long at = pos + done;
            int frame = pageFor(at / PAGE);
            if (frame < 0) {
                if (done == 0) return frame;
                break;
            }
            int chunk = Math.min(n - done, PAGE - (int) (at % PAGE));
            System.arraycopy(src, off + done, data(frame), (int) (at % PAGE), chunk);
            done += chunk;
        }
        size = Math.max(size, pos + done);
        touchModify();
        return done;
    }

    @Override
    public int truncate(long length) {
        if (length < 0) return -Errno.EINVAL;
        if (length > MAX_SIZE) return -Errno.EFBIG;
        if (length < size) {
            // Whole pages beyond the end go; the rest of the last page is zeroed, so that a
            // later extension reads zeros there as in a hole.
            long firstGone = (length + PAGE - 1) / PAGE;
            for (FileMapper m : mappers.keySet()) m.unmapFilePages(this, firstGone, MAX_SIZE / PAGE, true);
            for (long p = firstGone, last = (size - 1) / PAGE; p <= last; p++) dropPage(p);
            int frame = frameOf(length / PAGE);
            if (frame >= 0) Arrays.fill(data(frame), (int) (length % PAGE), PAGE, (byte) 0);
        }
        size = length;
        touchModify();
        return 0;
    }

    /**
     * fallocate(2) as tmpfs's shmem_fallocate does it: mode 0 or FALLOC_FL_KEEP_SIZE gives
     * every page of [offset, offset+len) a frame (and, without KEEP_SIZE, makes the file at
     * least offset+len long); FALLOC_FL_PUNCH_HOLE|KEEP_SIZE turns the range into a hole
     * (whole pages freed, the edges of partial ones zeroed). Any other mode is EOPNOTSUPP.
     * If memory runs out, the pages this call added are given back and the call fails with
     * ENOSPC or ENOMEM, the file as it was. The caller has checked the arguments.
     */
    @Override
    public long fallocate(int mode, long offset, long len) {
        if ((mode & ~(StorageSyscalls.FALLOC_FL_KEEP_SIZE | StorageSyscalls.FALLOC_FL_PUNCH_HOLE)) != 0) {
            return -Errno.EOPNOTSUPP;
        }
        long end = offset + len;
        if (end > MAX_SIZE) return -Errno.EFBIG;
        if ((mode & StorageSyscalls.FALLOC_FL_PUNCH_HOLE) != 0) {
            punchByteRange(offset, end);
            return 0;
        }
        List<Long> added = new ArrayList<>();
        for (long p = offset / PAGE; p <= (end - 1) / PAGE; p++) {
            if (frameOf(p) >= 0) continue;
            int frame = pageFor(p);
            if (frame < 0) {
                for (long q : added) dropPage(q);
                return frame;
            }
            added.add(p);
        }
        if ((mode & StorageSyscalls.FALLOC_FL_KEEP_SIZE) == 0 && end > size) size = end;
        touchChange();
        return 0;
    }

    /**
     * FALLOC_FL_PUNCH_HOLE on the bytes [start, end): the whole pages inside become a hole
     * ({@link #punchHole}, which also takes them out of every mapping), and the parts of the
     * pages at either end are zeroed in place, where mappings of them see the zeros.
     */
    private void punchByteRange(long start, long end) {
        long firstWhole = (start + PAGE - 1) / PAGE, endWhole = end / PAGE;
        if (firstWhole < endWhole) punchHole(firstWhole, endWhole);
        zeroBytes(start, Math.min(end, firstWhole * PAGE));
        if (endWhole >= firstWhole) zeroBytes(Math.max(start, endWhole * PAGE), end);
        touchModify();
    }

    /** Zeroes the bytes [start, end) of the pages that have frames (a missing page reads as zeros already). */
    private void zeroBytes(long start, long end) {
        for (long at = start; at < end; ) {
            long p = at / PAGE;
            long pageEnd = Math.min(end, (p + 1) * PAGE);
            int frame = frameOf(p);
            if (frame >= 0) Arrays.fill(data(frame), (int) (at % PAGE), (int) (pageEnd - p * PAGE), (byte) 0);
            at = pageEnd;
        }
    }

    /** FIONREAD: the bytes between the file offset and the end of the file. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        if (request != Ioctls.FIONREAD) return -Errno.ENOTTY;
        return putUserInt(mem, arg, (int) Math.max(0, Math.min(Integer.MAX_VALUE, size - file.position())));
    }

    @Override
    protected void evict() {
        for (long p = 0; p < MAX_SIZE / PAGE; p += CHUNK_PAGES) {
            if (chunks[(int) (p / CHUNK_PAGES)] == null) continue;
            for (long q = p; q < p + CHUNK_PAGES; q++) dropPage(q);
        }
        size = 0;
    }

    /**
     * The frame holding page {@code index} of the file, for a page fault in a mapping of it
     * (Linux's shmem_fault): a hole gets its frame now, as a write would give it, so that
     * every mapping and read(2) see the same page from then on. The caller maps the frame,
     * which takes the page table's own reference; whether the page lies within the file's
     * size is the caller's to check. Returns the frame, or -ENOSPC when the file system is
     * full, -ENOMEM when memory is.
     */
    public int mapPage(long index) {
        if (index < 0 || index >= MAX_SIZE / PAGE) return -Errno.ENOSPC;
        return pageFor(index);
    }

    /** The frame of page {@code index}, or -1 for a hole (or an index past the largest file). */
    public int frameAt(long index) {
        return index >= 0 && index < MAX_SIZE / PAGE ? frameOf(index) : -1;
    }

    /** Whether page {@code index} holds data (mincore's answer for a page of the file). */
    public boolean hasPage(long index) {
        return frameAt(index) >= 0;
    }

    /**
     * Makes pages {@code [from, to)} a hole, as fallocate's FALLOC_FL_PUNCH_HOLE does for
     * whole pages (madvise MADV_REMOVE): every mapping stops mapping them (private copies
     * made from them stay), their frames are freed, and they read as zeros. The size stays.
     */
    public void punchHole(long from, long to) {
        from = Math.max(0, from);
        to = Math.min(to, MAX_SIZE / PAGE);
        if (from >= to) return;
        for (FileMapper m : mappers.keySet()) m.unmapFilePages(this, from, to, false);
        for (long p = from; p < to; p++) dropPage(p);
        touchModify();
    }

    /** One more VMA of {@code mapper} maps this file (the mapping's VmaTree calls it as VMAs come). */
    public void addMapper(FileMapper mapper) {
        mappers.merge(mapper, 1, Integer::sum);
    }

    /** A VMA of {@code mapper} mapping this file went away. */
    public void removeMapper(FileMapper mapper) {
        Integer n = mappers.get(mapper);
        if (n == null) throw new IllegalStateException("file " + ino() + " is not mapped there");
        if (n == 1) mappers.remove(mapper);
        else mappers.put(mapper, n - 1);
    }

    /** Copies {@code n} bytes from {@code pos} (within the file) into {@code dst[off..]}. */
    private void copyOut(long pos, byte[] dst, int off, int n) {
        for (int done = 0; done < n; ) {
            long at = pos + done;
            int chunk = Math.min(n - done, PAGE - (int) (at % PAGE));
            int frame = frameOf(at / PAGE);
            if (frame >= 0) System.arraycopy(data(frame), (int) (at % PAGE), dst, off + done, chunk);
            else Arrays.fill(dst, off + done, off + done + chunk, (byte) 0);
            done += chunk;
        }
    }

    /** The frame of page {@code p}, or -1 for a hole. */
    private int frameOf(long p) {
        int[] chunk = chunks[(int) (p / CHUNK_PAGES)];
        return chunk == null ? -1 : chunk[(int) (p % CHUNK_PAGES)] - 1;
    }

    /** The frame of page {@code p}, given one if it is a hole; or -ENOSPC / -ENOMEM. */
    private int pageFor(long p) {
        int frame = frameOf(p);
        if (frame >= 0) return frame;
        FsMemory memory = vfs().memory();
        int c = (int) (p / CHUNK_PAGES);
        if (chunks[c] == null) {
            if (!memory.charge(CHUNK_BYTES)) return -Errno.ENOMEM;
            chunks[c] = new int[CHUNK_PAGES];
        }
        frame = memory.allocateFilePage();
        if (frame < 0) {
            dropChunkIfEmpty(c);
            return frame;
        }
        chunks[c][(int) (p % CHUNK_PAGES)] = frame + 1;
        chunkPages[c]++;
        pages++;
        return frame;
    }

    /** Frees page {@code p}'s frame, if it has one, and its chunk of the index once empty. */
    private void dropPage(long p) {
        int frame = frameOf(p);
        if (frame < 0) return;
        int c = (int) (p / CHUNK_PAGES);
        chunks[c][(int) (p % CHUNK_PAGES)] = 0;
        chunkPages[c]--;
        pages--;
        vfs().memory().freeFilePage(frame);
        dropChunkIfEmpty(c);
    }

    private void dropChunkIfEmpty(int c) {
        if (chunkPages[c] > 0) return;
        chunks[c] = null;
        vfs().memory().uncharge(CHUNK_BYTES);
    }

    private byte[] data(int frame) {
        return vfs().memory().physicalMemory().data(frame);
    }
}
