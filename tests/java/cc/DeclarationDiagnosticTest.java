package cc;

import diag.CompileException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Declarations and initialisers that gcc rejects get a diagnostic with the line and a
 * caret; the programs that gcc accepts are in tests/c (addressconstants.c, ...).
 */
class DeclarationDiagnosticTest {
    /** The first diagnostic's rendering (three lines) for a program that must fail. */
    private static String firstError(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Compiler.compileSource("t.c", source));
        return e.diagnostics().get(0).render();
    }

    private static String notConstant(int column, String line) {
        return "t.c:1:" + column + ": error: initializer element is not a compile-time constant\n" + line + "\n"
                + " ".repeat(column - 1) + "^\n";
    }

    /** What gcc refuses as "initializer element is not constant" or "not computable at load time". */
    @Test
    void staticInitialisersRejectWhatIsNoAddressConstant() {
        String line = "int a[4], b[4]; long d = &a[1] - &b[0];";
        assertEquals(notConstant(27, line), firstError(line + "\n"));
        line = "int x; int y = (int)&x;";
        assertEquals(notConstant(21, line), firstError(line + "\n"));
        line = "int x; char c = (char)(long)&x;";
        assertEquals(notConstant(29, line), firstError(line + "\n"));
        line = "int a[2]; int s; long d = (long)&a - (long)&s;";
        assertEquals(notConstant(33, line), firstError(line + "\n"));
        line = "int x; int *p = &x; int *q = p;";
        assertEquals(notConstant(30, line), firstError(line + "\n"));
        line = "int f(void) { int l; static int *q = &l; return 0; }";
        assertEquals(notConstant(38, line), firstError(line + "\n"));
    }

    private static String error(int column, String message, String line) {
        return "t.c:1:" + column + ": error: " + message + "\n" + line + "\n" + " ".repeat(column - 1) + "^\n";
    }

    @Test
    void alignmentsMustBePowersOfTwoClonixCanGive() {
        String line = "int _Alignas(3) x;";
        assertEquals(error(14, "requested alignment is not a positive power of 2", line), firstError(line + "\n"));
        line = "struct S { int x __attribute__((aligned(6))); };";
        assertEquals(error(41, "requested alignment is not a positive power of 2", line), firstError(line + "\n"));
        line = "int _Alignas(8192) x;";
        assertEquals(error(14, "requested alignment must be 4096 bytes or smaller", line), firstError(line + "\n"));
        line = "int f(void) { _Alignas(64) char b[] = \"ab\"; return b[0]; }";
        assertEquals(error(33, "requested alignment for a local array of unknown size is larger than 16 bytes, which Clonix cannot give", line),
                firstError(line + "\n"));
    }

    /** gcc's range for a constructor's or destructor's priority (0 to 100 are reserved, but accepted). */
    @Test
    void constructorPrioritiesMustFitGccsRange() {
        String line = "__attribute__((constructor(65536))) void init(void) {}";
        assertEquals(error(28, "constructor priorities must be integers from 0 to 65535 inclusive", line), firstError(line + "\n"));
        line = "void fini(void) __attribute__((destructor(-1)));";
        assertEquals(error(43, "destructor priorities must be integers from 0 to 65535 inclusive", line), firstError(line + "\n"));
    }

    /** As gcc, the attributes mean nothing on a variable: a warning, and the variable is kept. */
    @Test
    void constructorAttributeOnAVariableIsIgnoredWithAWarning() throws CompileException {
        Compiler.Result r = Compiler.compileSource("t.c", "int x __attribute__((__constructor__)) = 1;\n");
        assertEquals("t.c:1:22: warning: 'constructor' attribute ignored", r.warnings().get(0).toString());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void variableLengthArraysOnlyWhereCAllowsThem() {
        String line = "int n = 3; int a[n];";
        assertEquals(error(16, "variable length array declaration not allowed at file scope", line), firstError(line + "\n"));
        line = "int f(int n) { static int a[n]; return a[0]; }";
        assertEquals(error(27, "variable length array declaration cannot have 'static' storage duration", line), firstError(line + "\n"));
        line = "int f(int n) { int a[n] = {1}; return a[0]; }";
        assertEquals(error(25, "variable-sized object may not be initialized", line), firstError(line + "\n"));
        line = "int f(int n) { struct S { int a[n]; } s; return 0; }";
        assertEquals(error(31, "fields must have a constant size: 'variable length array in structure' extension will never be supported", line),
                firstError(line + "\n"));
    }

    @Test
    void genericWithoutAMatchingAssociation() {
        String line = "int x = _Generic(1L, int: 1, char: 2);";
        assertEquals(error(9, "controlling expression type 'long' not compatible with any generic association type", line),
                firstError(line + "\n"));
    }

    @Test
    void knrDeclarationOfAParameterNotInTheList() {
        String line = "int f(a) int b; { return 0; }";
        assertEquals(error(14, "parameter named 'b' is missing", line), firstError(line + "\n"));
    }

    /** gcc lets only a whole static object give its flexible array member elements. */
    @Test
    void flexibleArrayMembersInitialisedOnlyInStaticOutermostObjects() {
        String line = "struct F { int n; int d[]; }; void f(void) { struct F x = {1, {2, 3}}; }";
        assertEquals(error(55, "non-static initialization of a flexible array member", line), firstError(line + "\n"));
        line = "struct F { int n; int d[]; }; struct G { struct F f; } g = {{1, {2}}};";
        assertEquals(error(56, "initialization of flexible array member in a nested context", line), firstError(line + "\n"));
    }

    /** gcc would pack the field across the int, where no int load reaches it; Clonix says so. */
    @Test
    void packedBitFieldCrossingItsUnitIsRefused() {
        String line = "struct __attribute__((packed)) C { char c; int x : 30; };";
        assertEquals(error(48, "bit-field 'x' crosses a 32-bit unit of a packed struct, which Clonix does not lay out", line),
                firstError(line + "\n"));
    }
}
