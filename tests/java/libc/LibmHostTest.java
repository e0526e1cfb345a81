package libc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The C99 math functions of our libc (userland/lib/math_*.c), compiled with the host's gcc
 * (see {@link HostLibc}) and run by tests/libc/math_compare.c over a seeded corpus per
 * function: each must be within one ulp of the correctly rounded result (libquadmath's
 * binary128 value rounded once), the exact ones (floor, fmod, sqrt, fma...) exactly right,
 * and errno and NaN signs must be glibc's. The corpus has a few thousand random arguments
 * per function by default; {@code -Dclonix.libm.count=200000} runs a long one. Skipped
 * where gcc is not installed.
 */
class LibmHostTest {
    /** The math sources, and what they use of the rest of libc (errno, strtoull for nan()). */
    static List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>(List.of("errno.c", "strtol.c", "ctype.c", "fenv.c"));
        try (Stream<Path> s = Files.list(HostLibc.LIB)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("math_") && n.endsWith(".c")).sorted()
                    .forEach(sources::add);
        }
        return sources;
    }

    @Test
    void everyMathFunctionIsWithinOneUlpAndSetsErrnoAsGlibc() throws Exception {
        String count = System.getProperty("clonix.libm.count", "3000");
        HostLibc.Run r = HostLibc.run("math_compare.c", sources(), List.of("-lquadmath", "-lm"), count);
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.size() >= 86, "every family was checked:\n" + r.stdout());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("[a-z0-9 ]+: checked [1-9]\\d*, .*") && !line.contains("FAIL"), line + "\n" + r.stdout());
        }
        assertEquals("failures 0", lines.get(lines.size() - 1), r.stdout());
    }
}
