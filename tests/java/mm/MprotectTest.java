package mm;

import static mm.Fixture.ANON_PRIVATE;
import static mm.Fixture.PAGE;
import static mm.Fixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.AccessKind;
import vm.PhysicalMemory;

/** mprotect: Linux's errno rules, splitting a VMA and merging it back, and the effect on pages. */
class MprotectTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(512);
    private final Mm mm = Fixture.exec(phys);
    private final long a = mm.mmap(0, 4 * PAGE, RW, ANON_PRIVATE, -1, 0);

    @Test
    void unalignedAddressIsEinval() {
        assertEquals(-Errno.EINVAL, mm.mprotect(a + 1, PAGE, Vma.PROT_READ));
    }

    @Test
    void unknownProtBitsAreEinval() {
        assertEquals(-Errno.EINVAL, mm.mprotect(a, PAGE, 0x40));
        assertEquals(0, mm.mprotect(a, PAGE, Vma.PROT_READ | Mprotect.PROT_SEM), "PROT_SEM is accepted");
    }

    @Test
    void lengthZeroSucceedsEvenOnUnmappedMemory() {
        assertEquals(0, mm.mprotect(0x10000000L, 0, Vma.PROT_READ));
    }

    @Test
    void unmappedRangeIsEnomem() {
        assertEquals(-Errno.ENOMEM, mm.mprotect(0x10000000L, PAGE, Vma.PROT_READ));
        assertEquals(-Errno.ENOMEM, mm.mprotect(a - PAGE, 2 * PAGE, Vma.PROT_READ), "starts in a hole");
    }

    @Test
    void aHoleInTheMiddleIsEnomemAfterChangingWhatPrecedesIt() {
        assertEquals(0, mm.munmap(a + 2 * PAGE, PAGE));
        assertEquals(-Errno.ENOMEM, mm.mprotect(a, 4 * PAGE, Vma.PROT_READ));
        assertEquals("r--p", mm.vmaAt(a).permissions(), "Linux changes the VMAs before the hole");
        assertEquals(a + 2 * PAGE, mm.vmaAt(a).end());
        assertEquals("rw-p", mm.vmaAt(a + 3 * PAGE).permissions());
    }

    @Test
    void protectingTheMiddleSplitsIntoThreeAndRestoringMergesBack() {
        assertEquals(0, mm.mprotect(a + PAGE, 2 * PAGE, Vma.PROT_READ));
        assertEquals(List.of("rw-p", "r--p", "rw-p"), perms());
        assertEquals(a + PAGE, mm.vmaAt(a + PAGE).start());
        assertEquals(a + 3 * PAGE, mm.vmaAt(a + PAGE).end());
        assertEquals(0, mm.mprotect(a + PAGE, 2 * PAGE, RW));
        assertEquals(List.of("rw-p"), perms());
        assertEquals(a, mm.vmaAt(a + PAGE).start());
        assertEquals(a + 4 * PAGE, mm.vmaAt(a + PAGE).end());
    }

    @Test
    void protectionAppliesToPagesAlreadyMappedAndToLaterOnes() {
        Fixture.write(mm, a, 5);
        assertEquals(0, mm.mprotect(a, 4 * PAGE, Vma.PROT_READ));
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, a, Fixture.touch(mm, a, AccessKind.WRITE, 1));
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, a + PAGE, Fixture.touch(mm, a + PAGE, AccessKind.WRITE, 1));
        assertEquals(5, Fixture.read(mm, a));
        assertEquals(0, mm.mprotect(a, PAGE, Vma.PROT_NONE));
        Fixture.assertSegv(FaultResult.SEGV_ACCERR, a, Fixture.touch(mm, a, AccessKind.READ, 0));
        assertEquals(0, mm.mprotect(a, PAGE, RW));
        Fixture.write(mm, a, 6);
        assertEquals(6, Fixture.read(mm, a), "the page kept its contents through PROT_NONE");
    }

    @Test
    void growsDownExtendsTheChangeToTheStartOfTheVma() {
        long stackTop = Mm.TASK_SIZE;
        assertEquals(0, mm.mprotect(stackTop - PAGE, PAGE, Vma.PROT_READ | Vma.PROT_WRITE | Vma.PROT_EXEC
                | Mprotect.PROT_GROWSDOWN));
        Vma stack = mm.vmaAt(stackTop - PAGE);
        assertEquals("rwxp", stack.permissions());
        assertEquals(-Errno.EINVAL, mm.mprotect(a, PAGE, Vma.PROT_READ | Mprotect.PROT_GROWSDOWN),
                "not a grows-down VMA");
    }

    private List<String> perms() {
        return mm.vmas().stream().filter(v -> v.start() >= a && v.end() <= a + 4 * PAGE)
                .map(Vma::permissions).toList();
    }
}
