package cc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of the generated assembly: what {@code cc -S} shows students. */
class CodegenTest {
    private static String asm(String source) throws Exception {
        return Compiler.compileSource("t.c", source).assembly();
    }

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
    void localsAreAddressedFromTheFramePointerWithoutExtraAdds() throws Exception {
        String s = asm("int f(int x) { int y = x; return y; }\n");
        assertTrue(s.contains("lw\ts1, -20(fp)"), s);
        assertTrue(s.contains("sw\ts1, -24(fp)"), s);
        assertFalse(s.contains("addi\ts1, fp"), s);
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
        String s = asm("int f(int x) { return x + 1; }\n");
        assertTrue(s.contains("sd\ts1, 0(sp)"), s);
        assertFalse(s.contains("s2"), s);
        assertFalse(asm("int g(int x) { return x; }\n").contains("s1"), "a function using no temporaries saves none");
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
        String src = "int main(void) { long a = 5, b = 1000, c = -77; long r = " + expr + ";\n"
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
