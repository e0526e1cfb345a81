package cc;

import static cc.GeneratedCode.asm;
import static cc.GeneratedCode.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many locals live in registers: locals whose values are never needed at the same time
 * share a register (RegisterLocals, LiveRanges), and a function whose expressions are
 * shallow gives the registers its expression stack does not need to more locals
 * (Codegen.withMoreLocals). tests/c/sharedregisters.c runs the edge cases against gcc's
 * output (CProgramTest); these tests show the code itself.
 */
class RegisterLocalsCodegenTest {
    /** The registers that {@code li R, 0} sets, in order: the loop counters below start at 0. */
    private static List<String> zeroed(String code) {
        List<String> regs = new ArrayList<>();
        Matcher m = Pattern.compile("\tli\t(\\w+), 0\n").matcher(code);
        while (m.find()) regs.add(m.group(1));
        return regs;
    }

    private static final String LOOPS = "    for (long i = 0; i < n; i++) t += g(i);\n"
            + "    for (long j = 0; j < n; j++) t += g(j * 2);\n"
            + "    for (long k = 0; k < n; k++) t += g(k * 3);\n"
            + "    for (long m = 0; m < n; m++) t += g(m * 4);\n"
            + "    return t;\n}\n";

    @Test
    void theCountersOfLoopsOneAfterAnotherShareOneRegister() throws Exception {
        String f = code(asm("long g(long);\nlong f(long n) {\n    long t = 0;\n" + LOOPS), "f");
        List<String> counters = zeroed(f).subList(1, 5);
        assertEquals(1, counters.stream().distinct().count(), "i, j, k and m in one register:\n" + f);
        assertFalse(f.contains("(fp)"), "every local in a register:\n" + f);
        // n, t and the counters: three registers saved, not six.
        assertEquals(3, f.split("\tsd\ts", -1).length - 1, f);
    }

    @Test
    void aFunctionWithALabelSharesNothing() throws Exception {
        // A goto may jump back to before a range; i is not a loop's in the statements' order.
        String h = code(asm("long g(long);\nlong h(long n) {\n    long t = 0;\n    long i = 0;\n"
                + "again:\n    t += g(i);\n    if (++i < n) goto again;\n" + LOOPS.replace("long i = 0; i < n; i++) t += g(i)", "long q = 0; q < n; q++) t += g(q)")), "h");
        List<String> counters = zeroed(h);
        assertEquals(counters.size(), counters.stream().distinct().count(), "each local its own register:\n" + h);
    }

    @Test
    void aValueCarriedAroundALoopKeepsItsRegisterThroughTheWholeLoop() throws Exception {
        // prev is set at the end of an iteration and read at the start of the next, so x,
        // named only after the read, must not take prev's register.
        String c = code(asm("long g(long);\nlong c(long n) {\n    long prev = 0, t = 0;\n"
                + "    for (long i = 0; i < n; i++) { t += prev; long x = g(i); prev = x * 2; }\n    return t;\n}\n"), "c");
        Matcher read = Pattern.compile("\tadd\t(\\w+), \\1, (\\w+)\n").matcher(c);
        assertTrue(read.find(), c);
        Matcher x = Pattern.compile("\tmv\t(\\w+), a0\n\tslli\t" + read.group(2) + ", \\1, 1\n").matcher(c);
        assertTrue(x.find(), "prev = x * 2 writes prev's register:\n" + c);
        assertNotEquals(read.group(2), x.group(1), "x has a register of its own:\n" + c);
    }

    @Test
    void aLeafKeepsMoreLocalsThanRegistersInRegistersWhenTheirRangesAreApart() throws Exception {
        StringBuilder s = new StringBuilder("long f(long n) {\n    long t = 0;\n");
        for (int i = 0; i < 12; i++) s.append("    for (long v").append(i).append(" = 0; v").append(i).append(" < n; v").append(i)
                .append("++) t += v").append(i).append(" * ").append(i + 1).append(";\n");
        String f = code(asm(s.append("    return t;\n}\n").toString()), "f");
        assertFalse(f.contains("sp"), "no frame: fourteen locals in three registers:\n" + f);
    }

    /** Seven locals all needed in one loop, with shallow expressions: {@code body} is the loop's. */
    private static String seven(String body) {
        return "long g(long, long, long, long, long, long);\nlong h(long, long, long);\n"
                + "long f(long n) {\n    long a = g(1, 2, 3, 4, 5, 6), b = 2, c = 3, d = 4, e = 5, s = 0;\n"
                + "    for (long i = 0; i < n; i++) {\n" + body + "    }\n    return s + a + b + c + d + e;\n}\n";
    }

    @Test
    void aFunctionWithShallowExpressionsKeepsMoreThanFiveLocalsInRegisters() throws Exception {
        String f = code(asm(seven("        s += a; a += b; b += c; c += d; d += e; e += i;\n")), "f");
        assertFalse(f.contains("(fp)"), "n, a..e, s and i in registers:\n" + f);
        // The call outside the loop passes its six arguments through the frame instead
        // (CallGen), once, which the loop's locals more than pay for.
        CProgramRunner.Run run = CProgramRunner.run("seven.c", seven("        s += a; a += b; b += c; c += d; d += e; e += i;\n")
                + "long g(long p, long q, long r, long s, long t, long u) { return p + q * r - s + t * u; }\n"
                + "int main(void) { return (int) (f(10) % 251); }\n");
        long a = 1 + 2 * 3 - 4 + 5 * 6, b = 2, c = 3, d = 4, e = 5, s = 0;
        for (long i = 0; i < 10; i++) {
            s += a;
            a += b;
            b += c;
            c += d;
            d += e;
            e += i;
        }
        assertEquals((int) ((s + a + b + c + d + e) % 251), run.status());
    }

    @Test
    void aCallInALoopKeepsTheRegistersItsArgumentsNeed() throws Exception {
        // Three arguments computed at depth 0 want five registers: only five locals fit.
        String f = code(asm(seven("        s += h(a + 1, b + 1, i + 1) + c + d + e;\n")), "f");
        assertTrue(f.contains("(fp)"), "some locals stay in memory:\n" + f);
        assertFalse(f.contains("\tld\tt2, "), "no argument is stored to the frame and reloaded (CallGen):\n" + f);
    }

    @Test
    void theSameSourceCompilesToTheSameBytesEveryTime() throws Exception {
        // The registers a function saves come out in the order the register locals took
        // them: ten compilations in one JVM, each of new objects with new identity hashes,
        // give one text.
        String source = seven("        s += a; a += b; b += c; c += d; d += e; e += i;\n");
        String first = asm(source);
        for (int k = 0; k < 10; k++) {
            new Object().hashCode();
            assertEquals(first, asm(source), "compilation " + k);
        }
    }
}
