package libc;

import exec.BareMachine;
import obj.Executable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * libm compiled by Clonix's compiler and run on the Clonix machine gives the same bits as
 * the same C code compiled by the host's gcc: tests/libc/math_guest.c prints every
 * function's results over a fixed corpus (with errno), the classification macros and
 * fenv.h, and both builds must print the same bytes. Since {@link LibmHostTest} checks the
 * host build against the correctly rounded results, this carries that accuracy over to
 * Clonix. Skipped where gcc is not installed.
 */
class LibmGuestTest {
    @Test
    void clonixComputesTheSameBitsAsTheHostBuild() throws Exception {
        Path program = Path.of("tests", "libc", "math_guest.c");
        HostLibc.Run host = HostLibc.run(program.getFileName().toString(), LibmHostTest.sources(), List.of("-lm"));
        assertEquals(0, host.status(), host.stderr());
        Executable exe = GuestLibc.build(program);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(out, err, 64L << 20).run(exe, List.of("math_guest"), 2_000_000_000L);
        assertEquals(host.stdout(), out.toString(StandardCharsets.UTF_8), "stderr: " + err + " reason: " + r.reason());
        assertEquals(0, r.status(), r.reason());
    }
}
