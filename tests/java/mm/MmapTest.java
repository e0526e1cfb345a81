package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.ANON_SHARED;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.PhysicalMemory;

/** mmap and munmap: Linux's argument checks and errno values, placement, splitting and merging. */
class MmapTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);

    @Test
    void lengthZeroIsEinval() {
        assertEquals(-Errno.EINVAL, mm.mmap(0, 0, RW, ANON_PRIVATE, -1, 0));
    }

    @Test
    void unalignedOffsetIsEinval() {
        assertEquals(-Errno.EINVAL, mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 100));
    }

    @Test
    void unalignedFixedAddressIsEinval() {
        assertEquals(-Errno.EINVAL, mm.mmap(0x10000123L, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
    }

    @Test
    void mappingTypeMustBeExactlySharedOrPrivate() {
        assertEquals(-Errno.EINVAL, mm.mmap(0, PAGE, RW, Mmap.MAP_ANONYMOUS, -1, 0), "neither");
        assertEquals(-Errno.EINVAL, mm.mmap(0, PAGE, RW, ANON_SHARED | Mmap.MAP_PRIVATE, -1, 0),
                "both (MAP_SHARED_VALIDATE is for files only)");
    }

    @Test
    void fileMappingsAreNotSupported() {
        assertEquals(-Errno.EBADF, mm.mmap(0, PAGE, RW, Mmap.MAP_PRIVATE, -1, 0));
        assertEquals(-Errno.EBADF, mm.mmap(0, PAGE, RW, Mmap.MAP_PRIVATE, 0xffffffffL, 0), "fd is a 32-bit int");
        assertEquals(-Errno.ENODEV, mm.mmap(0, PAGE, RW, Mmap.MAP_PRIVATE, 3, 0));
    }

    @Test
    void hugeLengthIsEnomem() {
        assertEquals(-Errno.ENOMEM, mm.mmap(0, -1L, RW, ANON_PRIVATE, -1, 0), "page-aligning overflows");
        assertEquals(-Errno.ENOMEM, mm.mmap(0, Long.MAX_VALUE - 10, RW, ANON_PRIVATE, -1, 0));
        assertEquals(-Errno.ENOMEM, mm.mmap(0, 1L << 47, RW, ANON_PRIVATE | Mmap.MAP_NORESERVE, -1, 0));
    }

    @Test
    void fixedMappingBeyondTaskSizeIsEnomem() {
        assertEquals(-Errno.ENOMEM, mm.mmap(Mm.TASK_SIZE, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
    }

    @Test
    void fixedMappingBelowMmapMinAddrIsEperm() {
        assertEquals(-Errno.EPERM, mm.mmap(0, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
    }

    @Test
    void overcommitRefusesPrivateWritableMappingLargerThanMemory() {
        long tooBig = (phys.totalFrames() + 1L) * PAGE;
        assertEquals(-Errno.ENOMEM, mm.mmap(0, tooBig, RW, ANON_PRIVATE, -1, 0));
        assertTrue(mm.mmap(0, tooBig, RW, ANON_PRIVATE | Mmap.MAP_NORESERVE, -1, 0) > 0, "MAP_NORESERVE");
        assertTrue(mm.mmap(0, tooBig, Vma.PROT_READ, ANON_PRIVATE, -1, 0) > 0, "read-only is not accounted");
    }

    @Test
    void fixedNoReplaceOverAnExistingMappingIsEexist() {
        long a = mm.mmap(0, 2 * PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals(-Errno.EEXIST, mm.mmap(a + PAGE, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED_NOREPLACE, -1, 0));
        long free = a - 16 * PAGE;
        assertEquals(free, mm.mmap(free, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED_NOREPLACE, -1, 0));
    }

    @Test
    void placementIsTopDownBelowMmapBase() {
        assertEquals(0x7ffff7fff000L, mm.mmapBase(), "TASK_SIZE - 128 MiB, as Linux without ASLR");
        long a = mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 0);
        long b = mm.mmap(0, 3 * PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals(mm.mmapBase() - PAGE, a);
        assertEquals(a - 3 * PAGE, b);
        // Adjacent anonymous mappings with equal protection merge into one VMA, as on Linux.
        Vma v = mm.vmaAt(a);
        assertEquals(b, v.start());
        assertEquals(a + PAGE, v.end());
    }

    @Test
    void aFreedGapIsReused() {
        long a = mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 0);
        long b = mm.mmap(0, PAGE, Vma.PROT_READ, ANON_PRIVATE, -1, 0);
        mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals(0, mm.munmap(b, PAGE));
        assertEquals(b, mm.mmap(0, PAGE, Vma.PROT_READ, ANON_PRIVATE, -1, 0), "highest gap that fits");
        assertEquals(a, mm.vmaAt(a).start());
    }

    @Test
    void aFreeHintIsUsedAndAnOccupiedOneIsNot() {
        long hint = 0x10000000L;
        assertEquals(hint, mm.mmap(hint + 5, PAGE, RW, ANON_PRIVATE, -1, 0), "rounded down to a page");
        long other = mm.mmap(hint, PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals(mm.mmapBase() - PAGE, other);
        assertEquals(other - PAGE, mm.mmap(-PAGE, PAGE, RW, ANON_PRIVATE, -1, 0), "a hint past TASK_SIZE is ignored");
    }

    @Test
    void mapFixedReplacesWhatWasThere() {
        long a = mm.mmap(0, 3 * PAGE, RW, ANON_PRIVATE, -1, 0);
        Fixture.write(mm, a + PAGE, 7);
        assertEquals(a + PAGE, mm.mmap(a + PAGE, PAGE, Vma.PROT_READ, ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
        assertEquals(0, Fixture.read(mm, a + PAGE), "fresh zero page");
        assertEquals(List.of("rw-p", "r--p", "rw-p"), perms(a, a + 3 * PAGE));
    }

    @Test
    void munmapChecksAlignmentAndLength() {
        assertEquals(-Errno.EINVAL, mm.munmap(0x10000001L, PAGE));
        assertEquals(-Errno.EINVAL, mm.munmap(0x10000000L, 0));
        assertEquals(-Errno.EINVAL, mm.munmap(Mm.TASK_SIZE - PAGE, 2 * PAGE));
        assertEquals(0, mm.munmap(0x10000000L, PAGE), "nothing mapped there is fine");
    }

    @Test
    void munmapOfTheMiddleSplitsTheVma() {
        long a = mm.mmap(0, 4 * PAGE, RW, ANON_PRIVATE, -1, 0);
        for (int i = 0; i < 4; i++) Fixture.write(mm, a + i * PAGE, i + 1);
        long before = phys.allocatedFrames();
        assertEquals(0, mm.munmap(a + PAGE, 2 * PAGE - 100), "length rounds up to whole pages");
        assertEquals(before - 2, phys.allocatedFrames(), "the two pages' frames are freed");
        assertEquals(a + PAGE, mm.vmaAt(a).end());
        assertNull(mm.vmaAt(a + PAGE));
        assertNull(mm.vmaAt(a + 2 * PAGE));
        assertEquals(a + 3 * PAGE, mm.vmaAt(a + 3 * PAGE).start());
        assertEquals(1, Fixture.read(mm, a));
        assertEquals(4, Fixture.read(mm, a + 3 * PAGE));
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, a + PAGE, Fixture.touch(mm, a + PAGE, vm.AccessKind.READ, 0));
    }

    @Test
    void populateAllocatesAtOnceAndDemandPagingDoesNot() {
        long rss = mm.addressSpace().residentPages();
        mm.mmap(0, 8 * PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals(rss, mm.addressSpace().residentPages(), "nothing touched yet");
        mm.mmap(0, 8 * PAGE, RW, ANON_PRIVATE | Mmap.MAP_POPULATE, -1, 0);
        assertEquals(rss + 8, mm.addressSpace().residentPages());
        mm.mmap(0, 2 * PAGE, RW, ANON_SHARED, -1, 0);
        assertEquals(rss + 8, mm.addressSpace().residentPages(), "shared memory is demand-paged too");
        mm.mmap(0, 2 * PAGE, RW, ANON_SHARED | Mmap.MAP_POPULATE, -1, 0);
        assertEquals(rss + 10, mm.addressSpace().residentPages());
        mm.mmap(0, 2 * PAGE, Vma.PROT_NONE, ANON_PRIVATE | Mmap.MAP_POPULATE, -1, 0);
        assertEquals(rss + 10, mm.addressSpace().residentPages(), "PROT_NONE is not populated");
    }

    @Test
    void growsDownMappingsMustBePrivate() {
        assertEquals(-Errno.EINVAL, mm.mmap(0, PAGE, RW, ANON_SHARED | Mmap.MAP_GROWSDOWN, -1, 0));
        long a = mm.mmap(0, PAGE, RW, ANON_PRIVATE | Mmap.MAP_GROWSDOWN, -1, 0);
        assertTrue(mm.vmaAt(a).growsDown());
    }

    private List<String> perms(long start, long end) {
        return mm.vmas().stream().filter(v -> v.start() >= start && v.end() <= end).map(Vma::permissions).toList();
    }
}
