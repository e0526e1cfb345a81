package exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ld.Linker;
import obj.Executable;
import org.junit.jupiter.api.Test;

/**
 * End to end on the bare machine: assembly source is assembled, linked, loaded and run on
 * one CPU, and what the program writes and how it ends are checked.
 */
class BareMachineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BareMachine.Result run(String source, List<String> argv, long budget) throws Exception {
        Executable exe = new Linker().link(List.of(Assembler.assemble("t.s", source)), List.of());
        return new BareMachine(out, err, 1 << 24).run(exe, argv, budget);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A program that prints argv[1] (found through the stack the loader built) and exits 7. */
    private static final String ECHO_ARG1 = String.join("\n",
            "        .globl _start",
            "_start: ld    s1, 16(sp)          # argv[1]: sp holds argc, then argv[0], argv[1]",
            "        mv    a2, zero",
            "len:    add   t0, s1, a2",
            "        lbu   t0, 0(t0)",
            "        beq   t0, zero, done",
            "        addi  a2, a2, 1",
            "        j     len",
            "done:   li    a7, 1",
            "        li    a0, 1",
            "        mv    a1, s1",
            "        syscall",
            "        li    a7, 60",
            "        ld    a0, 0(sp)           # argc",
            "        addi  a0, a0, 5",
            "        syscall",
            "");

    @Test
    void argumentsArriveOnTheStackAsLinuxLaysThemOut() throws Exception {
        BareMachine.Result r = run(ECHO_ARG1, List.of("echo", "clone"), 1000);
        assertEquals("clone", stdout());
        assertEquals(7, r.status(), "exit status is argc + 5");
    }

    @Test
    void theStackPointerStartsSixteenByteAligned() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: andi a0, sp, 15",
                "        li a7, 60",
                "        syscall", ""), List.of("a", "bb", "ccc"), 100);
        assertEquals(0, r.status());
    }

    @Test
    void aStoreToTheReadOnlyTextEndsWithSigsegvStatus() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: la t0, _start",
                "        sd zero, 0(t0)", ""), List.of("t"), 100);
        assertEquals(128 + 11, r.status());
        assertTrue(r.reason().startsWith("Segmentation fault"), r.reason());
    }

    @Test
    void integerDivisionByZeroEndsWithSigfpeStatus() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: li t0, 1",
                "        div t1, t0, zero", ""), List.of("t"), 100);
        assertEquals(128 + 8, r.status());
    }

    @Test
    void runningIntoZeroedMemoryIsAnIllegalInstruction() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: la t0, buf",
                "        jr t0",
                "        .bss",
                "buf:    .zero 16", ""), List.of("t"), 100);
        // bss is not executable, so the fetch faults before it could decode the zeros.
        assertEquals(128 + 11, r.status());
    }

    @Test
    void writeWithABadPointerReturnsEfaultAndTheProgramGoesOn() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: li a7, 1",
                "        li a0, 1",
                "        li a1, 16           # page zero is never mapped",
                "        li a2, 4",
                "        syscall",
                "        neg a0, a0          # exit with the errno",
                "        li a7, 60",
                "        syscall", ""), List.of("t"), 100);
        assertEquals(14, r.status(), "EFAULT");
        assertEquals("", stdout());
    }

    @Test
    void anUnknownSystemCallReturnsEnosys() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: li a7, 56           # clone: needs a kernel",
                "        syscall",
                "        neg a0, a0",
                "        li a7, 60",
                "        syscall", ""), List.of("t"), 100);
        assertEquals(38, r.status(), "ENOSYS");
    }

    @Test
    void theBudgetStopsAnEndlessLoopAfterExactlyThatManyInstructions() throws Exception {
        BareMachine.Result r = run(String.join("\n",
                ".globl _start",
                "_start: addi t0, t0, 1",
                "        j _start", ""), List.of("t"), 12_345);
        assertEquals(124, r.status());
        assertEquals(12_345, r.instructions());
    }
}
