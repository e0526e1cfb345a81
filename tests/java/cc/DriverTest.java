package cc;

import obj.ExecutableFormat;
import obj.ObjectFormat;
import exec.BareMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cc command line: -E, -S, -c, linking, -D, -I, and error reporting. */
class DriverTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cc(String... args) {
        Driver d = new Driver(new HostCompilerFiles(dir), List.of(dir.resolve("sysinclude").toString()));
        return d.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private void writeProgram() throws Exception {
        Files.writeString(dir.resolve("crt0.s"), Files.readString(CProgramRunner.TESTS_C.resolve("rt/crt0.s")));
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/msg.h"), "#define MSG \"from header\\n\"\n");
        Files.writeString(dir.resolve("hello.c"), """
                #include "msg.h"
                long write(int fd, const void *buf, unsigned long n);
                int main(void) {
                #ifdef LOUD
                    write(1, "LOUD ", 5);
                #endif
                    write(1, MSG, sizeof MSG - 1);
                    return EXIT_CODE;
                }
                """);
    }

    @Test
    void compilesAndLinksAProgramThatRuns() throws Exception {
        writeProgram();
        assertEquals(0, cc("-I", "inc", "-DLOUD", "-DEXIT_CODE=3", "crt0.s", "hello.c", "-o", "hello"), err.toString());
        byte[] exe = Files.readAllBytes(dir.resolve("hello"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(stdout, new ByteArrayOutputStream(), 16 << 20)
                .run(ExecutableFormat.read("hello", exe), List.of("hello"), 1_000_000);
        assertEquals("LOUD from header\n", stdout.toString());
        assertEquals(3, r.status());
    }

    @Test
    void standardStartFilesAreLinkedUnlessNostdlib() throws Exception {
        writeProgram();
        assertEquals(0, cc("-c", "crt0.s"), err.toString());
        Driver d = new Driver(new HostCompilerFiles(dir), List.of()).standardLink(List.of("crt0.o"), List.of());
        String[] args = {"-Iinc", "-DEXIT_CODE=5", "hello.c", "-o", "withcrt"};
        assertEquals(0, d.execute(args, new PrintWriter(out), new PrintWriter(err)), err.toString());
        String[] bare = {"-nostdlib", "-Iinc", "-DEXIT_CODE=5", "hello.c", "-o", "bare"};
        assertEquals(1, d.execute(bare, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(err.toString().contains("_start"), err.toString());
    }

    @Test
    void defaultOutputIsAOut() throws Exception {
        writeProgram();
        assertEquals(0, cc("-Iinc", "-DEXIT_CODE=0", "crt0.s", "hello.c"), err.toString());
        assertTrue(Files.exists(dir.resolve("a.out")));
    }

    @Test
    void dashSWritesAssemblyWithLineComments() throws Exception {
        writeProgram();
        assertEquals(0, cc("-S", "-Iinc", "-DEXIT_CODE=0", "hello.c"), err.toString());
        String asm = Files.readString(dir.resolve("hello.s"));
        assertTrue(asm.contains("hello.c:7: write(1, MSG, sizeof MSG - 1);"), asm);
        assertTrue(asm.contains("call\twrite"), asm);
        assertTrue(asm.contains(".globl\tmain"), asm);
    }

    @Test
    void dashCWritesAnObjectFile() throws Exception {
        writeProgram();
        assertEquals(0, cc("-c", "-Iinc", "-DEXIT_CODE=0", "hello.c"), err.toString());
        var obj = ObjectFormat.read("hello.o", Files.readAllBytes(dir.resolve("hello.o")));
        assertTrue(obj.symbol("main") != null);
    }

    @Test
    void dashEPrintsPreprocessedTokens() throws Exception {
        writeProgram();
        assertEquals(0, cc("-E", "-Iinc", "-DEXIT_CODE=9", "hello.c"), err.toString());
        assertTrue(out.toString().contains("return 9"), out.toString());
        assertTrue(out.toString().contains("\"from header\\n\""), out.toString());
    }

    @Test
    void compileErrorsAreRenderedLikeClang() throws Exception {
        Files.writeString(dir.resolve("bad.c"), "int main(void) {\n    return x;\n}\n");
        assertEquals(1, cc("-c", "bad.c"));
        assertEquals("bad.c:2:12: error: use of undeclared identifier 'x'\n    return x;\n           ^\n1 error generated.\n",
                err.toString());
    }

    @Test
    void undefinedReferencesNameTheCFileAndTheFunctionOnce() throws Exception {
        Files.writeString(dir.resolve("crt0.s"), Files.readString(CProgramRunner.TESTS_C.resolve("rt/crt0.s")));
        Files.writeString(dir.resolve("main.c"), "int f(void);\nstatic int g(void) { return f() + f(); }\n"
                + "int main(void) { return f() + g(); }\n");
        assertEquals(0, cc("-c", "main.c", "-o", "separately.o"));
        assertEquals(1, cc("crt0.s", "separately.o"));
        assertEquals("ld: error: main.c: in function 'g': undefined reference to 'f'\n"
                + "ld: error: main.c: in function 'main': undefined reference to 'f'\n", err.toString(),
                "the object records its C file (.file), and the linker finds the function of each use");
    }

    @Test
    void missingInputIsReported() {
        assertEquals(1, cc("nothere.c"));
        assertTrue(err.toString().contains("nothere.c"), err.toString());
        StringWriter e2 = new StringWriter();
        assertEquals(1, new Driver(new HostCompilerFiles(dir), List.of()).execute(new String[0], new PrintWriter(out), new PrintWriter(e2)));
        assertEquals("cc: error: no input files\n", e2.toString());
    }

    @Test
    void theOptionsOfACoursesMakefileAreAccepted() throws Exception {
        writeProgram();
        assertEquals(0, cc("-Wall", "-Wextra", "-O2", "-g", "-std=c11", "-pthread", "-Iinc", "-DEXIT_CODE=0",
                "crt0.s", "hello.c", "-lm", "-lpthread", "-o", "hello"), err.toString());
        assertTrue(Files.exists(dir.resolve("hello")));
        assertEquals(1, cc("-std=c5", "hello.c"));
        assertTrue(err.toString().contains("unknown argument: '-std=c5'"), err.toString());
    }

    @Test
    void minusWSilencesWarningsAndWerrorTurnsThemIntoErrors() throws Exception {
        Files.writeString(dir.resolve("w.c"), "int main(void) { int *p = 0; long x = p; return 0; }\n");
        assertEquals(0, cc("-S", "w.c"));
        assertTrue(err.toString().contains("warning:"), err.toString());

        StringWriter quiet = new StringWriter();
        Driver d = new Driver(new HostCompilerFiles(dir), List.of());
        assertEquals(0, d.execute(new String[] {"-w", "-S", "w.c"}, new PrintWriter(out), new PrintWriter(quiet)));
        assertEquals("", quiet.toString());

        StringWriter strict = new StringWriter();
        assertEquals(1, d.execute(new String[] {"-Werror", "-S", "w.c"}, new PrintWriter(out), new PrintWriter(strict)));
        assertTrue(strict.toString().contains("error: ") && strict.toString().contains("[-Werror]"), strict.toString());
        assertTrue(strict.toString().endsWith("1 error generated.\n"), strict.toString());
    }
}
