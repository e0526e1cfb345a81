package libc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C logic of the libc, compiled with the host's gcc and compared with glibc (see
 * {@link HostLibc}): printf formatting (floating point included), strtol, strtod, scanf, qsort, rand,
 * ctype, strerror, the string functions, the allocator and stdio's buffering. Skipped where gcc is not installed.
 */
class LibcHostTest {
    /** Every libc source that makes no system call of its own (those come from fake_os.h). */
    static final List<String> PORTABLE_SOURCES = List.of("errno.c", "format.c", "printf.c", "string.c", "memory.c", "strdup.c",
            "ctype.c", "strtol.c", "qsort.c", "rand.c", "env.c", "arith.c", "strerror.c", "malloc.c", "stdio.c",
            "stdio_text.c", "fopen.c", "lock.c", "fmt_fp.c", "strtod.c", "fp_round.c", "scanf.c", "fmt_wide.c",
            "multibyte.c", "wchar.c");

    @Test
    void snprintfIsByteIdenticalToGlibcOverRandomFormats() throws Exception {
        HostLibc.Run r = HostLibc.run("printf_compare.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("(?s)checked \\d{5,}, mismatches 0\\n"), r.stdout());
    }

    /**
     * %f %e %g %a and their capitals over edge cases and random doubles of every exponent.
     * A long run by hand: {@code -Dclonix.fuzz.seconds=N} adds about 300,000 cases a second.
     */
    @Test
    void floatingPointConversionsAreByteIdenticalToGlibc() throws Exception {
        long cases = 100_000 + fuzz.FuzzBudget.seconds() * 300_000;
        HostLibc.Run r = HostLibc.run("printf_fp_compare.c", PORTABLE_SOURCES, Long.toString(cases), "1");
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("(?s)checked \\d{6,}, mismatches 0\\n"), r.stdout());
    }

    @Test
    void strtolQsortRandCtypeAndStrerrorMatchGlibc() throws Exception {
        HostLibc.Run r = HostLibc.run("stdlib_compare.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        for (String area : List.of("strtol", "qsort", "rand", "ctype", "strerror", "env")) {
            assertTrue(r.stdout().matches("(?sm).*^" + area + ": checked [1-9]\\d*, mismatches 0$.*"), area + ":\n" + r.stdout());
        }
        assertTrue(!r.stdout().contains("MISMATCH"), r.stdout());
    }

    /** Correct rounding: bits, end pointer and errno as glibc's, halfway cases and subnormals included. */
    @Test
    void strtodAndStrtofRoundExactlyAsGlibcDoes() throws Exception {
        HostLibc.Run r = HostLibc.run("strtod_compare.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("strtod: checked \\d{5,}, mismatches 0\\nstrtof: checked \\d{5,}, mismatches 0\\n"), r.stdout());
    }

    /** Return values, stored bytes and (for streams) the characters left unread, over random formats. */
    @Test
    void sscanfAndFscanfMatchGlibcOverRandomFormats() throws Exception {
        HostLibc.Run r = HostLibc.run("scanf_compare.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("sscanf: checked \\d{5,}, mismatches 0\\nfscanf: checked \\d{4,}, mismatches 0\\n"), r.stdout());
    }

    @Test
    void stringFunctionsMatchGlibc() throws Exception {
        HostLibc.Run r = HostLibc.run("string_compare.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("string: checked \\d{6,}, mismatches 0\\n"), r.stdout());
    }

    @Test
    void mallocReusesFreedMemoryWithoutOverlapAndMapsLargeBlocks() throws Exception {
        HostLibc.Run r = HostLibc.run("malloc_workload.c", PORTABLE_SOURCES);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().matches("malloc: [1-9]\\d* large allocations, .*; failures 0\\n"), r.stdout());
    }

    @Test
    void doubleFreeAborts() throws Exception {
        HostLibc.Run r = HostLibc.run("malloc_workload.c", PORTABLE_SOURCES, "double-free");
        assertEquals("ABORT called\n", r.stdout());
        assertEquals(134, r.status());
    }

    @Test
    void stdoutToAFileIsFullyBufferedAndStderrIsNot() throws Exception {
        HostLibc.Run r = HostLibc.run("stdio_buffering.c", PORTABLE_SOURCES);
        assertEquals("stdio: failures 0\n", r.stdout());
    }

    @Test
    void stdoutToATerminalIsLineBuffered() throws Exception {
        HostLibc.Run r = HostLibc.run("stdio_buffering.c", PORTABLE_SOURCES, "tty");
        assertEquals("stdio: failures 0\n", r.stdout());
    }
}
