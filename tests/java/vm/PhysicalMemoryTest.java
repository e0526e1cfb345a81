package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Frames: sizes, zeroed allocation, reference counts and running out. */
class PhysicalMemoryTest {

    @Test
    void sizeInBytesIsRoundedDownToFrames() {
        assertEquals(2, new PhysicalMemory(3 * 4096 - 1).totalFrames());
        assertEquals(256, new PhysicalMemory(1 << 20).totalFrames());
        assertEquals(7, PhysicalMemory.ofFrames(7).totalFrames());
        assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory(4095));
    }

    @Test
    void allocatedFramesAreZeroedEvenWhenReused() {
        PhysicalMemory p = PhysicalMemory.ofFrames(1);
        int f = p.allocate();
        p.data(f)[100] = 7;
        assertTrue(p.release(f));
        int g = p.allocate();
        assertEquals(f, g);
        assertArrayEquals(new byte[4096], p.data(g));
    }

    @Test
    void outOfMemoryReturnsNoFrame() {
        PhysicalMemory p = PhysicalMemory.ofFrames(3);
        for (int i = 0; i < 3; i++) assertNotEquals(PhysicalMemory.NO_FRAME, p.allocate());
        assertEquals(0, p.freeFrames());
        assertEquals(PhysicalMemory.NO_FRAME, p.allocate());
        assertEquals(3, p.usedFrames());
    }

    @Test
    void frameIsFreedWhenTheLastReferenceGoes() {
        PhysicalMemory p = PhysicalMemory.ofFrames(4);
        int f = p.allocate();
        p.retain(f);
        assertEquals(2, p.refCount(f));
        assertFalse(p.release(f));
        assertEquals(3, p.freeFrames());
        assertTrue(p.release(f));
        assertEquals(4, p.freeFrames());
        assertEquals(0, p.refCount(f));
    }

    @Test
    void doubleFreeIsDetected() {
        PhysicalMemory p = PhysicalMemory.ofFrames(2);
        int f = p.allocate();
        p.release(f);
        assertThrows(IllegalStateException.class, () -> p.release(f));
        assertThrows(IllegalStateException.class, () -> p.retain(f));
        assertThrows(IllegalArgumentException.class, () -> p.refCount(5));
    }

    @Test
    void allocationOrderIsDeterministic() {
        PhysicalMemory p = PhysicalMemory.ofFrames(8);
        assertEquals(0, p.allocate());
        assertEquals(1, p.allocate());
        assertEquals(2, p.allocate());
        p.release(1);
        assertEquals(1, p.allocate());
        assertEquals(3, p.allocate());
    }

    @Test
    void mapFailsCleanlyWhenMemoryRunsOut() {
        PhysicalMemory p = PhysicalMemory.ofFrames(8);
        AddressSpace mm = new AddressSpace(p);
        assertTrue(mm.map(0x10000, 3, Pte.READ | Pte.WRITE)); // and four page tables
        assertFalse(mm.map(0x20000, 2, Pte.READ | Pte.WRITE));
        assertEquals(1, p.freeFrames());
        assertEquals(0, mm.pte(0x20000));
        assertEquals(0, mm.pte(0x21000));
        assertEquals(3, mm.residentPages());
    }

    @Test
    void reservedFramesCountAsUsedAndComeBack() {
        PhysicalMemory p = PhysicalMemory.ofFrames(4);
        assertTrue(p.reserve(3, PhysicalMemory.KernelUse.PAGE_TABLES));
        assertEquals(1, p.freeFrames());
        assertEquals(3, p.kernelFrames(PhysicalMemory.KernelUse.PAGE_TABLES));
        assertFalse(p.reserve(2, PhysicalMemory.KernelUse.KERNEL_STACK), "only one frame is free");
        assertEquals(0, p.kernelFrames(PhysicalMemory.KernelUse.KERNEL_STACK));
        assertNotEquals(PhysicalMemory.NO_FRAME, p.allocate());
        assertEquals(PhysicalMemory.NO_FRAME, p.allocate());
        p.unreserve(3, PhysicalMemory.KernelUse.PAGE_TABLES);
        assertEquals(3, p.freeFrames());
        assertThrows(IllegalStateException.class, () -> p.unreserve(1, PhysicalMemory.KernelUse.PAGE_TABLES));
    }

    @Test
    void theArrayOfAReservedFrameIsReusedZeroed() {
        PhysicalMemory p = PhysicalMemory.ofFrames(2);
        int f = p.allocate();
        byte[] array = p.data(f);
        array[5] = 7;
        p.release(f);
        assertTrue(p.reserve(1, PhysicalMemory.KernelUse.PAGE_TABLES), "takes frame f, the most recently freed");
        int g = p.allocate();
        assertNotEquals(f, g);
        assertSame(array, p.data(g), "no new array for the never-used frame");
        assertArrayEquals(new byte[4096], p.data(g), "and nothing of f's data shows");
    }

    @Test
    void slabChargesTakeWholeFramesAsTheTotalGrows() {
        PhysicalMemory p = PhysicalMemory.ofFrames(2);
        assertTrue(p.chargeSlab(100));
        assertEquals(1, p.kernelFrames(PhysicalMemory.KernelUse.SLAB));
        assertTrue(p.chargeSlab(3996));
        assertEquals(1, p.kernelFrames(PhysicalMemory.KernelUse.SLAB), "4096 bytes fill exactly one frame");
        assertTrue(p.chargeSlab(1));
        assertEquals(2, p.kernelFrames(PhysicalMemory.KernelUse.SLAB));
        assertFalse(p.chargeSlab(4096), "a third frame does not exist");
        assertEquals(4097, p.slabBytes());
        p.unchargeSlab(4097);
        assertEquals(0, p.kernelFrames(PhysicalMemory.KernelUse.SLAB));
        assertEquals(2, p.freeFrames());
    }
}
