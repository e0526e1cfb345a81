package cc;

import static cc.GeneratedCode.asm;
import static cc.GeneratedCode.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a call costs in the generated code: early returns that run before the frame is set
 * up (shrink-wrapping), arguments computed straight into their registers, and constants
 * kept in a register across a loop. tests/c/frames.c runs the edge cases of each against
 * gcc's output (CProgramTest); these tests show the code itself.
 */
class CallCostCodegenTest {
    @TempDir Path tmp;

    private static final String FIB = "long fib(int n) {\n    if (n < 2) return n;\n    return fib(n - 1) + fib(n - 2);\n}\n";

    @Test
    void anEarlyReturnRunsBeforeThePrologue() throws Exception {
        String fib = code(asm(FIB), "fib");
        assertTrue(fib.startsWith("\tli\tt8, 2\n\tbge\ta0, t8, .Lfib.1\n\tret\n\taddi\tsp, sp, -32\n"),
                "n < 2 is tested on a0 and returns before the frame exists:\n" + fib);
        assertTrue(fib.contains("\tmv\ts10, a0\n"), "the rest of the body finds n in a0 still:\n" + fib);
        CProgramRunner.Run run = CProgramRunner.run("fib.c", FIB + "int main(void) { return (int) fib(20) % 251; }\n");
        assertEquals(6765 % 251, run.status());
    }

    @Test
    void theEarlyCodeReadsGlobalsAndMemoryAndComputesItsResultIntoA0() throws Exception {
        String s = code(asm("int limit;\nint g(int);\n"
                + "int f(int *p, int n) {\n if (p == 0 || *p > limit) return n * 2 + 1;\n return g(*p + n);\n}\n"), "f");
        String early = s.substring(0, s.indexOf("\taddi\tsp, sp,"));
        assertTrue(early.matches("(?s).*\tlw\tt\\d, 0\\(a0\\)\n.*") && early.contains(", limit(zero)\n"), early);
        assertTrue(early.matches("(?s).*\taddiw\ta0, t\\d, 1\n\tret\n"), "the result is computed into a0:\n" + early);
        assertFalse(early.matches("(?s).*\\bs\\d.*"), "no callee-saved register before it is saved:\n" + early);
    }

    @Test
    void earlyTestsThatNeedTheFrameWaitForIt() throws Exception {
        // The ninth argument arrives on the stack, addressed from fp.
        assertTrue(code(asm("long g(long *);\nlong f(long a, long b, long c, long d, long e, long f, long g2, long h, long i) {\n"
                + " if (i == 0) return a;\n return g(&a);\n}\n"), "f").startsWith("\taddi\tsp, sp, -"));
        // A struct parameter is not read in its registers.
        assertTrue(code(asm("struct p { long x, y; };\nlong g(long);\nlong f(struct p v, int n) {\n"
                + " if (v.x > n) return 1;\n return g(v.y);\n}\n"), "f").startsWith("\taddi\tsp, sp, -"));
        // A call, an assignment or a local other than a parameter ends the early code.
        String s = code(asm("long g(long);\nlong f(long n) {\n if (n == 1) return 5;\n if (g(n)) return 6;\n return g(n + 1);\n}\n"), "f");
        assertTrue(s.startsWith("\tli\tt8, 1\n\tbne\ta0, t8, .Lf.1\n\tli\ta0, 5\n\tret\n\taddi\tsp, sp, -"), s);
        assertTrue(code(asm("long g(long);\nlong f(long n) {\n if ((n = n - 1) == 1) return 5;\n return g(n);\n}\n"), "f")
                .startsWith("\taddi\tsp, sp, -"));
        // A variadic function sets up its register save area first.
        assertTrue(code(asm("long f(int n, ...) {\n if (n == 0) return 0;\n __builtin_va_list ap;\n __builtin_va_start(ap, n);\n"
                + " long v = __builtin_va_arg(ap, long);\n __builtin_va_end(ap);\n return v;\n}\n"), "f").startsWith("\taddi\tsp, sp, -64\n"));
    }

    /**
     * setjmp, longjmp and alloca in functions with early returns, against libc: the same
     * program built by gcc -O0 prints the same two lines.
     */
    @Test
    void earlyReturnsWithSetjmpAndAllocaRunAsWithGcc() throws Exception {
        String program = """
                #include <alloca.h>
                #include <setjmp.h>
                #include <stdio.h>
                #include <string.h>

                static jmp_buf env;
                static int level;

                static void dive(int n) {
                    if (n == 0) longjmp(env, 40 + level);
                    level++;
                    dive(n - 1);
                }

                static int catcher(int n) {
                    if (n < 0) return -1;
                    int got = setjmp(env);
                    if (got) return got + n;
                    dive(n);
                    return 0;
                }

                static long stacked(int n) {
                    if (n <= 0) return 0;
                    char *p = alloca(n + 1);
                    memset(p, 'x', n);
                    p[n] = 0;
                    return (long) strlen(p) * 10 + stacked(n - 1);
                }

                int main(void) {
                    int a = catcher(-3);
                    int b = catcher(0);
                    int c = catcher(5);
                    printf("%d %d %d\\n", a, b, c);
                    long d = stacked(0);
                    long e = stacked(6);
                    printf("%ld %ld\\n", d, e);
                    return 0;
                }
                """;
        assertEquals("-1 40 50\n0 210\n", CGuest.run(tmp, Options.defaults(), "jumps", program));
    }

    @Test
    void argumentsAfterTheLastCallAreComputedIntoTheirRegisters() throws Exception {
        String f = code(asm("int g(int, int, int);\nint f(int x, int y) { return g(x + 1, y * 3, x - y); }\n"), "f");
        assertTrue(f.contains("\taddiw\ta0, s10, 1\n\tmuli\ts1, s9, 3\n\tsext.w\ta1, s1\n\tsubw\ta2, s10, s9\n\tcall\tg\n"), f);
        // h's call would overwrite a0, so x + 1 waits in s1 until h has returned.
        String k = code(asm("int g(int, int, int);\nint h(int);\nint k(int x, int y) { return g(x + 1, h(y), x - y); }\n"), "k");
        assertTrue(k.contains("\taddiw\ts1, s10, 1\n\tmv\ta0, s9\n\tcall\th\n\tmv\ta1, a0\n\tsubw\ta2, s10, s9\n\tmv\ta0, s1\n\tcall\tg\n"), k);
    }

    @Test
    void aConstantStoredOrComparedInALoopIsLoadedOnceBeforeIt() throws Exception {
        String s = asm("char a[100];\nvoid f(long n) { for (long j = 0; j < n; j += 3) a[j] = 1; }\n"
                + "int h(char *p) { int k = 0; while (p[k] != 10) k++; return k; }\n");
        assertTrue(s.matches("(?s).*\tli\t(t\\d), 1\t# loop constant\n\tj\t\\.Lf\\.2\n\\.Lf\\.1:\n\tsb\t\\1, a\\(t8\\)\n.*"),
                "the loop is a store, an add and a branch:\n" + s);
        assertTrue(s.matches("(?s).*\tli\t(t\\d), 10\t# loop constant\n.*\tbne\tt\\d, \\1, \\.Lh\\.1\n.*"), s);
    }

    @Test
    void aLoopEnteredOtherThanFromAboveOrThatCallsKeepsItsConstantsInside() throws Exception {
        String viaGoto = code(asm("char a[100];\nvoid g(long n) { long i = 0; if (n == 2) goto in;\n"
                + " for (i = 0; i < n; i++) { a[i] = 7; in: a[i + 1] = 7; } }\n"), "g");
        assertFalse(viaGoto.contains("loop constant"), viaGoto);
        String duff = code(asm("int t;\nvoid d(int count) { switch (count % 2) { case 0: do { t += 6; case 1: t += 6; } while ((count -= 2) > 5); } }\n"), "d");
        assertFalse(duff.contains("loop constant"), duff);
        String calls = code(asm("char a[100];\nvoid k(long);\nvoid c(long n) { for (long i = 0; i < n; i++) { a[i] = 1; k(i); } }\n"), "c");
        assertFalse(calls.contains("loop constant"), calls);
    }
}
