package cc;

import diag.CompileException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Random token soup from a fixed seed never makes the compiler throw anything but a CompileException. */
class ParserFuzzTest {
    private static final String[] PIECES = {
        "int", "char", "long", "unsigned", "struct", "union", "enum", "typedef", "static", "void", "const",
        "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "return", "goto",
        "sizeof", "x", "y", "f", "main", "s", "0", "1", "42", "'a'", "\"str\"", "(", ")", "{", "}", "[", "]",
        ";", ",", ":", "?", "=", "+=", "<<=", "+", "-", "*", "/", "%", "&", "&&", "|", "||", "^", "!", "~",
        "<", ">", "<=", "==", "!=", "->", ".", "++", "--", "...", "__sync_fetch_and_add", "__builtin_va_arg",
        "double", "float", "\n",
    };

    @Test
    void randomTokenSoupNeverCrashesTheCompiler() {
        Random rnd = new Random(20261124);
        for (int round = 0; round < 1500; round++) {
            StringBuilder sb = new StringBuilder();
            if (round % 2 == 0) sb.append("int main(void) { ");
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) sb.append(PIECES[rnd.nextInt(PIECES.length)]).append(' ');
            if (round % 2 == 0) sb.append(" }");
            try {
                Compiler.Result r = Compiler.compileSource("fuzz.c", sb.toString());
                // A program that compiles must also assemble.
                asm.Assembler.assemble("fuzz.s", r.assembly());
            } catch (CompileException e) {
                assertFalse(e.render().contains("internal compiler error"), sb + "\n" + e.render());
            }
        }
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        String src = "int x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + ";\n";
        CompileException e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Compiler.compileSource("deep.c", src));
        org.junit.jupiter.api.Assertions.assertEquals("deep.c: error: program is nested too deeply for the compiler",
                e.diagnostics().get(0).toString());
    }

    @Test
    void mutatedValidProgramsNeverCrashTheCompiler() throws Exception {
        String base = java.nio.file.Files.readString(CProgramRunner.TESTS_C.resolve("structs.c"));
        java.util.List<cc.Token> toks = Tokenizer.tokenize("structs.c", base);
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            for (cc.Token t : toks) {
                if (t.kind == cc.Token.Kind.EOF) break;
                int dice = rnd.nextInt(100);
                if (dice == 0) continue;
                if (dice == 1) sb.append(PIECES[rnd.nextInt(PIECES.length)]).append(' ');
                sb.append(t.text).append(' ');
            }
            try {
                Compiler.Result r = Compiler.compileSource("mut.c", sb.toString());
                asm.Assembler.assemble("mut.s", r.assembly());
            } catch (CompileException e) {
                assertFalse(e.render().contains("internal compiler error"), sb + "\n" + e.render());
            }
        }
    }
}
