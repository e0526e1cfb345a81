package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.ANON_SHARED;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;
import vm.AccessKind;
import vm.PhysicalMemory;

/** fork, CLONE_VM sharing and release: copy-on-write, shared mappings, and every frame freed once. */
class ForkTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final int usedAtStart = phys.usedFrames();
    private final Mm parent = Fixture.exec(phys);

    @Test
    void writesAfterForkAreNotSeenByTheOtherSide() throws Exception {
        long a = parent.mmap(0, 2 * PAGE, RW, ANON_PRIVATE, -1, 0);
        Fixture.write(parent, a, 1);
        Fixture.write(parent, Fixture.DATA, 10);
        Mm child = parent.fork();
        assertEquals(parent.maps(), child.maps(), "same VMAs");
        Fixture.write(child, a, 2);
        Fixture.write(parent, Fixture.DATA, 11);
        assertEquals(1, Fixture.read(parent, a));
        assertEquals(2, Fixture.read(child, a));
        assertEquals(11, Fixture.read(parent, Fixture.DATA));
        assertEquals(10, Fixture.read(child, Fixture.DATA));
        // A page nobody had touched before fork is demand-paged separately on each side.
        Fixture.write(child, a + PAGE, 5);
        assertEquals(0, Fixture.read(parent, a + PAGE));
        child.release();
        parent.release();
        assertEquals(usedAtStart, phys.usedFrames(), "every frame is free again");
    }

    @Test
    @PartOfLab("cow")
    void forkCostsNoFramesUntilSomethingIsWritten() throws Exception {
        int used = phys.allocatedFrames();
        Mm child = parent.fork();
        assertEquals(used, phys.allocatedFrames());
        assertEquals(0x11, Fixture.read(child, Fixture.TEXT));
        assertEquals(used, phys.allocatedFrames(), "reads share the frames");
        Fixture.write(child, Fixture.DATA, 1);
        assertEquals(used + 1, phys.allocatedFrames(), "one write, one copy");
        parent.release();
        Fixture.write(child, Fixture.DATA + 1, 1);
        child.release();
        assertEquals(usedAtStart, phys.usedFrames());
    }

    @Test
    void sharedAnonymousMemoryStaysSharedAfterFork() throws Exception {
        long s = parent.mmap(0, 2 * PAGE, RW, ANON_SHARED, -1, 0);
        Mm child = parent.fork();
        Fixture.write(child, s + PAGE + 3, 77);
        assertEquals(77, Fixture.read(parent, s + PAGE + 3), "a page untouched before fork is shared too");
        Fixture.write(parent, s, 9);
        assertEquals(9, Fixture.read(child, s));
        assertEquals("rw-s", child.vmaAt(s).permissions());
        parent.release();
        assertEquals(9, Fixture.read(child, s), "the child keeps the pages after the parent exits");
        child.release();
        assertEquals(usedAtStart, phys.usedFrames());
    }

    @Test
    @PartOfLab("cow")
    void sharedAnonymousMemoryIsDemandPagedAndFreedWithItsLastVma() throws Exception {
        int used = phys.allocatedFrames();
        long s = parent.mmap(0, 3 * PAGE, RW, ANON_SHARED, -1, 0);
        assertEquals(used, phys.allocatedFrames(), "nothing allocated by mmap");
        Mm child = parent.fork();
        Fixture.write(child, s + 2 * PAGE, 1);
        assertEquals(used + 1, phys.allocatedFrames(), "one page, one frame, for both processes");
        assertEquals(1, Fixture.read(parent, s + 2 * PAGE));
        // Cut the parent's VMA in three; the pieces still share the one object with the child.
        assertEquals(0, parent.munmap(s + PAGE, PAGE));
        assertEquals(0, parent.mprotect(s, PAGE, Vma.PROT_READ));
        Fixture.write(child, s, 8);
        assertEquals(8, Fixture.read(parent, s));
        Fixture.write(parent, s + 2 * PAGE, 2);
        assertEquals(2, Fixture.read(child, s + 2 * PAGE));
        Fixture.write(child, s + PAGE, 3);
        assertEquals(used + 3, phys.allocatedFrames());
        child.release();
        assertEquals(2, Fixture.read(parent, s + 2 * PAGE));
        parent.release();
        assertEquals(usedAtStart, phys.usedFrames());
    }

    @Test
    void sharedAnonymousMemoryShowsAsDevZeroInMaps() throws Exception {
        long s = parent.mmap(0, 2 * PAGE, RW, ANON_SHARED, -1, 0);
        parent.munmap(s, PAGE);
        String line = String.format("%x-%x rw-s 00001000 00:01 0", s + PAGE, s + 2 * PAGE);
        String expected = line + " ".repeat(73 - line.length()) + "/dev/zero (deleted)\n";
        assertEquals(true, parent.maps().contains(expected), parent.maps());
    }

    @Test
    void theStackAndHeapAreCopiedToo() throws Exception {
        long heap = parent.startBrk();
        parent.brk(heap + PAGE);
        Fixture.write(parent, heap, 4);
        long deep = parent.vmas().get(parent.vmas().size() - 1).start() - 5 * PAGE;
        Fixture.write(parent, deep, 6);
        Mm child = parent.fork();
        assertEquals(heap + PAGE, child.currentBrk());
        assertEquals(4, Fixture.read(child, heap));
        assertEquals(6, Fixture.read(child, deep));
        Fixture.write(child, deep - PAGE, 1);
        Fixture.assertSegv(FaultResult.SEGV_MAPERR, 0x1000, Fixture.touch(child, 0x1000, AccessKind.READ, 0));
        child.release();
        parent.release();
        assertEquals(usedAtStart, phys.usedFrames());
    }

    @Test
    void sharedMmIsFreedByItsLastUserOnly() throws Exception {
        assertSame(parent, parent.share());
        assertEquals(2, parent.users());
        parent.release();
        assertEquals(1, parent.users());
        assertEquals(0x11, Fixture.read(parent, Fixture.TEXT), "still mapped for the other thread");
        parent.release();
        assertEquals(0, parent.users());
        assertEquals(usedAtStart, phys.usedFrames());
        assertEquals(0, parent.addressSpace().residentPages());
        assertThrows(IllegalStateException.class, parent::release, "a second release is a kernel bug");
    }

    @Test
    @PartOfLab("cow")
    void copyOnWriteOutOfMemoryIsReportedAndHarmless() throws Exception {
        Mm child = parent.fork();
        long filler = parent.mmap(0, phys.totalFrames() * PAGE, RW, ANON_PRIVATE | Mmap.MAP_NORESERVE, -1, 0);
        for (long p = filler; phys.freeFrames() > 0; p += PAGE) Fixture.write(parent, p, 1);
        assertEquals(FaultResult.outOfMemory(Fixture.DATA), Fixture.touch(child, Fixture.DATA, AccessKind.WRITE, 7));
        assertEquals(42, Fixture.read(child, Fixture.DATA), "the shared page is unchanged");
        parent.release();
        Fixture.write(child, Fixture.DATA, 7);
        assertEquals(7, Fixture.read(child, Fixture.DATA));
        child.release();
        assertEquals(usedAtStart, phys.usedFrames());
    }
}
