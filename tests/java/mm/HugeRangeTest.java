package mm;

import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fs.Console;
import fs.OpenFile;
import fs.OpenFlags;
import fs.RegularFile;
import fs.Vfs;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vm.PhysicalMemory;
import vm.Pte;

/**
 * A guest may reserve terabytes of address space for the price of one VMA. The calls that
 * walk the pages of a range (mremap's move, a truncated file's unmapping, RssShmem) must
 * cost what is mapped, not the size of the range, or one system call would stall the
 * kernel's only thread: each test here would take hours if they visited every page.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HugeRangeTest {
    private static final long TERABYTE = 1L << 40;
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(1024);
    private final Mm mm = Fixture.exec(phys);

    @Test
    void mremapMovesATerabyteMappingByItsMappedPages() {
        long addr = mm.mmap(0, TERABYTE, RW, Fixture.ANON_PRIVATE | Mmap.MAP_NORESERVE, -1, 0);
        assertTrue(addr > 0);
        Fixture.write(mm, addr, 1);
        Fixture.write(mm, addr + TERABYTE - PAGE, 2);
        long moved = mm.mremap(addr, TERABYTE, 2 * TERABYTE, Mremap.MREMAP_MAYMOVE, 0);
        assertTrue(moved > 0, "mremap: " + moved);
        assertNotEquals(addr, moved);
        assertEquals(1, Fixture.read(mm, moved));
        assertEquals(2, Fixture.read(mm, moved + TERABYTE - PAGE));
        assertFalse(Pte.isPresent(mm.addressSpace().pte(addr)));
    }

    @Test
    void truncatingAFileUnderATerabyteMappingCostsItsMappedPages() {
        Vfs vfs = new Vfs(() -> 0L, new Console() {
            @Override
            public void write(byte[] src, int off, int len) {}

            @Override
            public int read(byte[] dst, int off, int len) {
                return 0;
            }
        }, phys);
        RegularFile file = new RegularFile(vfs, 0644);
        OpenFile open = new OpenFile(file, OpenFlags.O_RDWR);
        assertEquals(0, file.truncate(2 * PAGE));
        long addr = mm.mmapFile(0, TERABYTE, RW, Mmap.MAP_SHARED, open, 0);
        assertTrue(addr > 0);
        Fixture.write(mm, addr + PAGE, 7);
        assertEquals(1, mm.sharedResidentPages());
        assertEquals(0, file.truncate(PAGE));
        assertFalse(Pte.isPresent(mm.addressSpace().pte(addr + PAGE)));
        assertEquals(0, mm.sharedResidentPages());
        open.put();
        mm.release();
        assertTrue(file.isEvicted());
    }
}
