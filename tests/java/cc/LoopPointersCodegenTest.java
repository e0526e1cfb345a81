package cc;

import static cc.GeneratedCode.asm;
import static cc.GeneratedCode.code;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A pointer stepped along an array that a counted loop indexes (LoopPointers), instead of
 * the element's address computed on every iteration. tests/c/looppointers.c runs the edge
 * cases against gcc's output (CProgramTest); these tests show the code itself.
 */
class LoopPointersCodegenTest {
    /** The loop of {@code code} that ends with its last backward branch: from the first instruction after the jump to its test. */
    private static String loop(String code) {
        String body = code.substring(code.lastIndexOf("\tj\t"));
        return body.substring(body.indexOf('\n') + 1, body.lastIndexOf("\tb"));
    }

    private static final String MATRIX = "int a[48][48], b[48][48];\n"
            + "int f(int i, int j) {\n    int sum = 0;\n    for (int k = 0; k < 48; k++) sum += a[i][k] * b[k][j];\n    return sum;\n}\n";

    @Test
    void theRowsOfAMatrixProductAreWalkedByPointers() throws Exception {
        String f = code(asm(MATRIX), "f");
        String loop = loop(f);
        assertFalse(loop.contains("muli") || loop.contains("slli"), "no address arithmetic in the loop:\n" + f);
        assertTrue(loop.matches("(?s).*\taddi\t(\\w+), \\1, 4\n.*") && loop.matches("(?s).*\taddi\t(\\w+), \\1, 192\n.*"),
                "one pointer steps by an int, the other by a row:\n" + f);
        assertTrue(loop.matches("(?s)\tlw\t\\w+, 0\\(\\w+\\)\n\tlw\t\\w+, 0\\(\\w+\\)\n.*"), "the loads read through them:\n" + f);
    }

    @Test
    void aScaledIndexIntoAPointerParameterStepsThePointerByTheStep() throws Exception {
        String f = code(asm("long f(long *p, long n) {\n    long s = 0;\n    for (long k = n - 1; k >= 0; k -= 2) s += p[k];\n    return s;\n}\n"), "f");
        assertTrue(loop(f).matches("(?s).*\taddi\t(\\w+), \\1, -16\n.*"), f);
        assertFalse(loop(f).contains("slli"), f);
    }

    @Test
    void accessesThatCostOneInstructionOrCountersThatMayWrapOrChangeKeepTheirIndex() throws Exception {
        // A global array indexed by the counter alone is one load already.
        assertTrue(loop(code(asm("int t[64];\nint f(int n) {\n    int s = 0;\n    for (int k = 0; k < n; k++) s += t[k];\n    return s;\n}\n"), "f"))
                .matches("(?s).*\tlw\t\\w+, t\\(\\w+\\)\n.*"));
        // An unsigned int counter wraps at 2^32, where a pointer would go on.
        assertTrue(loop(code(asm(MATRIX.replace("int k", "unsigned k")), "f")).contains("muli"));
        // The body changes the counter.
        assertTrue(loop(code(asm(MATRIX.replace("sum += a[i][k] * b[k][j];", "{ sum += a[i][k] * b[k][j]; if (sum > 9) k++; }")), "f"))
                .contains("muli"));
        // A goto could enter the loop past the pointer's set-up.
        assertTrue(loop(code(asm(MATRIX.replace("    return sum;", "    if (sum < 0) goto out;\nout:\n    return sum;")), "f"))
                .contains("muli"));
    }
}
