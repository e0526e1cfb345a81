package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.AddressSpace;
import vm.PhysicalMemory;

/** The user-memory helpers of system calls: they fault pages in as the program's own access would. */
class UserMemoryTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);
    private final long a = mm.mmap(0, 4 * PAGE, RW, ANON_PRIVATE, -1, 0);

    @Test
    void copyOutToUntouchedMemoryFaultsItIn() {
        byte[] msg = "hello across a page boundary".getBytes(StandardCharsets.UTF_8);
        long at = a + PAGE - 5;
        assertEquals(AddressSpace.NO_FAULT, mm.copyOut(at, msg, 0, msg.length));
        byte[] back = new byte[msg.length];
        assertEquals(AddressSpace.NO_FAULT, mm.copyIn(at, back, 0, back.length));
        assertArrayEquals(msg, back);
        assertEquals(AddressSpace.NO_FAULT, mm.copyIn(a + 3 * PAGE, back, 0, back.length), "reading untouched memory");
        assertArrayEquals(new byte[msg.length], back);
    }

    @Test
    void copiesReportTheFirstBadAddress() {
        byte[] buf = new byte[16];
        assertEquals(a + 4 * PAGE, mm.copyIn(a + 4 * PAGE - 8, buf, 0, 16));
        assertEquals(Fixture.TEXT, mm.copyOut(Fixture.TEXT, buf, 0, 16), "text is read-only");
        assertEquals(0x1000, mm.copyOut(0x1000, buf, 0, 1));
    }

    @Test
    void copyOutIntoTheStackGrowsIt() {
        long below = mm.vmas().get(mm.vmas().size() - 1).start() - 2 * PAGE;
        assertEquals(AddressSpace.NO_FAULT, mm.copyOut(below, new byte[] {1}, 0, 1));
        assertEquals(below, mm.vmaAt(below).start());
    }

    @Test
    void copyOutBreaksCopyOnWrite() throws MmException {
        mm.write64(a, 1);
        Mm child = mm.fork();
        child.write64(a, 2);
        assertEquals(1, mm.read64(a));
        assertEquals(2, child.read64(a));
    }

    @Test
    void wordAccessorsAreLittleEndianAndFaultIn() throws MmException {
        mm.write64(a + PAGE - 4, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, mm.read64(a + PAGE - 4));
        assertEquals(0x55667788, mm.read32(a + PAGE - 4));
        mm.write32(a + 2 * PAGE, -2);
        assertEquals(-2, mm.read32(a + 2 * PAGE));
        assertEquals(0xfffffffeL, mm.read64(a + 2 * PAGE));
        MmException e = assertThrows(MmException.class, () -> mm.read64(0x1000));
        assertEquals(Errno.EFAULT, e.errno());
        assertEquals(0x1000, e.address());
        assertEquals(Errno.EFAULT, assertThrows(MmException.class, () -> mm.write32(Fixture.TEXT, 1)).errno());
    }

    @Test
    void readCStringFaultsInAndReportsEfaultAndEnametoolong() throws MmException {
        byte[] s = "/bin/sh\0".getBytes(StandardCharsets.UTF_8);
        mm.copyOut(a + 2 * PAGE - 3, s, 0, s.length);
        assertEquals("/bin/sh", mm.readCString(a + 2 * PAGE - 3, 4096));
        assertEquals("", mm.readCString(a + 3 * PAGE, 10), "untouched memory is an empty string");
        assertEquals(Errno.ENAMETOOLONG, assertThrows(MmException.class,
                () -> mm.readCString(a + 2 * PAGE - 3, 5)).errno());
        byte[] unterminated = new byte[8];
        java.util.Arrays.fill(unterminated, (byte) 'x');
        mm.copyOut(a + 4 * PAGE - 8, unterminated, 0, 8);
        MmException e = assertThrows(MmException.class, () -> mm.readCString(a + 4 * PAGE - 8, 4096));
        assertEquals(Errno.EFAULT, e.errno());
        assertEquals(a + 4 * PAGE, e.address());
    }
}
