package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mapping, unmapping, protection and the kernel's copyIn/copyOut and read/write helpers. */
class AddressSpaceTest {
    static final long RW = Pte.READ | Pte.WRITE;
    static final long BASE = 0x7000_0000L;

    final PhysicalMemory phys = PhysicalMemory.ofFrames(64);
    final AddressSpace mm = new AddressSpace(phys);

    @Test
    void mapGivesZeroedPagesWithTheRequestedPermissions() throws MemoryFault {
        assertTrue(mm.map(BASE, 2, RW));
        long pte = mm.pte(BASE + 4096 + 123);
        assertTrue(Pte.isPresent(pte));
        assertEquals(RW | Pte.PRESENT, Pte.flags(pte));
        assertEquals("rw-p", Pte.describe(pte));
        assertEquals(0, mm.read64(BASE + 4096 - 8));
        assertEquals(2, mm.residentPages());
        assertEquals(2, phys.allocatedFrames());
        assertEquals(4, mm.pageTableFrames(), "the root, two directories and a leaf");
        assertEquals(6, phys.usedFrames());
    }

    @Test
    void pageTableCoversTheWhole48BitSpace() throws MemoryFault {
        long top = AddressSpace.LIMIT - 4096;
        assertTrue(mm.map(top, 1, RW));
        assertTrue(mm.map(0, 1, RW));
        mm.write64(top + 4088, 0x1122);
        assertEquals(0x1122, mm.read64(top + 4088));
        assertEquals(0, mm.read64(4088));
        assertEquals(0, mm.pte(AddressSpace.LIMIT));
        assertThrows(IllegalArgumentException.class, () -> mm.map(top, 2, RW));
    }

    @Test
    void unmapFreesFramesAndSkipsHoles() {
        mm.map(BASE, 2, RW);
        mm.map(BASE + 3 * 4096, 1, RW);
        mm.unmap(BASE, 10);
        assertEquals(0, phys.usedFrames(), "the tables that mapped nothing more are freed too");
        assertEquals(0, mm.residentPages());
        assertEquals(0, mm.pte(BASE));
    }

    @Test
    void unmapOfAHugeRangeVisitsOnlyExistingTables() {
        mm.map(BASE, 1, RW);
        mm.map(0x5555_0000_0000L, 1, RW);
        mm.unmap(0, AddressSpace.LIMIT >>> 12);
        assertEquals(0, phys.usedFrames());
    }

    @Test
    void mapOverAnExistingMappingReplacesIt() throws MemoryFault {
        mm.map(BASE, 1, RW);
        mm.write8(BASE, 5);
        mm.map(BASE, 1, Pte.READ);
        assertEquals(0, mm.read8(BASE));
        assertEquals(1, phys.allocatedFrames());
        assertEquals(1, mm.residentPages());
    }

    @Test
    void mapFrameSharesAFrame() throws MemoryFault {
        int f = phys.allocate();
        AddressSpace other = new AddressSpace(phys);
        mm.mapFrame(BASE, f, RW);
        other.mapFrame(0x1000, f, Pte.READ);
        assertEquals(3, phys.refCount(f));
        mm.write32(BASE + 8, 0xCAFE);
        assertEquals(0xCAFE, other.read32(0x1008));
        mm.clear();
        other.clear();
        assertEquals(1, phys.refCount(f));
    }

    @Test
    void protectChangesPermissionsAndKeepsContents() throws MemoryFault {
        mm.map(BASE, 2, RW);
        mm.write64(BASE, 77);
        mm.protect(BASE, 2, Pte.READ | Pte.EXEC);
        assertEquals("r-xp", Pte.describe(mm.pte(BASE)));
        assertEquals(77, mm.read64(BASE));
        MemoryFault f = assertThrows(MemoryFault.class, () -> mm.write64(BASE, 1));
        assertEquals(BASE, f.address());
        assertEquals(AccessKind.WRITE, f.access());
        mm.protect(BASE, 1, 0);
        assertThrows(MemoryFault.class, () -> mm.read8(BASE));
    }

    @Test
    void badArgumentsAreKernelBugs() {
        assertThrows(IllegalArgumentException.class, () -> mm.map(BASE + 1, 1, RW));
        assertThrows(IllegalArgumentException.class, () -> mm.map(BASE, 1, Pte.COW));
        assertThrows(IllegalArgumentException.class, () -> mm.unmap(-4096, 1));
        assertThrows(IllegalArgumentException.class, () -> mm.protect(BASE, -1, RW));
    }

    @Test
    void copyInAndOutAcrossPages() {
        mm.map(BASE, 3, RW);
        byte[] src = new byte[6000];
        for (int i = 0; i < src.length; i++) src[i] = (byte) (i * 7);
        assertEquals(AddressSpace.NO_FAULT, mm.copyOut(BASE + 4000, src, 0, src.length));
        byte[] back = new byte[6000];
        assertEquals(AddressSpace.NO_FAULT, mm.copyIn(BASE + 4000, back, 0, back.length));
        assertArrayEquals(src, back);
        assertEquals(AddressSpace.NO_FAULT, mm.copyIn(BASE + 5, back, 0, 0));
    }

    @Test
    void copyInReportsTheFirstBadAddressAndCopiesNothing() {
        mm.map(BASE, 1, RW);
        byte[] dst = new byte[16];
        dst[0] = 9;
        assertEquals(BASE + 4096, mm.copyIn(BASE + 4090, dst, 0, 16));
        assertEquals(9, dst[0]);
        assertEquals(0x1234, mm.copyIn(0x1234, dst, 0, 1));
        assertEquals(-16, mm.copyIn(-16, dst, 0, 16));
    }

    @Test
    void copyOutHonoursPermissionsAndWritesNothingOnFault() throws MemoryFault {
        mm.map(BASE, 1, RW);
        mm.map(BASE + 4096, 1, Pte.READ);
        byte[] src = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(BASE + 4096, mm.copyOut(BASE + 4092, src, 0, 8));
        assertEquals(0, mm.read32(BASE + 4092));
        mm.protect(BASE + 4096, 1, Pte.WRITE); // write-only: copyIn must fail, copyOut succeed
        assertEquals(BASE + 4096, mm.copyIn(BASE + 4092, new byte[8], 0, 8));
        assertEquals(AddressSpace.NO_FAULT, mm.copyOut(BASE + 4092, src, 0, 8));
    }

    @Test
    void readAndWriteHelpersStraddlePages() throws MemoryFault {
        mm.map(BASE, 2, RW);
        long edge = BASE + 4096;
        mm.write64(edge - 3, 0x0102_0304_0506_0708L);
        assertEquals(0x0102_0304_0506_0708L, mm.read64(edge - 3));
        assertEquals(0x0506, mm.read16(edge - 1));
        mm.write32(edge - 2, -2);
        assertEquals(-2, mm.read32(edge - 2));
        mm.write16(edge - 1, 0xABCD);
        assertEquals(0xABCD, mm.read16(edge - 1));
        assertEquals(0xCD, mm.read8(edge - 1));
        MemoryFault f = assertThrows(MemoryFault.class, () -> mm.read64(BASE + 2 * 4096 - 4));
        assertEquals(BASE + 2 * 4096, f.address());
        assertThrows(MemoryFault.class, () -> mm.write16(BASE + 2 * 4096 - 1, 1));
        assertEquals(0, mm.read8(BASE + 2 * 4096 - 1));
    }

    @Test
    void readCStringStopsAtNulAcrossPagesAndRespectsMax() throws MemoryFault {
        mm.map(BASE, 2, RW);
        byte[] s = "hello, world\0".getBytes(StandardCharsets.UTF_8);
        long at = BASE + 4096 - 5;
        mm.copyOut(at, s, 0, s.length);
        assertEquals("hello, world", mm.readString(at, 100));
        assertEquals("hello, world", mm.readString(at, 13));
        assertNull(mm.readCString(at, 12));
        assertEquals(0, mm.readCString(at + 12, 1).length);
        mm.write8(BASE + 2 * 4096 - 1, 'x');
        MemoryFault f = assertThrows(MemoryFault.class, () -> mm.readCString(BASE + 2 * 4096 - 1, 10));
        assertEquals(BASE + 2 * 4096, f.address());
    }

    @Test
    void clearReleasesEverything() {
        mm.map(BASE, 5, RW);
        mm.map(0x1000, 1, RW);
        mm.clear();
        assertEquals(0, phys.usedFrames());
        assertEquals(0, mm.residentPages());
        assertEquals(0, mm.pte(BASE));
        assertTrue(mm.map(BASE, 1, RW));
    }
}
