package mm;

import static mm.Fixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import obj.Executable;
import obj.Segment;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.PhysicalMemory;

/** exec: the VMAs of a new program, its errors, and the /proc text and figures describing it. */
class ExecTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);

    @Test
    void mapsListsSegmentsBssHeapAndStackInLinuxFormat() {
        Mm mm = Fixture.exec(phys);
        mm.brk(mm.startBrk() + 1);
        mm.mmap(0, 2 * PAGE, Fixture.RW, Fixture.ANON_PRIVATE, -1, 0);
        // Checked by hand against lines of this machine's /proc/self/maps: the name starts at
        // column 73 (0-based), a line without a name ends in one space after the inode.
        String expected = ""
                + "00400000-00401000 r-xp 00000000 00:00 0                                  /bin/test\n"
                + "00402000-00403000 rw-p 00002000 00:00 0                                  /bin/test\n"
                + "00403000-00405000 rw-p 00000000 00:00 0 \n"
                + "00405000-00406000 rw-p 00000000 00:00 0                                  [heap]\n"
                + "7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 \n"
                + "7ffffffbf000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n";
        assertEquals(expected, mm.maps());
        assertEquals(73, mm.maps().lines().toList().get(5).indexOf("[stack]"));
    }

    @Test
    void statusFiguresFollowTheVmas() {
        Mm mm = Fixture.exec(phys);
        MemoryUsage u = mm.usage();
        assertEquals(4, u.vmExeKb());
        assertEquals(12, u.vmDataKb(), "data segment and bss");
        assertEquals(256, u.vmStkKb());
        assertEquals(4 + 12 + 256, u.vmSizeKb());
        assertEquals(4 * mm.addressSpace().residentPages(), u.vmRssKb());
        assertEquals(12, u.vmRssKb(), "text, data and the top page of the stack: bss and the rest come on demand");
        long a = mm.mmap(0, 100 * PAGE, Fixture.RW, Fixture.ANON_PRIVATE, -1, 0);
        mm.munmap(a, 100 * PAGE);
        assertEquals(u.vmSizeKb(), mm.usage().vmSizeKb());
        assertEquals(u.vmSizeKb() + 400, mm.usage().vmPeakKb(), "VmPeak remembers the largest size");
    }

    @Test
    void startValuesDescribeTheImage() {
        Mm mm = Fixture.exec(phys);
        assertEquals(Fixture.TEXT + 8, mm.entry());
        assertEquals(0, mm.startStack() % 16);
        assertEquals(Fixture.TEXT, mm.startCode());
        assertEquals(Fixture.TEXT + 64, mm.endCode());
        assertEquals(Fixture.DATA, mm.startData());
        assertEquals(Fixture.DATA + 100, mm.endData());
        assertEquals(1, mm.users());
    }

    @Test
    void aSegmentOverlappingTheStackIsEnoexec() {
        long top = Mm.TASK_SIZE - PAGE;
        Executable bad = new Executable(top, List.of(new Segment(top, PAGE, new byte[0], Segment.R)), List.of());
        MmException e = assertThrows(MmException.class, () -> Mm.exec(phys, bad, "/bad", List.of(), List.of()));
        assertEquals(Errno.ENOEXEC, e.errno());
        Executable beyond = new Executable(0, List.of(new Segment(1L << 50, PAGE, new byte[0], Segment.R)), List.of());
        assertEquals(Errno.ENOEXEC, assertThrows(MmException.class,
                () -> Mm.exec(phys, beyond, "/bad", List.of(), List.of())).errno());
        assertEquals(0, phys.usedFrames());
    }

    @Test
    void runningOutOfFramesIsEnomemAndLeavesNothingBehind() {
        PhysicalMemory small = PhysicalMemory.ofFrames(20);
        MmException e = assertThrows(MmException.class,
                () -> Mm.exec(small, Fixture.program(), "/p", List.of("p"), List.of()));
        assertEquals(Errno.ENOMEM, e.errno());
        assertEquals(0, small.usedFrames());
    }

    @Test
    void argumentsTooLongForTheStackAreE2big() {
        List<String> argv = Collections.nCopies(300, "x".repeat(1000));
        MmException e = assertThrows(MmException.class, () -> Mm.exec(phys, Fixture.program(), "/p", argv, List.of()));
        assertEquals(Errno.E2BIG, e.errno());
        assertEquals(0, phys.usedFrames());
    }
}
