package mm;

import static mm.Fixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vm.AccessKind;
import vm.PhysicalMemory;

/** brk: Linux's return values, growing and shrinking the [heap], and data surviving. */
class BrkTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);
    private final long start = mm.startBrk();

    @Test
    void theHeapStartsAtTheFirstPageAboveTheProgram() {
        assertEquals(Fixture.DATA + 3 * PAGE, start);
        assertEquals(start, mm.brk(0), "brk(0) asks for the current break");
        assertNull(mm.vmaAt(start), "no [heap] until it grows");
    }

    @Test
    void growingMakesAHeapVmaWithoutAllocating() {
        long rss = mm.addressSpace().residentPages();
        assertEquals(start + 10000, mm.brk(start + 10000), "the exact value is returned, unaligned");
        Vma heap = mm.vmaAt(start);
        assertTrue(heap.isHeap());
        assertEquals(start + 3 * PAGE, heap.end(), "the VMA ends at the page above the break");
        assertEquals(rss, mm.addressSpace().residentPages(), "pages come on first touch");
        assertEquals(start + 10000, mm.brk(0));
        assertEquals(start + 5 * PAGE, mm.brk(start + 5 * PAGE));
        assertEquals(start, mm.vmaAt(start + 4 * PAGE).start(), "grown in place: still one VMA");
    }

    @Test
    void dataSurvivesGrowthAndShrinkingFreesTheFramesAbove() {
        mm.brk(start + 4 * PAGE);
        for (int i = 0; i < 4; i++) Fixture.write(mm, start + i * PAGE, 10 + i);
        int used = phys.allocatedFrames();
        mm.brk(start + 8 * PAGE);
        assertEquals(13, Fixture.read(mm, start + 3 * PAGE));
        assertEquals(start + PAGE + 1, mm.brk(start + PAGE + 1));
        assertEquals(used - 2, phys.allocatedFrames(), "pages 2 and 3 are unmapped, page 1 holds the break");
        assertEquals(11, Fixture.read(mm, start + PAGE));
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, start + 2 * PAGE,
                Fixture.touch(mm, start + 2 * PAGE, AccessKind.READ, 0));
        mm.brk(start + 3 * PAGE);
        assertEquals(0, Fixture.read(mm, start + 2 * PAGE), "re-grown memory is zero");
    }

    @Test
    void belowTheStartTheBreakIsUnchanged() {
        mm.brk(start + PAGE);
        assertEquals(start + PAGE, mm.brk(start - 1));
        assertEquals(start + PAGE, mm.brk(Fixture.TEXT));
    }

    @Test
    void growingIntoAnotherMappingFailsWithTheOldBreak() {
        long wall = start + 4 * PAGE;
        assertEquals(wall, mm.mmap(wall, PAGE, Fixture.RW, Fixture.ANON_PRIVATE | Mmap.MAP_FIXED, -1, 0));
        assertEquals(start + 3 * PAGE, mm.brk(start + 3 * PAGE), "leaves one page free before the wall");
        assertEquals(start + 3 * PAGE, mm.brk(start + 3 * PAGE + 1));
        assertEquals(start + 3 * PAGE, mm.brk(start + 100 * PAGE));
    }

    @Test
    void growingBeyondPhysicalMemoryFails() {
        long huge = start + (phys.totalFrames() + 1L) * PAGE;
        assertEquals(start, mm.brk(huge));
    }

    @Test
    void theHeapShowsAsHeapInMaps() {
        mm.brk(start + 1);
        assertTrue(mm.maps().contains(String.format("%08x-%08x rw-p 00000000 00:00 0", start, start + PAGE)
                + " ".repeat(34) + "[heap]\n"), mm.maps());
    }
}
