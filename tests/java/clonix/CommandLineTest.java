package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clonix command line: the toolchain commands and their one-line errors. */
class CommandLineTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int clonix(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionNamesTheRelease() {
        assertEquals(0, clonix("--version"));
        assertTrue(out.toString().startsWith("clonix "), out.toString());
    }

    @Test
    void helpListsEveryTool() {
        assertEquals(0, clonix("--help"));
        for (String tool : new String[] {"as", "ld", "ar", "objdump", "addr2line", "exec", "bench"}) {
            assertTrue(out.toString().contains("  " + tool + " "), tool + " missing from:\n" + out);
        }
    }

    @Test
    void benchRefusesAnUnknownEngineInOneLineAndLeavesTheDefaultAlone() {
        String before = System.getProperty("clonix.engine");
        assertEquals(1, clonix("bench", "--engine", "qemu", "fork"));
        assertEquals("clonix bench: --engine must be interp or jit\n", err.toString());
        assertEquals(before, System.getProperty("clonix.engine"));
    }

    @Test
    void assembleLinkAndDisassembleThroughTheCommandLine() throws Exception {
        Path o = dir.resolve("hello.o"), exe = dir.resolve("hello"), lib = dir.resolve("libhello.a");
        assertEquals(0, clonix("as", "tests/asm/hello.s", "-o", o.toString()), err.toString());
        assertEquals(0, clonix("ar", lib.toString(), o.toString()), err.toString());
        assertEquals(0, clonix("ld", lib.toString(), "-o", exe.toString()), err.toString());
        assertEquals(0, clonix("objdump", "-d", exe.toString()), err.toString());
        assertTrue(out.toString().contains("<_start>:"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anAssemblyErrorIsReportedWithItsLineAndCaret() throws Exception {
        Path bad = dir.resolve("bad.s");
        Files.writeString(bad, "_start:\n    add a0, a9, a1\n");
        assertEquals(1, clonix("as", bad.toString()));
        String[] lines = err.toString().split("\n");
        assertEquals(bad + ":2:13: error: unknown register 'a9'", lines[0]);
        assertEquals("    add a0, a9, a1", lines[1]);
        assertEquals("            ^", lines[2]);
    }

    @Test
    void aMissingFileIsOneLine() {
        assertEquals(1, clonix("as", "no/such/file.s"));
        assertEquals("clonix as: no/such/file.s: No such file or directory\n", err.toString());
    }

    @Test
    void anUndefinedSymbolNamesTheSymbolAndTheObject() throws Exception {
        Path s = dir.resolve("main.s");
        Files.writeString(s, ".globl _start\n_start: call helper\n");
        assertEquals(1, clonix("ld", s.toString(), "-o", dir.resolve("a.out").toString()));
        assertTrue(err.toString().contains("undefined reference to 'helper'"), err.toString());
        assertTrue(err.toString().contains("main.s"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aCorruptExecutableIsOneLineNotAStackTrace() throws Exception {
        Path junk = dir.resolve("junk");
        Files.write(junk, new byte[] {1, 2, 3});
        assertEquals(1, clonix("exec", junk.toString()));
        assertEquals(1, err.toString().split("\n").length, err.toString());
        assertTrue(err.toString().startsWith("clonix exec: "), err.toString());
    }

    @Test
    void execRunsUnderEitherEngineWithTheSameStatusAndBudget() throws Exception {
        // Nine million instructions of one loop: hot enough that the JIT translates it.
        Path loop = dir.resolve("loop.s");
        Files.writeString(loop, """
                        .text
                        .globl  _start
                _start: li      a0, 0
                        li      t0, 3000000
                loop:   add     a0, a0, t0
                        addi    t0, t0, -1
                        bne     t0, zero, loop
                        andi    a0, a0, 255
                        li      a7, 60
                        syscall
                """);
        int sum = (int) (3_000_000L * 3_000_001 / 2 & 255);
        for (String engine : new String[] {"interp", "jit"}) {
            assertEquals(sum, clonix("exec", "--engine", engine, loop.toString()), engine);
            assertEquals(124, clonix("exec", "--engine", engine, "--budget", "1000001", loop.toString()), engine);
        }
        assertEquals("clonix exec: loop.s: stopped after 1000001 instructions\n".repeat(2), err.toString());
        assertEquals(1, clonix("exec", "--engine", "qemu", loop.toString()));
        assertTrue(err.toString().endsWith("clonix exec: --engine must be interp or jit\n"), err.toString());
    }

    @Test
    void anUnknownOptionIsReported() {
        assertEquals(2, clonix("ld", "a.o", "--frobnicate"));
        assertEquals("clonix ld: Unknown option: '--frobnicate' (try 'clonix ld --help')\n", err.toString());
    }
}
