package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code clonix run} as students type gcc's command line: several C files linked together,
 * gcc's -I, -D, -U and -l (-lm, -lpthread and -lrt are part of libc; another library is an
 * error, as ld says it), the program's arguments after {@code --}, and {@code run prog.c
 * arg...} as before when there is one file (a {@code --} after an argument is an argument).
 */
class RunSourcesTest extends CommandLineRun {
    private static final String MAIN = """
            #include <stdio.h>
            #include "greeting.h"
            int twice(int);
            int main(int argc, char **argv)
            {
            #ifdef LEVEL
                printf("level %d\\n", LEVEL);
            #endif
            #ifdef QUIET
                return 9;
            #endif
                printf("%s %d argc=%d", GREETING, twice(21), argc);
                for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
                printf("\\n");
                return 0;
            }
            """;

    private Path main;
    private Path helper;
    private Path include;

    private void writeSources() throws Exception {
        main = Files.writeString(dir.resolve("main.c"), MAIN);
        helper = Files.writeString(dir.resolve("twice.c"), "int twice(int x) { return 2 * x; }\n");
        include = Files.createDirectory(dir.resolve("include"));
        Files.writeString(include.resolve("greeting.h"), "#define GREETING \"hello\"\n");
    }

    @Test
    void severalFilesWithGccOptionsAndArgumentsAfterDashDash() throws Exception {
        writeSources();
        assertEquals(0, clonix("run", main.toString(), helper.toString(), "-I", include.toString(), "-DLEVEL=3", "-DQUIET",
                "-UQUIET", "-lm", "-lpthread", "-lrt", "--", "x", "y z", "--", "-v"), err.toString());
        assertEquals("level 3\nhello 42 argc=5 [x] [y z] [--] [-v]\n", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void optionsBeforeASingleProgramAndItsArgumentsAfterItAsBefore() throws Exception {
        writeSources();
        Path one = Files.writeString(dir.resolve("one.c"), MAIN.replace("int twice(int);", "static int twice(int x) { return x + x; }"));
        assertEquals(0, clonix("run", "-I" + include, "-D", "LEVEL=1", one.toString(), "a", "-n", "--"), err.toString());
        assertEquals("level 1\nhello 42 argc=4 [a] [-n] [--]\n", console.toString(StandardCharsets.UTF_8));
        assertEquals(9, clonix("run", "--cpus", "2", "-I", include.toString(), "-DQUIET", one.toString()), err.toString());
    }

    @Test
    void anUnknownLibraryOrAnOutputOptionIsAnError() throws Exception {
        writeSources();
        assertEquals(1, clonix("run", main.toString(), helper.toString(), "-I", include.toString(), "-lfoo", "--"));
        assertEquals("cc: error: cannot find -lfoo\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, clonix("run", main.toString(), "-o", "prog", "--"));
        assertEquals("clonix run: -o makes no sense here: run compiles the program in memory and runs it"
                + " (use clonix cc to write files)\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, clonix("run", "-DX", "-I"));
        assertEquals("clonix run: argument to '-I' is missing\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, clonix("run", "-DX", "-lm"));
        assertEquals("clonix run: no program given (a .c, .s, .o file or an executable)\n", err.toString());
        assertEquals("", console.toString(StandardCharsets.UTF_8));
    }
}
