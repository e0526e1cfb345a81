package cc;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Qualifiers are checked as gcc checks them: a store to a const lvalue is an error worded
 * and placed as gcc's (the caret under the operator), and a conversion that drops a pointer
 * target's const or volatile is gcc's -Wdiscarded-qualifiers warning, an error with -Werror.
 * The programs whose qualified types must behave as gcc's are tests/linux/qualified_types.c.
 */
class QualifierDiagnosticTest {
    @TempDir
    Path dir;

    /** The first error's rendering (three lines) for a program that must fail. */
    private static String firstError(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Compiler.compileSource("t.c", source));
        return e.diagnostics().get(0).render();
    }

    /** The error gcc gives for {@code line}, the body of a function with the declarations {@code decls}. */
    private static void assertError(String decls, String line, int column, String message) {
        String source = decls + "\nvoid f(void) {\n" + line + "\n}\n";
        int lineNo = decls.split("\n", -1).length + 2;
        assertEquals("t.c:" + lineNo + ":" + column + ": error: " + message + "\n" + line + "\n" + " ".repeat(column - 1) + "^\n",
                firstError(source));
    }

    private static final String DECLS = """
            struct S { const int c; int m; int a[2]; };
            const int x = 1;
            const int *p = &x;
            const struct S s = {1, 2};
            struct S t;
            struct S *ps = &t;
            const struct S *cps = &t;
            int *const fixed = 0;""";

    @Test
    void storesToAConstVariableAreErrors() {
        assertError(DECLS, "    x = 2;", 7, "assignment of read-only variable 'x'");
        assertError(DECLS, "    x += 3;", 7, "assignment of read-only variable 'x'");
        assertError(DECLS, "    x++;", 6, "increment of read-only variable 'x'");
        assertError(DECLS, "    --x;", 5, "decrement of read-only variable 'x'");
        assertError(DECLS, "    fixed = 0;", 11, "assignment of read-only variable 'fixed'");
    }

    @Test
    void storesThroughAPointerToConstAreErrors() {
        assertError(DECLS, "    *p = 3;", 8, "assignment of read-only location");
        assertError(DECLS, "    (*p)++;", 9, "increment of read-only location");
        assertError(DECLS, "    p[1] = 2;", 10, "assignment of read-only location");
        assertError(DECLS, "    s.a[1] = 3;", 12, "assignment of read-only location");
    }

    @Test
    void constMembersAndMembersOfConstStructsAreReadOnly() {
        assertError(DECLS, "    s.m = 4;", 9, "assignment of member 'm' in read-only object");
        assertError(DECLS, "    cps->m = 7;", 12, "assignment of member 'm' in read-only object");
        assertError(DECLS, "    t.c = 5;", 9, "assignment of read-only member 'c'");
        assertError(DECLS, "    ps->c = 6;", 11, "assignment of read-only member 'c'");
        // A struct with a const member is not a modifiable lvalue; gcc blames the variable.
        assertError(DECLS, "    t = s;", 7, "assignment of read-only variable 't'");
    }

    @Test
    void aConstParameterIsReadOnlyInTheBody() {
        assertEquals("t.c:1:29: error: increment of read-only parameter 'v'\ndouble d(const double v) { v++; return v; }\n"
                + "                            ^\n", firstError("double d(const double v) { v++; return v; }\n"));
    }

    private static List<Diagnostic> warnings(String source) throws CompileException {
        return Compiler.compileSource("t.c", source).warnings();
    }

    @Test
    void droppingATargetsQualifiersIsGccsWarning() throws Exception {
        List<Diagnostic> w = warnings("""
                void take(char *p);
                char *g(const char *s) { return s; }
                void f(const char *cs, volatile int *vp, const volatile int *cvp) {
                    char *q = cs;
                    q = cs;
                    take(cs);
                    void *v = cs;
                    int *ip = (int *)vp, *ip2 = vp;
                    ip = cvp;
                    const char *fine = q;
                    const void *alsoFine = cs;
                }
                """);
        List<String> got = w.stream().map(Diagnostic::toString).toList();
        assertEquals(List.of(
                "t.c:2:33: warning: return discards 'const' qualifier from pointer target type",
                "t.c:4:15: warning: initialization discards 'const' qualifier from pointer target type",
                "t.c:5:9: warning: assignment discards 'const' qualifier from pointer target type",
                "t.c:6:10: warning: passing argument 1 of 'take' discards 'const' qualifier from pointer target type",
                "t.c:7:15: warning: initialization discards 'const' qualifier from pointer target type",
                "t.c:8:33: warning: initialization discards 'volatile' qualifier from pointer target type",
                "t.c:9:10: warning: assignment discards 'const volatile' qualifier from pointer target type"), got);
    }

    /**
     * Only the pointer's own target may gain qualifiers (C11 6.5.16.1): char ** to
     * const char ** or to const char *const * is an incompatible pointer type, as gcc says.
     */
    @Test
    void qualifiersDeeperDownMakeIncompatiblePointers() throws Exception {
        List<Diagnostic> w = warnings("void f(char **pp) { const char **cpp = pp; const char *const *cc = pp; char *const *ok = pp; }\n");
        assertEquals(List.of(
                "t.c:1:40: warning: incompatible pointer types initializing 'const char **' with an expression of type 'char **'",
                "t.c:1:68: warning: incompatible pointer types initializing 'const char *const *' with an expression of type 'char **'"),
                w.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void werrorMakesTheDiscardedQualifierAnError() throws Exception {
        Files.writeString(dir.resolve("w.c"), "char *f(const char *s) { return s; }\n");
        Driver d = new Driver(new HostCompilerFiles(dir), List.of());
        StringWriter out = new StringWriter(), lenient = new StringWriter(), strict = new StringWriter();
        assertEquals(0, d.execute(new String[] {"-S", "w.c"}, new PrintWriter(out), new PrintWriter(lenient)));
        assertTrue(lenient.toString().contains("warning: return discards 'const' qualifier"), lenient.toString());
        assertEquals(1, d.execute(new String[] {"-Werror", "-S", "w.c"}, new PrintWriter(out), new PrintWriter(strict)));
        assertTrue(strict.toString().contains("error: return discards 'const' qualifier from pointer target type [-Werror]"),
                strict.toString());
    }

    /** Qualified types keep their qualifiers in messages, spelt as clang spells them. */
    @Test
    void qualifiedTypesAreNamedWithTheirQualifiers() {
        assertEquals("t.c:1:49: error: initializing 'int' from incompatible type 'const struct P'\n"
                        + "struct P { int x; }; const struct P cp; int i = cp;\n"
                        + "                                                ^\n",
                firstError("struct P { int x; }; const struct P cp; int i = cp;\n"));
        assertEquals("char *const", Type.pointerTo(Type.CHAR).qualified(Type.CONST).toString());
        assertEquals("const volatile int *", Type.pointerTo(Type.INT.qualified(Type.CONST | Type.VOLATILE)).toString());
        assertEquals("signed char", Type.SCHAR.toString());
    }
}
