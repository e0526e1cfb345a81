package cc;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed programs get clang-style diagnostics: the message, the line, a caret. */
class ParserDiagnosticTest {
    /** The first diagnostic's rendering (three lines) for a program that must fail. */
    private static String firstError(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Compiler.compileSource("t.c", source));
        return e.diagnostics().get(0).render();
    }

    private static List<Diagnostic> warnings(String source) throws CompileException {
        return Compiler.compileSource("t.c", source).warnings();
    }

    @Test
    void undeclaredIdentifier() {
        assertEquals("t.c:2:12: error: use of undeclared identifier 'y'\n    return y + 1;\n           ^\n",
                firstError("int main(void) {\n    return y + 1;\n}\n"));
    }

    @Test
    void missingSemicolon() {
        assertEquals("t.c:2:14: error: expected ';' at end of declaration\n    int x = 1\n             ^\n",
                firstError("int main(void) {\n    int x = 1\n    return x;\n}\n"));
    }

    /** Found by CompilerFuzzTest: these were internal compiler errors ("not an lvalue"). */
    @Test
    void functionsCannotBeArrayElementsOrFields() {
        assertEquals("t.c:2:7: error: declaration of 'ops' as array of functions\nbinop ops[2];\n      ^\n",
                firstError("typedef int (binop)(int, int);\nbinop ops[2];\n"));
        assertEquals("t.c:2:21: error: declaration of type name as array of functions\nint n = sizeof(binop[3]);\n                    ^\n",
                firstError("typedef int (binop)(int, int);\nint n = sizeof(binop[3]);\n"));
        assertEquals("t.c:2:19: error: field 'fn' declared as a function\nstruct op { binop fn; };\n                  ^\n",
                firstError("typedef int (binop)(int, int);\nstruct op { binop fn; };\n"));
        assertEquals("t.c:1:7: error: function cannot return function type\nint (f(void))(int);\n      ^\n",
                firstError("int (f(void))(int);\n"));
    }

    @Test
    void floatingOperandsOfIntegerOnlyOperatorsAreRejected() {
        assertEquals("t.c:1:34: error: invalid operands to binary expression ('double' and 'int')\n"
                + "double d; int x(void) { return d % 2; }\n                                 ^\n",
                firstError("double d; int x(void) { return d % 2; }\n"));
        assertEquals("t.c:1:32: error: assigning to 'int *' from incompatible type 'double'\n"
                + "double d; void f(int *p) { p = d; }\n                               ^\n",
                firstError("double d; void f(int *p) { p = d; }\n"));
        assertEquals("t.c:1:25: error: size of array has non-integer type 'double'\n"
                + "int a[(int) 2.5]; int b[sizeof a + 0.5];\n                        ^\n",
                firstError("int a[(int) 2.5]; int b[sizeof a + 0.5];\n"));
        assertEquals("t.c:1:39: error: non-floating-point argument in call to function '__builtin_isnan'\n"
                + "int f(int i) { return __builtin_isnan(i); }\n                                      ^\n",
                firstError("int f(int i) { return __builtin_isnan(i); }\n"));
    }

    @Test
    void threadLocalVariablesMustHaveStaticStorageAndSayItEveryTime() {
        assertEquals("t.c:1:16: error: '_Thread_local' variables must have global storage\n"
                + "void f(void) { _Thread_local int x; }\n               ^\n",
                firstError("void f(void) { _Thread_local int x; }\n"));
        assertEquals("t.c:2:14: error: thread-local declaration of 'x' follows non-thread-local declaration\n"
                + "__thread int x;\n             ^\n", firstError("extern int x;\n__thread int x;\n"));
        assertEquals("t.c:2:12: error: non-thread-local declaration of 'x' follows thread-local declaration\n"
                + "extern int x;\n           ^\n", firstError("__thread int x;\nextern int x;\n"));
        assertTrue(firstError("__thread int x;\nint *p = &x;\n").startsWith(
                "t.c:2:10: error: initializer element is not a compile-time constant\n"), "a thread's own address");
    }

    @Test
    void severalErrorsInOneRun() {
        CompileException e = assertThrows(CompileException.class, () -> Compiler.compileSource("t.c",
                "int f(void) { return a; }\nint g(void) { return b; }\nint h(void) { int c = 1 return c; }\n"));
        assertEquals(3, e.errorCount());
        assertEquals("t.c:2:22: error: use of undeclared identifier 'b'", e.diagnostics().get(1).toString());
        assertTrue(e.render().endsWith("3 errors generated.\n"), e.render());
    }

    @Test
    void assigningToAnArrayOrRvalue() {
        assertEquals("t.c:1:32: error: array type 'int[3]' is not assignable\nvoid f(void) { int a[3], b[3]; a = b; }\n                               ^\n",
                firstError("void f(void) { int a[3], b[3]; a = b; }\n"));
        assertTrue(firstError("void f(void) { 1 = 2; }\n").startsWith("t.c:1:16: error: expression is not assignable\n"));
    }

    @Test
    void badMemberAndBadCall() {
        assertTrue(firstError("struct s { int a; };\nint f(struct s v) { return v.b; }\n")
                .startsWith("t.c:2:30: error: no member named 'b' in 'struct s'\n"));
        assertTrue(firstError("int g(int a);\nint f(void) { return g(1, 2); }\n")
                .startsWith("t.c:2:27: error: too many arguments to function call, expected 1, have 2\n"));
        assertTrue(firstError("int f(void) { int x = 3; return x(); }\n")
                .startsWith("t.c:1:34: error: called object type 'int' is not a function or function pointer\n"));
    }

    @Test
    void breakOutsideLoopAndUndeclaredLabel() {
        assertTrue(firstError("void f(void) { break; }\n")
                .startsWith("t.c:1:16: error: 'break' statement not in loop or switch statement\n"));
        assertTrue(firstError("void f(void) { goto nowhere; }\n")
                .startsWith("t.c:1:16: error: use of undeclared label 'nowhere'\n"));
    }

    @Test
    void badBitFields() {
        assertTrue(firstError("struct s { int x : 40; };\n")
                .startsWith("t.c:1:20: error: width of bit-field 'x' (40 bits) exceeds the width of its type (32 bits)\n"));
        assertTrue(firstError("struct s { int x : 3; } v;\nint *p = &v.x;\n")
                .startsWith("t.c:2:10: error: address of bit-field requested\n"));
    }

    @Test
    void nonConstantGlobalInitialiser() {
        assertTrue(firstError("int f(void);\nint x = f();\n")
                .startsWith("t.c:2:9: error: initializer element is not a compile-time constant\n"));
    }

    @Test
    void implicitDeclarationIsAWarningAndStillCompiles() throws Exception {
        List<Diagnostic> w = warnings("int main(void) { return helper(2); }\n");
        assertEquals(1, w.size());
        assertEquals("t.c:1:25: warning: call to undeclared function 'helper'; ISO C99 and later do not support implicit function declarations",
                w.get(0).toString());
    }

    @Test
    void incompatiblePointerAssignmentWarns() throws Exception {
        List<Diagnostic> w = warnings("void f(void) { int *p; char *q = 0; p = q; p = 5; }\n");
        assertEquals(2, w.size());
        assertEquals("t.c:1:41: warning: incompatible pointer types assigning to 'int *' from 'char *'", w.get(0).toString());
        assertEquals("t.c:1:48: warning: incompatible integer to pointer conversion assigning to 'int *' from 'int'", w.get(1).toString());
    }

    @Test
    void vaArgOfFloatWarnsAndReadsThePromotedDouble() throws Exception {
        List<Diagnostic> w = warnings("float f(int n, ...) { __builtin_va_list ap; __builtin_va_start(ap, n); return __builtin_va_arg(ap, float); }\n");
        assertEquals(1, w.size());
        assertEquals("t.c:1:79: warning: 'float' is promoted to 'double' when passed through '...'", w.get(0).toString());
        assertTrue(CProgramRunner.run("t.c", "float f(int n, ...) { __builtin_va_list ap; __builtin_va_start(ap, n);"
                + " return __builtin_va_arg(ap, float); }\nint main(void) { return f(1, 2.5f) == 2.5f ? 7 : 1; }\n").status() == 7);
    }
}
