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
}
