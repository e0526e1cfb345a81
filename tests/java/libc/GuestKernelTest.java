package libc;

import boot.GuestRun;
import boot.Options;
import obj.Executable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The libc, compiled by Clonix's compiler, on the real kernel: malloc over brk and mmap,
 * clone threads joined by futex, fork/waitpid/pipe, stdio files and the clock. The program
 * prints what it prints on Linux with glibc, and leaves nothing behind in the kernel.
 */
class GuestKernelTest {
    @lab.PartOfLab("clone")
    @Test
    void programPrintsWhatItPrintsWithGlibc() throws Exception {
        Executable exe = GuestLibc.build(Path.of("tests", "libc", "guest_kernel.c"));
        GuestRun.Result r = GuestRun.runWith(Options.defaults().withCycleLimit(500_000_000L), Map.of("guest_kernel", exe),
                "guest_kernel");
        assertEquals(Files.readString(Path.of("tests", "libc", "guest_kernel.expected")), r.output());
        assertEquals(0, r.status());
    }

    @Test
    void failedAssertPrintsTheMessageAndDiesOfSigabrt() throws Exception {
        Executable exe = GuestLibc.build(Path.of("tests", "libc", "guest_abort.c"));
        GuestRun.Result r = GuestRun.runWith(Options.defaults().withCycleLimit(100_000_000L), Map.of("guest_abort", exe),
                "guest_abort");
        assertEquals("before the assertion\ntests/libc/guest_abort.c:9: main: Assertion `two == 3' failed.\n", r.output());
        assertEquals(128 + 6, r.status());
    }
}
