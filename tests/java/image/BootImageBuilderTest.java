package image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import obj.Executable;
import obj.ExecutableFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot image builder's programs: userland/bin/NAME.c becomes bin/NAME, and so does a
 * directory userland/bin/NAME/, all of whose .c files are linked into one program that
 * includes its own header from beside them (as the shell, userland/bin/sh/, does).
 */
class BootImageBuilderTest {
    @TempDir Path dir;

    /** A crt0 without a C library: calls main and passes its result to exit_group. */
    private static final String CRT0 = """
            .text
            .globl _start
    _start: call main
            li a7, 231
            syscall
    """;

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private int run(Path image, String name) throws Exception {
        Executable exe = ExecutableFormat.read(name, Files.readAllBytes(image.resolve("bin").resolve(name)));
        return GuestRun.runExecutable(Options.defaults(), exe, name).status();
    }

    @Test
    void aDirectoryOfSourcesIsOneProgramAndAFileIsAnother() throws Exception {
        write("userland/lib/crt0.s", CRT0);
        write("userland/bin/seven.c", "int main(void) { return 7; }\n");
        write("userland/bin/pair/pair.h", "int twice(int x);\nextern int base;\n");
        write("userland/bin/pair/main.c", "#include \"pair.h\"\nint main(void) { return twice(base); }\n");
        write("userland/bin/pair/twice.c", "#include \"pair.h\"\nint base = 21;\nint twice(int x) { return 2 * x; }\n");
        Path image = dir.resolve("image");
        BootImageBuilder.build(dir.resolve("userland"), image);
        assertEquals(List.of("lib/crt0.o", "lib/libc.a", "bin/pair", "bin/seven"),
                Files.readAllLines(image.resolve(BootImage.MANIFEST)));
        assertEquals(42, run(image, "pair"), "main.c calls twice.c's function on its variable");
        assertEquals(7, run(image, "seven"));
        assertTrue(Files.notExists(image.resolve("bin/pair.h")), "a header is no program");
    }
}
