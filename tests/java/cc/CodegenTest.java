package cc;

import static cc.GeneratedCode.asm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of the generated assembly: what {@code cc -S} shows students. */
class CodegenTest {
    @Test
    void constantExpressionsAreFolded() throws Exception {
        String s = asm("int f(void) { return (2 * 3 + 4) << 2; }\n");
        assertTrue(s.contains("li\ta0, 40"), s);
        assertFalse(s.contains("mul"), s);
    }

    @Test
    void linesAreAnnotatedWithTheirCSource() throws Exception {
        String s = asm("int f(int x) {\n    return x + 1;\n}\n");
        assertTrue(s.contains("# t.c:2: return x + 1;"), s);
    }

    @Test
    void localsWhoseAddressIsTakenAreAddressedFromTheFramePointerWithoutExtraAdds() throws Exception {
        String s = asm("void g(int *);\nint f(int x) { int y = x; g(&y); return y; }\n");
        assertTrue(s.contains("sw\ts10, -20(fp)"), "x's register is stored as it is:\n" + s);
        assertTrue(s.contains("addi\ta0, fp, -20"), s);
        assertTrue(s.contains("lw\ta0, -20(fp)"), s);
        assertFalse(s.contains("addi\ts1, fp"), s);
    }

    @Test
    void scalarLocalsWhoseAddressIsNotTakenLiveInRegisters() throws Exception {
        String s = asm("long f(long n) { long sum = 0; for (long i = 0; i < n; i++) sum += i; return sum; }\n");
        // f calls nothing, so its locals take caller-saved registers: the most used variable
        // (i, in the loop) gets t8, then sum t7, then n t6.
        assertTrue(s.contains("addi\tt8, t8, 1"), "i++ is one addi on i's register:\n" + s);
        assertTrue(s.contains("add\tt7, t7, t8"), "sum += i is one add:\n" + s);
        assertTrue(s.contains("blt\tt8, t6, "), "i < n is one branch:\n" + s);
        assertFalse(s.contains("t5"), "no temporary is needed:\n" + s);
        assertEquals(45, CProgramRunner.run("sum.c", "long f(long n) { long sum = 0; for (long i = 0; i < n; i++) sum += i; return sum; }\n"
                + "int main(void) { return (int) f(10); }\n").status());
    }

    /**
     * Register locals must behave exactly as memory ones: narrow types wrap and truncate,
     * and conditions with ||, && and ! branch correctly. The expected lines are what the
     * same program prints built by gcc -O0.
     */
    @Test
    void registerLocalsWrapAndTruncateAsTheirTypesSayAndConditionsBranchRight() throws Exception {
        String program = """
            long write(int fd, const void *buf, unsigned long count);
            static void put(long v) {
                char b[24];
                int i = 23;
                unsigned long u = v < 0 ? -(unsigned long) v : (unsigned long) v;
                b[i] = 10;
                do { b[--i] = (char) (48 + u % 10); u /= 10; } while (u);
                if (v < 0) b[--i] = 45;
                write(1, b + i, 24 - i);
            }
            static int narrow(long big, int n) {
                int x = big;
                unsigned char c = 250;
                short s = 32767;
                signed char sc = -128;
                unsigned u = 0;
                for (int i = 0; i < n; i++) { c++; s++; sc--; u--; }
                return x + c + s + sc + (int) (u >> 28);
            }
            static int conds(int a, int b, unsigned ua, unsigned ub) {
                int r = 0;
                if (a < b || !(a != b)) r |= 1;
                if (ua < ub && a <= b) r |= 2;
                if (!(a > 0 && b > 0)) r |= 4;
                while (a < b && r < 100) { a++; r += 8; }
                do { b--; } while (b > a || b == 7);
                return r * 1000 + b;
            }
            int main(void) {
                put(narrow(0x1234567890L, 10));
                put(conds(-3, 4, 5u, 0xffffffffu));
                put(conds(9, 2, 7u, 3u));
                put(conds(7, 7, 1u, 2u));
                return 0;
            }
            """;
        CProgramRunner.Run run = CProgramRunner.run("regsem.c", program);
        assertEquals("878049570\n63003\n1\n3006\n", run.stdout());
    }

    @Test
    void aFunctionCallingSetjmpKeepsItsLocalsInMemory() throws Exception {
        String s = asm("int setjmp(long *);\nlong buf[8];\nint f(void) { int n = 0; if (setjmp(buf)) return n; n = 1; return 0; }\n");
        assertTrue(s.contains("sw\ts1, -20(fp)"), "longjmp restores registers, so n must be in memory:\n" + s);
    }

    @Test
    void conditionsBranchOnTheComparisonItself() throws Exception {
        String s = asm("int f(long *a, long *b) { if (*a < *b && *a != 0) return 1; return 0; }\n");
        assertTrue(s.contains("bge\t"), s);
        assertTrue(s.matches("(?s).*\tbeq\tt\\d, zero, .*"), s);
        assertFalse(s.contains("slt"), s);
        assertFalse(s.contains("snei"), s);
    }

    @Test
    void charIndexingNeedsNoScaleAndFoldsTheArrayIntoTheOffset() throws Exception {
        String s = asm("char t[16];\nint f(long i) { return t[i]; }\n");
        assertFalse(s.contains("muli"), s);
        assertTrue(s.contains("lb\ta0, t(t8)"), s);
    }

    @Test
    void copyingThroughPostIncrementedPointersUsesTheirRegistersDirectly() throws Exception {
        String src = "char *copy(char *d, const char *s) { char *r = d; while ((*d++ = *s++) != 0) {} return r; }\n";
        String s = asm(src);
        assertTrue(s.matches("(?s).*lb\t(t\\d), 0\\(t\\d\\)\n\taddi\tt\\d, t\\d, 1\n\tsb\t\\1, 0\\(t\\d\\)\n\taddi.*"), s);
        String prog = src + "long write(int, const void *, unsigned long);\n"
                + "int main(void) { char b[8]; copy(b, \"hey\\n\"); write(1, b, 4); return 0; }\n";
        assertEquals("hey\n", CProgramRunner.run("copy.c", prog).stdout());
    }

    @Test
    void aStatementIncrementDoesNotUndoItsValue() throws Exception {
        String s = asm("int n;\nvoid f(void) { n++; }\n");
        assertTrue(s.contains("addiw\tt8, t8, 1"), s);
        assertFalse(s.contains(", -1"), s);
    }

    @Test
    void simpleArgumentsGoStraightToArgumentRegisters() throws Exception {
        String s = asm("int g(int, const char *);\nint f(void) { return g(7, \"s\"); }\n");
        assertTrue(s.contains("li\ta0, 7"), s);
        assertTrue(s.contains("la\ta1, .L.str."), s);
        assertTrue(s.contains("call\tg"), s);
    }

    @Test
    void staticsAreLocalAndStringsAreInRodata() throws Exception {
        String s = asm("static int counter = 5;\nstatic int f(void) { return counter; }\nint g(void) { return f(); }\nconst char *p = \"hi\";\n");
        assertTrue(s.contains(".local\tcounter"), s);
        assertTrue(s.contains(".local\tf"), s);
        assertTrue(s.contains(".globl\tg"), s);
        assertTrue(s.contains(".rodata"), s);
        assertTrue(s.contains(".asciz\t\"hi\""), s);
        assertTrue(s.contains(".quad\t.L.str."), s);
        assertTrue(s.contains("lw\ta0, counter(zero)"), s);
    }

    @Test
    void fallingOffTheEndOfMainReturnsZero() throws Exception {
        assertEquals(0, CProgramRunner.run("m.c", "int main(void) { int x = 5; x++; }\n").status());
        assertEquals(7, CProgramRunner.run("m.c", "int main(void) { return 7; }\n").status());
    }

    @Test
    void zeroInitialisedGlobalsGoToBss() throws Exception {
        String s = asm("long table[100];\n");
        assertTrue(s.contains(".bss"), s);
        assertTrue(s.contains(".zero\t800"), s);
    }

    @Test
    void unsignedAndSignedOperationsUseTheRightInstructions() throws Exception {
        String s = asm("int f(unsigned a, unsigned b, int c, int d) { return (a / b < a) + (c / d < c) + (a >> 3) + (c >> 3); }\n");
        assertTrue(s.contains("divu\t"), s);
        assertTrue(s.contains("divw\t"), s);
        assertTrue(s.contains("sltu\t"), s);
        assertTrue(s.contains("slt\t"), s);
        assertTrue(s.contains("srliw\t"), s);
        assertTrue(s.contains("sraiw\t"), s);
    }

    @Test
    void atomicsUseTheAtomicInstructions() throws Exception {
        String s = asm("long n; int i;\nvoid f(void) { __sync_fetch_and_add(&n, 1); __sync_bool_compare_and_swap(&i, 0, 1);"
                + " __atomic_exchange_n(&n, 3, 5); __sync_synchronize(); }\n");
        assertTrue(s.contains("faa.d\t"), s);
        assertTrue(s.contains("cas.w\t"), s);
        assertTrue(s.contains("xchg.d\t"), s);
        assertTrue(s.contains("fence"), s);
    }

    @Test
    void onlyUsedSavedRegistersAreSaved() throws Exception {
        String s = asm("int g(int);\nint f(int *p) { return g(p[0] + p[1]); }\n");
        assertTrue(s.contains("sd\ts1, 0(sp)"), s);
        assertTrue(s.contains("sd\ts10, 16(sp)"), "the register of local p is saved:\n" + s);
        assertFalse(s.contains("s3"), s);
        assertFalse(asm("int g(void) { return 5; }\n").contains("s1"), "a function using no temporaries saves none");
    }

    /**
     * A function that calls nothing keeps its values in caller-saved registers, which need
     * no saving, and without anything to save or keep in memory it needs no frame: the
     * whole of f is four instructions.
     */
    @Test
    void leafFunctionsUseCallerSavedRegistersAndNeedNoFrame() throws Exception {
        String s = asm("int f(int *p) { return p[0] + p[1]; }\n");
        String body = s.substring(s.indexOf("f:\n") + 3, s.indexOf("\t.size")).replaceAll("(?m)^\t\\.(file|loc)\t.*\n", "");
        assertEquals("\tmv\tt8, a0\n\t# t.c:1: int f(int *p) { return p[0] + p[1]; }\n\tlw\tt7, 0(t8)\n\tlw\tt6, 4(t8)\n"
                + "\taddw\ta0, t7, t6\n.Lf.0:\n\tret\n", body);
        String framed = asm("int f(int *p) { int a[2]; a[0] = *p; a[1] = 2; return a[0] + a[1]; }\n");
        assertTrue(framed.matches("(?s).*\taddi\tsp, sp, -32\n\taddi\t(t\\d), sp, 32\n.*\taddi\tt\\d, \\1, -24\n.*"),
                "a leaf with an array in memory has a frame, addressed from a free register where fp would point:\n" + framed);
        assertFalse(framed.matches("(?s).*\\b(ra|fp)\\b.*"), "it saves neither ra nor fp, since it calls nothing:\n" + framed);
        assertFalse(framed.matches("(?s).*\tsd\ts\\d.*"), "and still saves no s-register:\n" + framed);
        assertEquals(7, CProgramRunner.run("leaf.c", "static int f(int *p) { return p[0] + p[1]; }\n"
                + "int main(void) { int v[2] = {3, 4}; return f(v); }\n").status());
    }

    /** A balanced tree of {@code depth} levels over a, b, c: it needs depth + 1 registers. */
    private static String tree(int depth, int[] leaf) {
        if (depth == 0) return "abc".charAt(leaf[0]++ % 3) + "";
        String op = depth % 3 == 0 ? " - " : depth % 3 == 1 ? " + " : " ^ ";
        return "(" + tree(depth - 1, leaf) + op + tree(depth - 1, leaf) + ")";
    }

    private static long evalTree(int depth, int[] leaf, long a, long b, long c) {
        if (depth == 0) return switch (leaf[0]++ % 3) { case 0 -> a; case 1 -> b; default -> c; };
        long l = evalTree(depth - 1, leaf, a, b, c), r = evalTree(depth - 1, leaf, a, b, c);
        return depth % 3 == 0 ? l - r : depth % 3 == 1 ? l + r : l ^ r;
    }

    @Test
    void expressionsNeedingMoreThanTenRegistersSpillAndStillComputeTheRightValue() throws Exception {
        String expr = tree(12, new int[1]);
        long expected = evalTree(12, new int[1], 5, 1000, -77);
        // keep() makes main call something, so it has ten registers, not a leaf's sixteen.
        String src = "static long keep(long v) { return v; }\n"
                + "int main(void) { long a = 5, b = 1000, c = -77; long r = keep(" + expr + ");\n"
                + "  return r == " + expected + "L ? 42 : 1; }\n";
        String s = asm(src);
        assertTrue(s.contains("# spill"), "no spill in a 13-register expression");
        assertTrue(s.contains("# reload"));
        assertEquals(42, CProgramRunner.runAssembly("tree.c", s).status());
    }

    @Test
    void deepRightLeaningExpressionsNeedFewRegisters() throws Exception {
        String s = asm("int f(int a, int b) { return a + (b + (a + (b + (a + (b + (a + (b + (a + (b + (a + b)))))))))); }\n");
        assertFalse(s.contains("s3"), s);
        assertEquals(-1, s.indexOf("internal"));
    }
}
