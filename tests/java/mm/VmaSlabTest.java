package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.PhysicalMemory;

/**
 * Every VMA is paid for in the kernel's slab (Vma.SLAB_BYTES, Linux's vm_area_struct), and
 * the calls that create or split VMAs fail with ENOMEM, changing nothing, when it is full.
 */
class VmaSlabTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);

    /** Takes every free frame and the slab's last partly used frame, so that no charge can succeed. */
    private void exhaustMemory() {
        while (phys.allocate() != PhysicalMemory.NO_FRAME) { }
        long slack = (PhysicalMemory.FRAME_SIZE - phys.slabBytes() % PhysicalMemory.FRAME_SIZE) % PhysicalMemory.FRAME_SIZE;
        phys.chargeSlab(slack);
    }

    @Test
    void eachVmaCostsItsSlabObject() {
        int vmas = mm.vmas().size();
        assertEquals(vmas * (long) Vma.SLAB_BYTES, phys.slabBytes());
        long a = mm.mmap(0, 4 * PAGE, RW, ANON_PRIVATE, -1, 0);
        assertEquals((vmas + 1) * (long) Vma.SLAB_BYTES, phys.slabBytes());
        assertEquals(0, mm.munmap(a + PAGE, PAGE));
        assertEquals((vmas + 2) * (long) Vma.SLAB_BYTES, phys.slabBytes(), "the split made one more");
        mm.release();
        assertEquals(0, phys.slabBytes());
        assertEquals(0, phys.usedFrames());
    }

    @Test
    void callsThatNeedAVmaFailWithEnomemAndChangeNothing() {
        long a = mm.mmap(0, 4 * PAGE, RW, ANON_PRIVATE, -1, 0);
        long brk = mm.currentBrk();
        List<Vma> before = mm.vmas();
        long slab = phys.slabBytes();
        exhaustMemory();
        long charged = phys.slabBytes();
        assertEquals(-Errno.ENOMEM, mm.mmap(0, PAGE, RW, ANON_PRIVATE, -1, 0));
        assertEquals(-Errno.ENOMEM, mm.munmap(a + PAGE, PAGE), "splitting needs a VMA");
        assertEquals(-Errno.ENOMEM, mm.mprotect(a + PAGE, PAGE, Vma.PROT_READ));
        assertEquals(brk, mm.brk(brk + 10 * PAGE), "brk cannot grow");
        assertEquals(before, mm.vmas());
        assertEquals(charged, phys.slabBytes());
        assertEquals(-Errno.EINVAL, mm.mmap(0, 0, RW, ANON_PRIVATE, -1, 0), "argument errors come first, as on Linux");
        MmException e = assertThrows(MmException.class, mm::fork);
        assertEquals(Errno.ENOMEM, e.errno());
        assertEquals(charged, phys.slabBytes(), "a refused fork keeps nothing");
        phys.unchargeSlab(charged - slab);
        assertEquals(slab, phys.slabBytes());
    }
}
