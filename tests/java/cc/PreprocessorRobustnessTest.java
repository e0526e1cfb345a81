package cc;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile input: random text from a fixed seed, and inputs built to recurse or blow up.
 * Whatever the input, the tokenizer and preprocessor either succeed or throw a
 * CompileException; no other exception (and no stack overflow) escapes.
 */
class PreprocessorRobustnessTest {
    /** Pieces that random inputs are made of: the constructs most likely to confuse a lexer. */
    private static final String[] PIECES = {
        "#define ", "#undef ", "#if ", "#ifdef ", "#elif ", "#else", "#endif", "#include \"f.h\"", "#include <", "#include ", "#if __has_include(",
        "#line ", "#error ", "#pragma once", "#", "##", "defined", "__VA_ARGS__", "...", "(", ")", ",", "\n",
        "\\\n", "\\", "'", "\"", "/*", "*/", "//", " ", "\t", "\r", "x", "f", "f(", "g(a,b) a##b", "#a",
        "1", "0x", "1.5", "0777", "9999999999999999999999", "'\\x", "\\377", "u8\"", "L'", "@", "$", "é",
        "\uD83D\uDE00", "\0", "?", ":", "<<=", "-", "/", "%", "__LINE__", "__FILE__", "__has_include(",
    };

    private static String randomSource(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (r.nextInt(10) == 0) sb.append((char) r.nextInt(0x3000));
            else sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void randomInputsGiveOnlyTokensOrCompileExceptions() {
        Random r = new Random(20260101);
        for (int i = 0; i < 3000; i++) {
            String source = randomSource(r, 1 + r.nextInt(40));
            PreprocessorMemoryReader files = new PreprocessorMemoryReader().put("f.h", randomSource(r, 10));
            try {
                List<Token> ts = Tokenizer.tokenize("fuzz.c", source);
                assertEquals(Token.Kind.EOF, ts.get(ts.size() - 1).kind);
            } catch (CompileException e) {
                assertTrue(e.errorCount() > 0);
                assertFalse(e.render().isEmpty());
            }
            try {
                List<Token> ts = Preprocessor.builder().files(files).build().preprocess("fuzz.c", source);
                assertEquals(Token.Kind.EOF, ts.get(ts.size() - 1).kind);
                Preprocessor.render(ts);
            } catch (CompileException e) {
                assertTrue(e.errorCount() > 0, source);
                assertFalse(e.render().isEmpty());
            }
        }
    }

    private static List<Diagnostic> errors(String source) {
        Preprocessor p = Preprocessor.builder().files(new PreprocessorMemoryReader()).build();
        return assertThrows(CompileException.class, () -> p.preprocess("t.c", source)).diagnostics();
    }

    /** The error points at the call that is one level too deep: the 201st "f(" at column 401. */
    @Test
    void deeplyNestedMacroArgumentsStopWithAnError() {
        String call = "f(".repeat(5000) + "1" + ")".repeat(5000);
        List<Diagnostic> ds = errors("#define f(x) x\n" + call + "\n");
        assertEquals("t.c:2:401: error: macro expansion nested too deeply", ds.get(0).toString());
    }

    @Test
    void deeplyNestedConditionalExpressionsStopWithAnError() {
        List<Diagnostic> ds = errors("#if " + "(".repeat(10000) + "1" + ")".repeat(10000) + "\n#endif\n");
        assertEquals("error: preprocessor expression nested too deeply",
                ds.get(0).toString().replaceFirst("^t\\.c:1:\\d+: ", ""));
    }

    @Test
    void exponentialExpansionStopsWithAnError() {
        StringBuilder src = new StringBuilder("#define a0 x x\n");
        for (int i = 1; i <= 40; i++) src.append("#define a").append(i).append(" a").append(i - 1).append(" a").append(i - 1).append('\n');
        src.append("a40\n");
        List<Diagnostic> ds = errors(src.toString());
        assertTrue(ds.get(0).message().startsWith("macro expansion produces more than"), ds.get(0).toString());
    }

    @Test
    void manyErrorsStopAtTheLimit() {
        List<Diagnostic> ds = errors("#error boom\n".repeat(30));
        assertEquals(21, ds.size());
        assertEquals("t.c: note: too many errors emitted (20), stopping now", ds.get(20).toString());
    }

    @Test
    void aMissingIncludeIsFatalAndStopsAtOnce() {
        List<Diagnostic> ds = errors("#include \"a.h\"\n".repeat(30));
        assertEquals(1, ds.size());
        assertEquals(Diagnostic.Severity.FATAL, ds.get(0).severity());
    }

    @Test
    void selfReferentialMacrosTerminate() throws CompileException {
        Preprocessor p = Preprocessor.builder().files(new PreprocessorMemoryReader()).build();
        String out = Preprocessor.render(p.preprocess("t.c",
                "#define f(x) g(x) f\n#define g(x) f(x)\nf(1)(2)(3)\n"));
        assertEquals("f(1) f(2)(3)\n", out, "what gcc -E prints too");
    }
}
