package cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import shell.ShellMain;

/**
 * Every limit of {@link Limits}, and of the stages after it, refuses its input with a
 * diagnostic instead of exhausting the JVM; the compiler's memory follows the source, never
 * a declared size; and a Java error inside the driver becomes one line. The sources are
 * held in memory, so each case costs what the compiler does with it and nothing else.
 */
class CompilerLimitsTest {
    private final PreprocessorMemoryReader files = new PreprocessorMemoryReader();
    private final StringWriter out = new StringWriter();

    /** Runs cc ARGS on {@link #files}; returns its diagnostics followed by "[status N]". */
    private String cc(String... args) {
        return cc(files, args);
    }

    private String cc(CompilerFiles on, String... args) {
        StringWriter err = new StringWriter();
        int status = new Driver(on, List.of()).execute(args, new PrintWriter(out), new PrintWriter(err));
        return err + "[status " + status + "]";
    }

    /** The first line of {@code text}. */
    private static String first(String text) {
        return text.substring(0, text.indexOf('\n'));
    }

    @Test
    void anArrayOverOneGibibyteIsTooLarge() {
        files.put("a.c", "char a[1L << 40] = {1};\n");
        assertEquals("a.c:1:6: error: size of array 'a' is too large\nchar a[1L << 40] = {1};\n     ^\n1 error generated.\n[status 1]",
                cc("-c", "a.c"));
        files.put("b.c", "int b[(1 << 28) + 1];\nint n = sizeof(char[1L << 31]);\nint h[] = {[1L << 40] = 1};\n");
        String err = cc("-c", "b.c");
        assertTrue(err.startsWith("b.c:1:5: error: size of array 'b' is too large\n"), err);
        assertTrue(err.contains("b.c:2:20: error: size of unnamed array is too large\n"), err);
        assertTrue(err.contains("b.c:3:5: error: size of array 'h' is too large\n"), err);
    }

    @Test
    void indexRangesCannotMultiplyAnInitialiserBeyondTheTokenLimit() {
        files.put("r.c", "static char big[100000000] = {[0 ... 99999999] = 1};\nint small[8] = {[2 ... 5] = 3};\n");
        assertEquals("r.c:1:31: error: index ranges repeat more than 1000000 tokens of initializer in this translation unit",
                first(cc("-c", "r.c")));
        files.put("ok.c", "int small[8] = {[2 ... 5] = 3};\nstruct p { int x, y; } ps[1000] = {[0 ... 999] = {1, 2}};\n");
        assertEquals("[status 0]", cc("-c", "ok.c"));
    }

    @Test
    void structsAndFramesOverTheLimitAreTooLarge() {
        files.put("s.c", """
                struct s { char x[1 << 29]; char y[1 << 29]; char z; };
                int f(void) { char p[1 << 29]; char q[1 << 29]; return p[0] + q[0]; }
                int g(void) { return 0; }
                """);
        String err = cc("-c", "s.c");
        assertEquals("s.c:1:8: error: type 'struct s' is too large", first(err));
        assertTrue(err.contains("s.c:2:5: error: total size of local objects is too large\n"), err);
        assertTrue(err.endsWith("2 errors generated.\n[status 1]"), "the rest of the file is read as usual:\n" + err);
    }

    @Test
    void objectsUpToTheLimitCostWhatTheirInitialisersSay() {
        files.put("big.c", """
                int bss[1 << 27];
                char sparse[1 << 23] = {1, [1 << 22] = 2};
                struct huge { char bytes[1 << 20]; } h1, h2;
                void copy(void) { h1 = h2; }
                """);
        assertEquals("[status 0]", cc("-S", "big.c"));
        String asm = files.get("big.s");
        assertTrue(asm.contains("bss:\n\t.zero\t536870912\n"), asm);
        String sixteen = ", 0".repeat(15) + "\n";
        assertTrue(asm.contains("sparse:\n\t.byte\t1" + sixteen + "\t.zero\t4194288\n\t.byte\t2" + sixteen + "\t.zero\t4194288\n"), asm);
        assertTrue(asm.length() < 4000, "the code and data are as small as the source: " + asm.length() + " bytes");
        assertEquals("[status 0]", cc("-c", "big.c"));
    }

    @Test
    void dataTooLargeForTheAssemblersSectionsIsReportedAgainstTheCSource() {
        files.put("big.c", """
                int bss[1 << 28];
                char sparse[1 << 28] = {1, [1 << 27] = 2};
                """);
        String err = cc("-S", "big.c");
        assertEquals("big.c:2:6: error: size of array 'sparse' is too large", first(err),
                ".data holds 16 MiB: the C declaration is at fault, not the generated .s");
        files.put("two.c", "int bss[1 << 28];\nchar more;\n");
        assertEquals("two.c:2:6: error: 'more' does not fit: the zero-initialized data of one file may not exceed 1 GiB"
                + " (section .bss)", first(cc("-c", "two.c")));
    }

    @Test
    void sourceFilesAndIncludesHaveASizeLimit() {
        String big = "int x;\n" + "/" + "*" + " ".repeat(Limits.MAX_SOURCE_BYTES) + "*" + "/\n";
        files.put("big.c", big).put("big.h", big).put("uses.c", "#include \"big.h\"\n").put("big.s", " ".repeat(Limits.MAX_ASSEMBLY_BYTES + 1));
        assertEquals("cc: error: big.c: file too large (the limit is 1 MiB)\n[status 1]", cc("-c", "big.c"));
        assertEquals("uses.c:1:10: fatal error: big.h: file too large (the limit is 1 MiB)", first(cc("-E", "uses.c")));
        assertEquals("cc: error: big.s: file too large (the limit is 4 MiB)\n[status 1]", cc("-c", "big.s"));
    }

    @Test
    void includesAreLimitedInDepthCountAndTotalSize() {
        files.put("loop.h", "#include \"loop.h\"\n").put("loop.c", "#include \"loop.h\"\n");
        assertTrue(first(cc("-E", "loop.c")).endsWith("error: #include nested too deeply"));
        // Thirty levels, each including the next twice: 2^30 inclusions without the limit.
        for (int i = 0; i < 30; i++) files.put("h" + i + ".h", "#include \"h" + (i + 1) + ".h\"\n#include \"h" + (i + 1) + ".h\"\n");
        files.put("h30.h", "int x;\n").put("tree.c", "#include \"h0.h\"\n");
        assertEquals("h28.h:1:10: fatal error: too many #include directives carried out: more than 20000", first(cc("-E", "tree.c")));
        String comment = "/" + "*" + " ".repeat(Limits.MAX_SOURCE_BYTES - 8) + "*" + "/\n";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            files.put("c" + i + ".h", comment);
            many.append("#include \"c").append(i).append(".h\"\n");
        }
        files.put("many.c", many.toString());
        assertEquals("many.c:17:10: fatal error: included files too large: together more than 16 MiB, counting each #include",
                first(cc("-E", "many.c")));
    }

    @Test
    void aTranslationUnitHasATokenLimit() {
        files.put("semis.c", ";".repeat(Limits.MAX_TRANSLATION_UNIT_TOKENS + 1));
        assertEquals("semis.c:1:1000001: fatal error: translation unit too large: more than 1000000 tokens after preprocessing",
                first(cc("-E", "semis.c")));
    }

    @Test
    void macroBombsStopAtTheirBudgets() {
        StringBuilder nested = new StringBuilder("a");
        for (int i = 0; i < 60; i++) nested.insert(0, "T(").append(')');
        files.put("text.c", "#define S(x) #x\n#define T(x) S(x)\nconst char *p = " + nested + ";\n");
        assertEquals("text.c:1:14: fatal error: macro expansion produces more than 16 MiB of text with # and ##", first(cc("-E", "text.c")));
        // The bomb, used again and again: after the first, nothing more is spent on it.
        files.put("copies.c", "#define F(x) x x x x x x x x x x\n" + "F(F(F(F(F(F(F(1)))))))\n".repeat(500));
        assertEquals("copies.c:2:1: fatal error: macro expansion produces more than 2000000 tokens\n"
                + "F(F(F(F(F(F(F(1)))))))\n^\n1 error generated.\n[status 1]", cc("-E", "copies.c"));
    }

    @Test
    void generatedAssemblyHasASizeLimit() {
        // Each copy of a 256-byte struct is 64 unrolled loads and stores: about 1 KiB of assembly.
        files.put("copies.c", "struct s { long w[32]; } a, b;\nvoid f(void) {\n" + "a = b;\n".repeat(6000) + "}\n");
        assertEquals("copies.c: error: generated assembly too large: more than 4 MiB", first(cc("-S", "copies.c")));
    }

    /** Files whose every read fails with {@code error}, as a real read could deep inside the compiler. */
    private static CompilerFiles failingWith(Error error) {
        return new CompilerFiles() {
            @Override
            public byte[] read(String path, int limit) {
                throw error;
            }

            @Override
            public boolean isFile(String path) {
                return false;
            }

            @Override
            public OutputStream create(String path, boolean executable) throws IOException {
                throw new IOException("not here");
            }
        };
    }

    @Test
    void javaErrorsBecomeOneLine() {
        assertEquals("cc: fatal error: out of memory\n[status 1]", cc(failingWith(new OutOfMemoryError("heap")), "x.c"));
        assertEquals("cc: fatal error: input nested too deeply for the compiler's stack\n[status 1]",
                cc(failingWith(new StackOverflowError()), "x.c"));
        files.put("ok.c", "int main(void) { return 0; }\n");
        assertEquals("[status 0]", cc("-c", "ok.c"), "the next compilation works");
    }

    @Test
    void theShellGoesOnAfterABombInItsCc() throws IOException {
        String script = """
                echo '#define S(x) #x' > /tmp/bomb.c
                echo '#define T(x) S(x)' >> /tmp/bomb.c
                echo 'char *p = T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(T(a))))))))))))))))))))))))))))));' >> /tmp/bomb.c
                cc -c /tmp/bomb.c
                echo 'char a[1L << 40] = {1};' > /tmp/big.c
                cc -c /tmp/big.c -o /tmp/big.o
                echo still here $?
                """;
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), screen, false);
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("/tmp/bomb.c:1:14: fatal error: macro expansion produces more than 16 MiB of text with # and ##\n"), out);
        assertTrue(out.contains("/tmp/big.c:1:6: error: size of array 'a' is too large\n"), out);
        assertTrue(out.endsWith("still here 1\n"), out);
        assertEquals(0, status);
    }
}
