package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vm.AccessKind;
import vm.PhysicalMemory;

/** The page-fault handler: demand paging, SIGSEGV codes, stack growth and running out of memory. */
class PageFaultTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);
    private final long stackBottom = mm.vmas().get(mm.vmas().size() - 1).start();

    @Test
    void residentPagesGrowOnlyWhenTouched() {
        long a = mm.mmap(0, 64 * PAGE, RW, ANON_PRIVATE, -1, 0);
        long rss = mm.addressSpace().residentPages();
        int used = phys.allocatedFrames();
        assertEquals(0, Fixture.read(mm, a + 10 * PAGE), "a fresh anonymous page reads as zero");
        Fixture.write(mm, a + 20 * PAGE + 7, 99);
        Fixture.write(mm, a + 20 * PAGE + 8, 98);
        assertEquals(rss + 2, mm.addressSpace().residentPages());
        assertEquals(used + 2, phys.allocatedFrames());
        assertEquals(99, Fixture.read(mm, a + 20 * PAGE + 7));
    }

    @Test
    void anAddressWithNoVmaIsMaperr() {
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, 0x10, Fixture.touch(mm, 0x10, AccessKind.READ, 0));
        long hole = 0x20000000L;
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, hole, Fixture.touch(mm, hole, AccessKind.WRITE, 1));
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, -8L, Fixture.touch(mm, -8L, AccessKind.READ, 0));
    }

    @Test
    void anAccessTheVmaForbidsIsAccerr() {
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, Fixture.TEXT, Fixture.touch(mm, Fixture.TEXT, AccessKind.WRITE, 1));
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, Fixture.DATA, Fixture.touch(mm, Fixture.DATA, AccessKind.EXECUTE, 0));
        long none = mm.mmap(0, PAGE, Vma.PROT_NONE, ANON_PRIVATE, -1, 0);
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, none + 5, Fixture.touch(mm, none + 5, AccessKind.READ, 0));
        assertEquals(0x11, Fixture.read(mm, Fixture.TEXT), "text stays readable");
    }

    @Test
    void theStackGrowsOnAFaultJustBelowIt() {
        long rss = mm.addressSpace().residentPages();
        long target = stackBottom - 10 * PAGE + 8;
        Fixture.write(mm, target, 3);
        assertEquals(Mm.pageDown(target), mm.vmaAt(target).start(), "grown to the faulting page");
        assertTrue(mm.vmaAt(target).isStack());
        assertEquals(rss + 1, mm.addressSpace().residentPages(), "only the touched page is allocated");
        assertEquals(3, Fixture.read(mm, target));
    }

    @Test
    void theStackGrowsUpToItsLimitAndNoFurther() {
        long lowest = Mm.TASK_SIZE - Mm.DEFAULT_STACK_LIMIT;
        Fixture.write(mm, lowest, 1);
        assertEquals(lowest, mm.vmaAt(lowest).start());
        assertEquals(8 * 1024, mm.usage().vmStkKb(), "VmStk is the whole 8 MiB");
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, lowest - 1, Fixture.touch(mm, lowest - 1, AccessKind.WRITE, 1));
    }

    @Test
    void aSmallerStackLimitIsHonoured() {
        mm.setStackLimit(Mm.TASK_SIZE - stackBottom + PAGE);
        Fixture.write(mm, stackBottom - PAGE, 1);
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, stackBottom - 2 * PAGE,
                Fixture.touch(mm, stackBottom - 2 * PAGE, AccessKind.READ, 0));
    }

    @Test
    void theStackDoesNotGrowIntoTheGuardGapOfAMappingBelow() {
        long below = stackBottom - 20 * PAGE - Mm.STACK_GUARD_GAP;
        assertEquals(below, mm.mmap(below, PAGE, RW, ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
        Fixture.write(mm, stackBottom - 19 * PAGE, 1);
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, stackBottom - 21 * PAGE,
                Fixture.touch(mm, stackBottom - 21 * PAGE, AccessKind.WRITE, 1));
    }

    @Test
    void aMapGrowsDownRegionGrowsLikeTheStack() {
        long a = mm.mmap(0x30000000L, PAGE, RW, ANON_PRIVATE | Mmap.MAP_GROWSDOWN, -1, 0);
        Fixture.write(mm, a - 3 * PAGE, 1);
        assertEquals(a - 3 * PAGE, mm.vmaAt(a).start());
    }

    @Test
    void runningOutOfFramesIsOutOfMemoryAndChangesNothing() {
        int free = phys.freeFrames();
        long a = mm.mmap(0, (free + 1L) * PAGE, RW, ANON_PRIVATE | Mmap.MAP_NORESERVE, -1, 0);
        long last = a;
        while (Fixture.touch(mm, last, AccessKind.WRITE, 1).isResolved()) last += PAGE;
        assertEquals(0, phys.freeFrames(), "pages and their page tables took every frame");
        long rss = mm.addressSpace().residentPages();
        assertEquals(FaultResult.outOfMemory(last), Fixture.touch(mm, last, AccessKind.WRITE, 1));
        assertEquals(rss, mm.addressSpace().residentPages());
        assertEquals(0, mm.munmap(a, (free + 1L) * PAGE));
        assertEquals(free, phys.freeFrames(), "every frame of the mapping came back");
        Fixture.write(mm, mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 0), 1); // memory is usable again
    }
}
