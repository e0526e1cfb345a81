package mm;

import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fs.Console;
import fs.OpenFile;
import fs.OpenFlags;
import fs.RegularFile;
import fs.Vfs;
import org.junit.jupiter.api.Test;
import vm.AccessKind;
import vm.PhysicalMemory;
import vm.Pte;

/**
 * File mappings at the page-table level: a shared mapping maps the file's own frames, a
 * private one maps them copy-on-write, truncation unmaps what lies past the end in every
 * address space, the mapping keeps the file alive after close, and every frame comes back
 * once the mappings and the file are gone.
 */
class FileMappingTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(1024);
    private final Vfs vfs = new Vfs(() -> 0L, new Console() {
        @Override
        public void write(byte[] src, int off, int len) {}

        @Override
        public int read(byte[] dst, int off, int len) {
            return 0;
        }
    }, phys);
    private final int framesAtStart = phys.freeFrames();
    private final Mm mm = Fixture.exec(phys);
    private final RegularFile file = new RegularFile(vfs, 0644);
    private final OpenFile open = new OpenFile(file, OpenFlags.O_RDWR);

    /** Writes {@code pages} pages of 'a', 'b', ... to the file. */
    private void fill(int pages) {
        for (int p = 0; p < pages; p++) {
            byte[] page = new byte[(int) PAGE];
            java.util.Arrays.fill(page, (byte) ('a' + p));
            assertEquals(PAGE, file.write(open, p * PAGE, page, 0, page.length, null));
        }
    }

    private long map(long length, int flags) {
        long addr = mm.mmapFile(0, length, RW, flags, open, 0);
        assertTrue(addr > 0, "mmap: " + addr);
        return addr;
    }

    @Test
    void aSharedMappingMapsTheFilesOwnFrame() {
        fill(1);
        long addr = map(PAGE, Mmap.MAP_SHARED);
        Fixture.write(mm, addr + 1, 'Z');
        assertEquals(file.frameAt(0), Pte.frame(mm.addressSpace().pte(addr)));
        assertEquals('Z', file.contents()[1], "the store is in the file");
    }

    @Test
    void aPrivateMappingCopiesThePageOnItsFirstStore() {
        fill(1);
        long addr = map(PAGE, Mmap.MAP_PRIVATE);
        assertEquals('a', Fixture.read(mm, addr));
        long pte = mm.addressSpace().pte(addr);
        assertEquals(file.frameAt(0), Pte.frame(pte), "until it is written, the page is the file's");
        assertTrue(Pte.isCow(pte));
        Fixture.write(mm, addr, 'Z');
        assertNotEquals(file.frameAt(0), Pte.frame(mm.addressSpace().pte(addr)));
        assertEquals('a', file.contents()[0], "the file never sees a private store");
    }

    @Test
    void aPageWhollyPastTheEndOfTheFileIsSigbus() {
        fill(1);
        long addr = map(3 * PAGE, Mmap.MAP_SHARED);
        assertEquals('a', Fixture.read(mm, addr + PAGE - 1));
        FaultResult r = Fixture.touch(mm, addr + PAGE, AccessKind.READ, 0);
        assertEquals(new FaultResult(FaultResult.Kind.SIGBUS, FaultResult.BUS_ADRERR, addr + PAGE), r);
    }

    @Test
    void truncatingUnmapsThePagesPastTheEndInEveryAddressSpaceCopiesIncluded() throws MmException {
        fill(2);
        long shared = map(2 * PAGE, Mmap.MAP_SHARED);
        long priv = map(2 * PAGE, Mmap.MAP_PRIVATE);
        Fixture.write(mm, shared + PAGE, 'S');
        Fixture.write(mm, priv + PAGE, 'P');
        Mm child = mm.fork();
        assertEquals(0, file.truncate(PAGE));
        for (Mm m : new Mm[] {mm, child}) {
            assertFalse(Pte.isPresent(m.addressSpace().pte(shared + PAGE)));
            assertFalse(Pte.isPresent(m.addressSpace().pte(priv + PAGE)), "the private copy goes too");
            assertEquals(FaultResult.Kind.SIGBUS, Fixture.touch(m, priv + PAGE, AccessKind.READ, 0).kind());
            assertEquals('a', Fixture.read(m, shared), "the page within the file stays");
        }
        child.release();
    }

    @Test
    void aMappingKeepsTheFileAfterCloseAndTheLastUnmapFreesEverything() {
        fill(2);
        long addr = map(2 * PAGE, Mmap.MAP_SHARED);
        Fixture.write(mm, addr, 'x');
        open.put(); // close(2); the file has no name
        assertFalse(file.isEvicted(), "the VMA holds the open file");
        assertEquals('x', Fixture.read(mm, addr));
        assertEquals(0, mm.munmap(addr, PAGE));
        assertFalse(file.isEvicted(), "the second page is still mapped");
        assertEquals(0, mm.munmap(addr + PAGE, PAGE));
        assertTrue(file.isEvicted());
        mm.release();
        assertEquals(framesAtStart, phys.freeFrames(), "every frame is back");
    }

    @Test
    void mremapMovesThePagesWithTheirFrames() {
        fill(2);
        long addr = map(2 * PAGE, Mmap.MAP_SHARED);
        Fixture.read(mm, addr);
        Fixture.read(mm, addr + PAGE);
        long blocker = mm.mmap(addr + 2 * PAGE, PAGE, RW, Mmap.MAP_ANONYMOUS | Mmap.MAP_PRIVATE | Mmap.MAP_FIXED, -1, 0);
        assertEquals(addr + 2 * PAGE, blocker);
        long moved = mm.mremap(addr, 2 * PAGE, 4 * PAGE, Mremap.MREMAP_MAYMOVE, 0);
        assertNotEquals(addr, moved);
        assertEquals(file.frameAt(1), Pte.frame(mm.addressSpace().pte(moved + PAGE)), "moved, not copied");
        assertFalse(Pte.isPresent(mm.addressSpace().pte(addr)));
        assertEquals(moved, mm.vmaAt(moved + 3 * PAGE).start(), "one VMA of four pages");
    }

    @Test
    void fileMappingsMergeOnlyWithContiguousOffsetsOfTheSameOpenFile() {
        fill(4);
        long addr = map(4 * PAGE, Mmap.MAP_SHARED);
        assertEquals(0, mm.munmap(addr + PAGE, PAGE));
        long back = mm.mmapFile(addr + PAGE, PAGE, RW, Mmap.MAP_SHARED | Mmap.MAP_FIXED, open, PAGE);
        assertEquals(addr + PAGE, back);
        assertEquals(4 * PAGE, mm.vmaAt(addr).end() - mm.vmaAt(addr).start(), "merged again");
        long elsewhere = mm.mmapFile(addr + PAGE, PAGE, RW, Mmap.MAP_SHARED | Mmap.MAP_FIXED, open, 3 * PAGE);
        assertEquals(addr + PAGE, elsewhere);
        assertEquals(PAGE, mm.vmaAt(addr + PAGE).size(), "offset 3 pages does not continue offset 0");
        assertEquals('d', Fixture.read(mm, addr + PAGE));
    }

    @Test
    void theFileSystemsLimitOnFileDataIsSigbusForAFaultAndTheMachineCarriesOn() {
        // Half the machine's memory may hold file data (tmpfs's size=): 512 pages here.
        assertEquals(0, file.truncate(RegularFile.MAX_SIZE));
        long pages = vfs.memory().capacityPages();
        long addr = map(RegularFile.MAX_SIZE, Mmap.MAP_SHARED);
        for (long p = 0; p < pages; p++) {
            assertTrue(Fixture.touch(mm, addr + p * PAGE, AccessKind.WRITE, 1).isResolved(), "page " + p);
        }
        FaultResult r = Fixture.touch(mm, addr + pages * PAGE, AccessKind.WRITE, 1);
        assertEquals(FaultResult.Kind.SIGBUS, r.kind(), "ENOSPC at fault time is SIGBUS, as shmem_fault gives it");
        byte[] b = new byte[1];
        assertEquals(-syscall.Errno.ENOSPC, file.write(open, (pages + 5) * PAGE, b, 0, 1, null), "and write(2) gets ENOSPC");
        assertEquals(0, mm.munmap(addr, RegularFile.MAX_SIZE));
        open.put();
        assertTrue(file.isEvicted());
        mm.release();
        assertEquals(framesAtStart, phys.freeFrames(), "every frame is back");
    }

    @Test
    void copyingTheMappedPageTableAtForkSharesTheFilesFrames() throws MmException {
        fill(1);
        long addr = map(PAGE, Mmap.MAP_SHARED);
        Fixture.read(mm, addr);
        Mm child = mm.fork();
        Fixture.write(child, addr, 'C');
        assertEquals('C', Fixture.read(mm, addr));
        assertArrayEquals(new byte[] {'C', 'a'}, java.util.Arrays.copyOf(file.contents(), 2));
        child.release();
    }
}
