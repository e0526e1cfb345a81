package libc;

import exec.BareMachine;
import obj.Executable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The libc compiled by Clonix's own compiler, running on the bare machine (write and exit
 * only): crt0's argc/argv/envp, printf and snprintf, strtol, qsort, rand, errno from
 * syscall(2) and clone's argument checks, atexit order and the flush at exit, and printf of
 * doubles. The expected output is what the same program prints on Linux with glibc.
 */
class GuestBasicsTest {
    @Test
    void programPrintsWhatItPrintsWithGlibc() throws Exception {
        Path source = Path.of("tests", "libc", "guest_basics.c");
        Executable exe = GuestLibc.build(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(out, err, 64L << 20).run(exe, List.of("guest_basics", "one"), 200_000_000L);
        assertEquals(Files.readString(Path.of("tests", "libc", "guest_basics.expected")), out.toString(StandardCharsets.UTF_8),
                "stderr: " + err + " reason: " + r.reason());
        assertEquals("to stderr\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(3, r.status(), r.reason());
    }

    @Test
    void printfTableMatchesGlibcWhenCompiledByClonixCc() throws Exception {
        Executable exe = GuestLibc.build(Path.of("tests", "libc", "guest_printf.c"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(out, err, 64L << 20).run(exe, List.of("guest_printf"), 500_000_000L);
        assertEquals(Files.readString(Path.of("tests", "libc", "guest_printf.expected")), out.toString(StandardCharsets.UTF_8),
                "reason: " + r.reason());
        assertEquals(0, r.status(), r.reason());
    }

    @Test
    void floatingPointPrintfMatchesGlibcWhenCompiledByClonixCc() throws Exception {
        Executable exe = GuestLibc.build(Path.of("tests", "libc", "guest_printf_fp.c"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(out, err, 64L << 20).run(exe, List.of("guest_printf_fp"), 500_000_000L);
        assertEquals(Files.readString(Path.of("tests", "libc", "guest_printf_fp.expected")), out.toString(StandardCharsets.UTF_8),
                "reason: " + r.reason());
        assertEquals(0, r.status(), r.reason());
    }

    /** Guest instructions one snprintf(buf, size, format, double) takes, from runs of 200 calls and of none. */
    private static long instructionsPerCall(Executable exe, String format, String bits) throws Exception {
        long[] counted = new long[2];
        for (int k = 0; k < 2; k++) {
            BareMachine.Result r = new BareMachine(new ByteArrayOutputStream(), new ByteArrayOutputStream(), 64L << 20)
                    .run(exe, List.of("printf_fp_cost", k == 0 ? "0" : "200", format, bits), 500_000_000L);
            assertEquals(0, r.status(), r.reason());
            counted[k] = r.instructions();
        }
        return (counted[1] - counted[0]) / 200;
    }

    /** A guard against a slow formatter: docs/libc.md gives the measured costs (about 2,700 and 78,000). */
    @Test
    void printingADoubleCostsThousandsOfInstructionsAndAtWorstAHundredThousand() throws Exception {
        Executable exe = GuestLibc.build(Path.of("tests", "libc", "printf_fp_cost.c"));
        long pi = instructionsPerCall(exe, "%f", "400921fb54442d18");
        long shortest = instructionsPerCall(exe, "%.17g", "3fb999999999999a");
        long smallest = instructionsPerCall(exe, "%.1074f", "1");
        assertTrue(pi < 6_000 && shortest < 6_000, "%f of pi: " + pi + ", %.17g of 0.1: " + shortest);
        assertTrue(smallest < 150_000, "%.1074f of the smallest subnormal: " + smallest);
    }
}
