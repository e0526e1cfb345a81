package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader survives a kernel whose Java is broken, as a student's kernel may be in the
 * labs where the kernel is the student's code. The broken kernel is real: a replacement
 * for syscall.PrctlCalls, compiled here and put ahead of this build's classes, whose prctl
 * throws, recurses without end, fills the heap or loops forever, as the guest's first
 * argument asks. Each is a failed test with its reason, and the grader goes on.
 */
class GraderKernelFaultTest {
    @TempDir static Path project;
    @TempDir static Path classes;

    private static final String BROKEN_PRCTL = """
            package syscall;

            public final class PrctlCalls {
                private PrctlCalls() {}

                public static void register(SyscallTable table) {
                    table.register(157, "prctl", (t, a) -> misbehave((int) a[0]));
                }

                static long misbehave(int how) {
                    if (how == 1) throw new IllegalStateException("a student's bug");
                    if (how == 2) return 1 + misbehave(2);
                    if (how == 3) {
                        java.util.List<long[]> hog = new java.util.ArrayList<>();
                        while (true) hog.add(new long[1 << 20]);
                    }
                    while (how == 4) Thread.onSpinWait();
                    return 0;
                }
            }
            """;

    @BeforeAll
    static void breakTheKernel() throws IOException {
        Path src = Files.createDirectories(classes.resolve("src/syscall")).resolve("PrctlCalls.java");
        Files.writeString(src, BROKEN_PRCTL);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "-d",
                classes.resolve("out").toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, diagnostics.toString());
        String once = FixtureLab.ONCE + "program: prctl.c\ntitle: t\npoints: 1\n";
        FixtureLab.write(project, "k", 1, "prctl.c", """
                #include <stdlib.h>
                #include <unistd.h>
                int main(int argc, char **argv) { syscall(157, atoi(argv[1])); return 0; }
                """,
                "1-throws.ck", once + "args: 1\n",
                "2-recurses.ck", once + "args: 2\n",
                "3-fills-the-heap.ck", once + "args: 3\n",
                "4-loops.ck", once + "args: 4\ntimeout: 3\n",
                "5-works.ck", once + "args: 0\n");
    }

    private static List<TestResult> grade() throws Exception {
        String classpath = classes.resolve("out") + java.io.File.pathSeparator + System.getProperty("java.class.path");
        return new Grader(Labs.of(project), classpath).grade(List.of("k"), new GradeTable(new PrintWriter(Writer.nullWriter())))
                .get(0).tests();
    }

    @Test
    void eachKernelFailureIsAFailedTestWithItsReasonAndTheGraderGoesOn() throws Exception {
        List<TestResult> r = grade();
        assertEquals(5, r.size());
        String thrown = r.get(0).reason();
        assertTrue(thrown.startsWith("seed 1, 1 CPU: kernel BUG in trap SYSCALL for pid "), thrown);
        assertTrue(thrown.contains("java.lang.IllegalStateException: a student's bug at syscall.PrctlCalls.misbehave"), thrown);
        String recursed = r.get(1).reason();
        assertTrue(recursed.startsWith("seed 1, 1 CPU: kernel BUG in trap SYSCALL"), recursed);
        assertTrue(recursed.contains("java.lang.StackOverflowError"), recursed);
        assertEquals("seed 1, 1 CPU: the kernel's Java failed: java.lang.OutOfMemoryError: Java heap space (1 of 1 runs failed)",
                r.get(2).reason());
        assertTrue(r.get(2).detail().contains("at syscall.PrctlCalls.misbehave"), r.get(2).detail());
        // The looping JVM was destroyed at its deadline: the grader went on to the next test.
        assertEquals("seed 1, 1 CPU: timed out after 3 s of host time (1 of 1 runs failed)", r.get(3).reason());
        assertTrue(r.get(4).passed(), r.get(4).message());
    }
}
