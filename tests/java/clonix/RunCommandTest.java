package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code clonix run}: a program runs in a freshly booted kernel and its status comes back. */
class RunCommandTest extends CommandLineRun {
    @Test
    void anAssemblyProgramRunsUnderTheKernelAndExitsZero() {
        assertEquals(0, clonix("run", "tests/asm/hello.s"), err.toString());
        assertEquals("hello, world\n".repeat(3), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFaultingProgramExitsWith128PlusSigsegv() throws Exception {
        Path s = dir.resolve("crash.s");
        Files.writeString(s, ".globl _start\n_start: sd zero, 0(zero)\n");
        assertEquals(128 + 11, clonix("run", s.toString()));
    }

    @Test
    void theExitStatusIsTheProgramsOwn() throws Exception {
        Path s = dir.resolve("three.s");
        Files.writeString(s, ".globl _start\n_start: li a0, 3\n li a7, 231\n syscall\n");
        assertEquals(3, clonix("run", "--cpus", "2", "--seed", "7", s.toString()));
    }

    @Test
    void optionsAfterTheProgramBelongToTheProgram() throws Exception {
        Path s = dir.resolve("argc.s");
        Files.writeString(s, ".globl _start\n_start: ld a0, 0(sp)\n li a7, 231\n syscall\n");
        assertEquals(4, clonix("run", s.toString(), "-h", "--cpus", "9"), err.toString());
    }

    @Test
    void runHasHelp() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"run", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(out.toString().startsWith("Usage: clonix run"), out.toString());
    }

    @Test
    void aTimeLimitEndsAProgramThatNeverStopsAndEverythingItStarted() throws Exception {
        Path c = dir.resolve("spin.c");
        Files.writeString(c, """
                #include <unistd.h>
                int main(void) { if (fork() == 0) for (;;) ; for (;;) ; }
                """);
        assertEquals(128 + 9, clonix("run", "--time-limit", "0.25", c.toString()), err.toString());
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("clonix: time limit of 0.25 s of virtual time reached\n"), text);
        assertEquals(1, clonix("run", "--time-limit", "-1", c.toString()));
        assertEquals("clonix run: --time-limit must be between 0 (none) and 1000000 seconds\n", err.toString());
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals(1, clonix("run", "--cpus", "65", "tests/asm/hello.s"));
        assertEquals("clonix run: --cpus must be between 1 and 64\n", err.toString());
    }

    @Test
    void theSchedulingPolicyIsChosenByName() {
        assertEquals(0, clonix("run", "--sched", "fcfs", "tests/asm/hello.s"), err.toString());
        assertEquals("hello, world\n".repeat(3), console.toString(StandardCharsets.UTF_8));
        assertEquals(1, clonix("run", "--sched", "lottery", "tests/asm/hello.s"));
        assertEquals("clonix run: --sched: unknown policy 'lottery' (known: rr, fcfs, stride)\n", err.toString());
    }

    @Test
    void theEngineIsChosenByNameAndChangesNothingTheProgramPrints() {
        assertEquals(0, clonix("run", "--engine", "jit", "tests/asm/hello.s"), err.toString());
        assertEquals("hello, world\n".repeat(3), console.toString(StandardCharsets.UTF_8));
        assertEquals(1, clonix("run", "--engine", "qemu", "tests/asm/hello.s"));
        assertEquals("clonix run: --engine must be interp or jit\n", err.toString());
    }

    @Test
    void aCProgramCompilesAndRunsWhenTheBootImageHasALibc() throws Exception {
        Path c = dir.resolve("answer.c");
        Files.writeString(c, "int main(void) { return 42; }\n");
        int status = clonix("run", c.toString());
        if (image.BootImage.load().hasLibc()) {
            assertEquals(42, status, err.toString());
        } else {
            assertEquals(1, status);
            assertTrue(err.toString().contains("no C library"), err.toString());
        }
    }
}
