package cc;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Macros, includes, conditionals, built-ins and diagnostics of the preprocessor. */
class PreprocessorTest {
    private final PreprocessorMemoryReader files = new PreprocessorMemoryReader();

    private String pp(String source) throws CompileException {
        return pp(Preprocessor.builder().files(files).build(), source);
    }

    private static String pp(Preprocessor p, String source) throws CompileException {
        return Preprocessor.render(p.preprocess("t.c", source));
    }

    private List<Diagnostic> errors(String source) {
        Preprocessor p = Preprocessor.builder().files(files).build();
        return assertThrows(CompileException.class, () -> p.preprocess("t.c", source)).diagnostics();
    }

    @Test
    void objectAndFunctionLikeMacrosExpand() throws CompileException {
        assertEquals("int x = 1 + (2 * 3);\n",
                pp("#define ONE 1\n#define MUL(a, b) (a * b)\nint x = ONE + MUL(2, 3);\n"));
        assertEquals("1\n", pp("#define f(x) x\n#define g f\ng (1)\n"), "g becomes f, which takes the (1)");
        assertEquals("f;\n", pp("#define f(x) x\nf;\n"), "a function-like name without '(' stays");
        assertEquals("1\n2\n", pp("#define f(x) x\nf\n(1)\n2\n"), "arguments may follow on the next line");
    }

    @Test
    void macrosAreNotExpandedInsideTheirOwnExpansion() throws CompileException {
        assertEquals("foo\n", pp("#define foo foo\nfoo\n"));
        assertEquals("a b\n", pp("#define a b\n#define b a\na b\n"));
        assertEquals("f(2 * f(2 * (1)))\n".replace(" ", ""), pp("#define f(x) f(2 * x)\nf(f((1)))\n").replace(" ", ""));
    }

    @Test
    void stringizingEscapesQuotesAndBackslashes() throws CompileException {
        assertEquals("\"a + \\\"b\\\\n\\\" 'c'\"\n", pp("#define s(x) #x\ns(  a   +  \"b\\n\"   'c'  )\n"));
        List<Token> ts = Preprocessor.builder().files(files).build().preprocess("t.c", "#define s(x) #x\ns(\"q\")\n");
        assertEquals("\"q\"", new String(ts.get(0).bytes, StandardCharsets.UTF_8));
    }

    @Test
    void pastingMakesOneTokenAndReportsInvalidResults() throws CompileException {
        assertEquals("xy <<= 12\n", pp("#define cat(a, b) a ## b\ncat(x, y) cat(<<, =) cat(1, 2)\n"));
        List<Diagnostic> ds = errors("#define cat(a, b) a ## b\ncat(+, /)\n");
        assertEquals("t.c:2:5: error: pasting \"+\" and \"/\" does not give a valid preprocessing token",
                ds.get(0).toString());
    }

    @Test
    void variadicMacrosAndTheGnuCommaRule() throws CompileException {
        assertEquals("printf(\"%d\", 1, 2);\n", pp("#define P(fmt, ...) printf(fmt, __VA_ARGS__)\nP(\"%d\", 1, 2);\n"));
        assertEquals("printf(\"x\");\nprintf(\"x\", 1);\n",
                pp("#define P(fmt, ...) printf(fmt, ## __VA_ARGS__)\nP(\"x\");\nP(\"x\", 1);\n"));
        assertEquals("g(1, 2)\n", pp("#define F(args...) g(args)\nF(1, 2)\n"));
    }

    @Test
    void wrongArgumentCountsAreReported() {
        assertEquals("t.c:2:1: error: macro 'f' requires 2 arguments, but only 1 given",
                errors("#define f(a, b) a\nf(1)\n").get(0).toString());
        assertEquals("t.c:2:1: error: macro 'f' passed 2 arguments, but takes just 1",
                errors("#define f(a) a\nf(1, 2)\n").get(0).toString());
        assertEquals("t.c:2:1: error: unterminated argument list invoking macro 'f'",
                errors("#define f(a) a\nf(1, (2)\n").get(0).toString());
    }

    @Test
    void definitionErrorsAreReported() {
        assertEquals("t.c:1:9: error: macro name must be an identifier", errors("#define 3 x\n").get(0).toString());
        assertEquals("t.c:1:16: error: '#' is not followed by a macro parameter",
                errors("#define f(a) a # b\n").get(0).toString());
        assertEquals("t.c:1:11: error: '##' cannot appear at either end of a macro expansion",
                errors("#define x ## y\n").get(0).toString());
        assertEquals("t.c:1:14: error: duplicate macro parameter 'a'", errors("#define f(a, a) a\n").get(0).toString());
    }

    @Test
    void undefAndCommandLineOptionsApplyInOrder() throws CompileException {
        Preprocessor p = Preprocessor.builder().files(files).define("A").define("B=2 + 3").define("C=4")
                .undefine("C").define("__clonix__=7").build();
        assertEquals("1 2 + 3 C 7\n", pp(p, "A B C __clonix__\n"));
        assertEquals("X\n", pp("#define X 1\n#undef X\nX\n"));
        assertThrows(CompileException.class,
                () -> new Preprocessor(List.of(), List.of(), List.of("-Wall"), files).preprocess("t.c", ""));
    }

    @Test
    void conditionalExpressionsUseFullCArithmetic() throws CompileException {
        String[] truths = {
            "1", "2 + 3 * 4 == 14", "(2 + 3) * 4 == 20", "-1 < 0", "-1 > 0u", "0xffffffffffffffff == -1",
            "10 / 3 == 3 && 10 % 3 == 1", "-7 / 2 == -3", "1 << 62 > 0", "(1 << 63) < 0", "(1u << 63) > 0",
            "~0 == -1", "!0", "(3 ^ 5) == 6 && (3 | 4) == 7 && (6 & 3) == 2", "1 ? 2 : 0", "0 ? 0 : 3",
            "UNKNOWN == 0", "defined ONE && defined(ONE) && !defined TWO", "'a' == 97", "'\\xff' < 0",
            "!(0 && 1 / 0)", "1 || 1 / 0", "0 ? 1 / 0 : 1", "(0, 1)", "-1 >> 63 == -1", "1 << 64 == 0", "ONE + ONE == 2",
            "__STDC_VERSION__ >= 201112L", "__SIZEOF_LONG__ == 8 && __LONG_MAX__ > __INT_MAX__",
            "18446744073709551615u / 2 == 9223372036854775807", "__has_include(\"there.h\")",
            "!__has_include(<nosuch.h>)", "HAS_ONE && !HAS_TWO", "defined __has_include",
        };
        files.put("there.h", "");
        for (String e : truths) {
            assertEquals("yes\n", pp("#define ONE 1\n#define HAS_ONE defined(ONE)\n#define HAS_TWO defined TWO\n#if " + e + "\nyes\n#else\nno\n#endif\n"), e);
        }
    }

    /**
     * __has_attribute, __has_builtin and __has_c_attribute answer as gcc does for what Clonix
     * supports (the gcc twin is tests/linux/feature_tests.c), and 0 where Clonix would drop
     * the meaning: weak, alias and cleanup are read but not honoured, and the compiler reads
     * no C23 [[...]] attributes.
     */
    @Test
    void featureTestsAnswerForWhatClonixSupports() throws CompileException {
        String[] truths = {
            "__has_attribute(packed) == 1", "__has_attribute(__aligned__) == 1", "__has_attribute(gnu::constructor) == 1",
            "__has_attribute(deprecated) == 201904", "__has_attribute(__gnu__::deprecated) == 1",
            "!__has_attribute(weak) && !__has_attribute(alias) && !__has_attribute(cleanup) && !__has_attribute(clang::packed)",
            "__has_builtin(__builtin_offsetof) && __has_builtin(__atomic_load_n) && __has_builtin(__builtin_copysignf)",
            "!__has_builtin(__builtin_va_arg) && !__has_builtin(memcpy) && !__has_builtin(__sync_nonsense)",
            "!__has_c_attribute(nodiscard) && !__has_c_attribute(gnu::packed)",
            "defined __has_attribute && defined(__has_builtin) && defined __has_c_attribute",
        };
        for (String e : truths) assertEquals("yes\n", pp("#if " + e + "\nyes\n#else\nno\n#endif\n"), e);
        assertEquals("t.c:1:21: error: macro '__has_attribute' requires an identifier",
                errors("#if __has_attribute(1)\n#endif\n").get(0).toString());
        assertEquals("t.c:1:5: error: missing ')' after '__has_builtin'",
                errors("#if __has_builtin(x\n#endif\n").get(0).toString());
    }

    @Test
    void conditionalChainsPickOneGroupAndSkipAnything() throws CompileException {
        String src = "#if 0\n don't 1.5 @ #bogus\n#if 1\nnested\n#endif\n#elif 0\nb\n#elif 1\nc\n"
                + "#else\nd\n#endif\n#ifdef X\nx\n#endif\n#ifndef X\nnx\n#endif\n";
        assertEquals("c\nnx\n", pp(src));
    }

    @Test
    void conditionalErrorsAreReported() {
        assertEquals("t.c:1:2: error: unterminated conditional directive", errors("#if 1\n").get(0).toString());
        assertEquals("t.c:1:2: error: #endif without #if", errors("#endif\n").get(0).toString());
        assertEquals("t.c:3:2: error: #else after #else", errors("#if 0\n#else\n#else\n#endif\n").get(0).toString());
        assertEquals("t.c:1:7: error: division by zero in preprocessor expression", errors("#if 1 / 0\n#endif\n").get(0).toString());
        assertEquals("t.c:1:4: error: expected value in expression", errors("#if\n#endif\n").get(0).toString());
        assertEquals("t.c:1:5: error: floating constant in preprocessor expression", errors("#if 1.0\n#endif\n").get(0).toString());
        assertEquals("t.c:1:2: error: invalid preprocessing directive #frob", errors("#frob\n").get(0).toString());
    }

    @Test
    void errorAndWarningDirectivesCarryTheirMessage() throws CompileException {
        List<Diagnostic> ds = errors("int a;\n#error stop   here \"now\"\n");
        assertEquals("t.c:2:2: error: #error stop here \"now\"", ds.get(0).toString());
        Preprocessor p = Preprocessor.builder().files(files).build();
        assertEquals("x\n", pp(p, "#warning careful\nx\n"));
        assertEquals("t.c:1:2: warning: #warning careful", p.warnings().get(0).toString());
    }

    @Test
    void includesSearchTheIncluderDirectoryThenIDirsThenSystemDirs() throws CompileException {
        files.put("src/a.h", "from_src_dir").put("inc/a.h", "from_I").put("inc/b.h", "from_I_b")
                .put("sys/b.h", "from_sys").put("sys/c.h", "#include \"d.h\"\nfrom_sys_c").put("sys/d.h", "from_sys_d");
        Preprocessor p = Preprocessor.builder().files(files).includeDir("inc")
                .systemIncludeDir("sys").build();
        String out = Preprocessor.render(p.preprocess("src/main.c",
                "#include \"a.h\"\n#include <a.h>\n#include <b.h>\n#include <c.h>\n"));
        assertEquals("from_src_dir\nfrom_I\nfrom_I_b\nfrom_sys_d\nfrom_sys_c\n", out);
    }

    @Test
    void includeNextContinuesAfterTheIncludersDirectory() throws CompileException {
        files.put("wrap/limits.h", "wrapped\n#include_next <limits.h>\n").put("sys/limits.h", "real\n");
        Preprocessor p = Preprocessor.builder().files(files).includeDir("wrap")
                .systemIncludeDir("sys").build();
        assertEquals("wrapped\nreal\n", pp(p, "#include <limits.h>\n"));
    }

    @Test
    void includeGuardsAndPragmaOnceIncludeAFileOnce() throws CompileException {
        files.put("guarded.h", "#ifndef G\n#define G\nguarded\n#endif\n").put("once.h", "#pragma once\nonce\n")
                .put("op.h", "_Pragma(\"once\") op\n");
        assertEquals("guarded\nonce\nop\n", pp("#include \"guarded.h\"\n#include \"once.h\"\n#include \"guarded.h\"\n"
                + "#include \"./once.h\"\n#include \"op.h\"\n#include \"op.h\"\n"));
        assertEquals("x\n", pp("#pragma pack(1)\n_Pragma(\"unknown thing\") x\n"), "other pragmas are ignored");
    }

    @Test
    void extraTokensAfterADirectiveAreAWarning() throws CompileException {
        Preprocessor p = Preprocessor.builder().files(files).build();
        assertEquals("a\n", pp(p, "#ifdef __clonix__ junk\na\n#endif junk\n"));
        assertEquals(List.of("t.c:1:19: warning: extra tokens at end of #ifdef directive",
                "t.c:3:8: warning: extra tokens at end of #endif directive"),
                p.warnings().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void missingIncludeIsReportedLikeClang() {
        Preprocessor p = Preprocessor.builder().files(files).build();
        CompileException e = assertThrows(CompileException.class,
                () -> p.preprocess("hello.c", "#include \"nosuch.h\"\n"));
        assertEquals("hello.c:1:10: fatal error: 'nosuch.h' file not found\n#include \"nosuch.h\"\n         ^\n"
                + "1 error generated.\n", e.render());
    }

    @Test
    void malformedIncludeNamesAreReported() {
        assertEquals("t.c:1:10: error: expected \"FILENAME\" or <FILENAME>", errors("#include \"\n").get(0).toString());
        assertEquals("t.c:1:10: error: expected '>'", errors("#include <a.h\n").get(0).toString());
        assertEquals("t.c:1:2: error: expected \"FILENAME\" or <FILENAME>", errors("#include\n").get(0).toString());
        assertEquals("t.c:1:19: error: expected \"FILENAME\" or <FILENAME>",
                errors("#if __has_include(\"\n#endif\n").get(0).toString());
    }

    @Test
    void errorsInIncludedFilesPointIntoThoseFiles() {
        files.put("dir/bad.h", "int a;\n#error in header\n");
        assertEquals("dir/bad.h:2:2: error: #error in header", errors("#include \"dir/bad.h\"\n").get(0).toString());
    }

    @Test
    void includingItselfStopsWithAnErrorNotAStackOverflow() {
        files.put("self.h", "#include \"self.h\"\n");
        List<Diagnostic> ds = errors("#include \"self.h\"\n");
        assertEquals("self.h:1:10: error: #include nested too deeply", ds.get(0).toString());
    }

    @Test
    void builtinMacrosDependOnlyOnTheSource() throws CompileException {
        assertEquals("\"t.c\" 2 0 1 \"Jan  1 2000\" \"00:00:00\"\n",
                pp("\n__FILE__ __LINE__ __COUNTER__ __COUNTER__ __DATE__ __TIME__\n"));
        assertEquals("7 \"new.c\"\n", pp("#line 7 \"new.c\"\n__LINE__ __FILE__\n"));
    }

    @Test
    void lineDirectivesAndTheNullDirective() throws CompileException {
        assertEquals("x 2\n", pp("#\nx __LINE__\n"));
        List<Token> ts = Preprocessor.builder().files(files).build()
                .preprocess("t.c", "# 100 \"gen.y\"\na\n#define L __LINE__\n#line 7\nb L\n");
        assertEquals("gen.y", ts.get(0).file);
        assertEquals(100, ts.get(0).line);
        assertEquals(7, ts.get(1).line);
        assertEquals(7, ts.get(2).value);
        assertEquals("t.c:1:7: error: #line directive requires a simple digit sequence",
                errors("#line x\n").get(0).toString());
    }

    @Test
    void predefinedMacrosDescribeClonixAndNotGcc() throws CompileException {
        assertEquals("1 1 8 4 8 201112L unsigned long 1234\n", pp("__clonix__ __unix__ __CHAR_BIT__ __SIZEOF_INT__ "
                + "__SIZEOF_POINTER__ __STDC_VERSION__ __SIZE_TYPE__ __BYTE_ORDER__\n"));
        assertEquals("__GNUC__ __x86_64__ __linux__\n", pp("__GNUC__ __x86_64__ __linux__\n"));
    }

    @Test
    void adjacentStringLiteralsAreJoined() throws CompileException {
        List<Token> ts = Preprocessor.builder().files(files).build()
                .preprocess("t.c", "#define W \"world\"\nputs(\"hello, \" W \"!\\n\");\n");
        Token s = ts.get(2);
        assertEquals(Token.Kind.STRING, s.kind);
        assertEquals("hello, world!\n", new String(s.bytes, StandardCharsets.UTF_8));
        assertEquals(2, s.line);
        assertEquals(6, s.column);
        assertEquals(")", ts.get(3).text);
        assertEquals(Token.Kind.EOF, ts.get(ts.size() - 1).kind);
    }

    @Test
    void aPlainLiteralJoinedToAWideOneBecomesWide() throws CompileException {
        List<Token> ts = Preprocessor.builder().files(files).build().preprocess("t.c", "\"a\\u00e9\" L\"b\" \"c\"\n");
        assertEquals("int", ts.get(0).type, "the whole literal is of wchar_t");
        assertArrayEquals(new byte[] {'a', 0, 0, 0, (byte) 0xe9, 0, 0, 0, 'b', 0, 0, 0, 'c', 0, 0, 0}, ts.get(0).bytes,
                "the plain pieces' characters are wide characters, not their UTF-8 bytes");
        assertEquals("t.c:1:1: error: unsupported non-standard concatenation of string literals",
                errors("L\"a\" u\"b\"\n").get(0).toString());
        assertEquals("t.c:1:1: error: unsupported non-standard concatenation of string literals",
                errors("u8\"a\" U\"b\"\n").get(0).toString());
    }

    @Test
    void badTokensFailOnlyWhereTheyAreUsed() {
        List<Diagnostic> ds = errors("#if 0\n1.5q\n#endif\nint x = 2.5q;\n");
        assertEquals(1, ds.size());
        assertEquals("t.c:4:9: error: invalid suffix \"q\" on floating constant", ds.get(0).toString());
    }

    @Test
    void renderKeepsLinesAndSpaces() throws CompileException {
        assertEquals("int main(void) {\nreturn 0;\n}\n", pp("int main(void) {\n\n  return 0;\n}\n"));
        assertEquals("", pp("#define X\n"));
    }
}
