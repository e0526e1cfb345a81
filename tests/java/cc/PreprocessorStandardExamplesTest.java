package cc;

import diag.CompileException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The examples of C11 6.10.3.5 (# and ##, placemarkers, rescanning, variable arguments),
 * and GCC's extensions such as {@code #pragma push_macro}, against what GCC makes of them. Each tests/cc-pp/NAME.expected was produced on the
 * development machine by {@code gcc -E -P -undef NAME.c > NAME.expected} (GCC 12.2); the
 * comparison is token by token, ignoring white space, after joining adjacent string
 * literals in GCC's output as our phase 6 does.
 */
class PreprocessorStandardExamplesTest {
    private static final Path DIR = Path.of("tests", "cc-pp");

    @Test
    void example3RescanningMatchesGcc() throws IOException, CompileException {
        assertMatchesGcc("c11-example3");
    }

    @Test
    void example4StringizingPastingAndComputedIncludeMatchGcc() throws IOException, CompileException {
        assertMatchesGcc("c11-example4");
    }

    @Test
    void example5PlacemarkersMatchGcc() throws IOException, CompileException {
        assertMatchesGcc("c11-example5");
    }

    @Test
    void example7VariableArgumentsMatchGcc() throws IOException, CompileException {
        assertMatchesGcc("c11-example7");
    }

    @Test
    void example6RedefinitionsDifferingOnlyInWhiteSpaceAreAccepted() throws IOException, CompileException {
        assertMatchesGcc("c11-example6");
    }

    @Test
    void rescanExampleOf6_10_3_4MatchesGcc() throws IOException, CompileException {
        assertMatchesGcc("c11-rescan-example");
    }

    @Test
    void cornerCasesMatchGcc() throws IOException, CompileException {
        assertMatchesGcc("corner-cases");
    }

    @Test
    void pragmaPushMacroAndPopMacroMatchGcc() throws IOException, CompileException {
        assertMatchesGcc("push-pop-macro");
    }

    private static void assertMatchesGcc(String name) throws IOException, CompileException {
        Path input = DIR.resolve(name + ".c");
        String source = Files.readString(input, StandardCharsets.UTF_8);
        Preprocessor pp = new Preprocessor();
        List<Token> ours = pp.preprocess(input.toString(), source);
        assertEquals(List.of(), pp.warnings());
        String expected = Files.readString(DIR.resolve(name + ".expected"), StandardCharsets.UTF_8);
        List<Token> gcc = Preprocessor.concatenateStrings(Tokenizer.tokenize("gcc", expected));
        assertEquals(texts(gcc), texts(ours), Preprocessor.render(ours));
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(t -> t.text).toList();
    }
}
