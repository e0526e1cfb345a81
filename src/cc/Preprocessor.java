package cc;

import diag.CompileException;
import diag.Diagnostic;
import diag.Diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C preprocessor of the Clonix compiler: translation phases 4 and 6 (C11 5.1.1.2) on
 * the tokens of {@link Tokenizer}, in the style of chibicc.
 *
 * <p>It handles {@code #include} (with -I and system directories and {@code #pragma once}),
 * {@code #define}/{@code #undef} with object-like and function-like macros ({@code #},
 * {@code ##}, {@code __VA_ARGS__}), the conditionals with full {@code #if} expressions,
 * {@code #error}, {@code #warning}, {@code #line} and the null directive; see
 * {@link MacroExpander}, {@link PpExpression} and {@link PreprocessorRun}. The result is
 * the token list the parser reads: no directives, macros replaced, adjacent string
 * literals joined into one, ending with an EOF token.
 *
 * <p>Output depends only on the input and the options: {@code __DATE__} and
 * {@code __TIME__} are fixed ("Jan  1 2000", "00:00:00"), and nothing depends on host time
 * or hash order. A Preprocessor holds its options and the warnings of its last run: one
 * instance may preprocess many files, one at a time, from one thread.
 */
public final class Preprocessor {
    private final List<String> includeDirs;
    private final List<String> systemIncludeDirs;
    private final List<String> defineOptions;
    private final CompilerFiles files;
    private List<Diagnostic> warnings = List.of();

    /**
     * A preprocessor with -I directories {@code includeDirs}, system directories
     * {@code systemIncludeDirs}, command-line options {@code defineOptions} applied in order
     * (each "-Dname", "-Dname=value" or "-Uname"; anything else is reported as an error by
     * {@link #preprocess}), reading files through {@code files}.
     */
    public Preprocessor(List<String> includeDirs, List<String> systemIncludeDirs, List<String> defineOptions,
                        CompilerFiles files) {
        this.includeDirs = List.copyOf(includeDirs);
        this.systemIncludeDirs = List.copyOf(systemIncludeDirs);
        this.defineOptions = List.copyOf(defineOptions);
        this.files = files;
    }

    /**
     * A preprocessor without include directories or options, reading the host file system
     * from the JVM's working directory.
     */
    public Preprocessor() {
        this(List.of(), List.of(), List.of(), new HostCompilerFiles(Path.of("")));
    }

    /** Starts building a preprocessor; the defaults are those of {@link #Preprocessor()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the options of a {@link Preprocessor}. Not thread-safe. */
    public static final class Builder {
        private final List<String> includeDirs = new ArrayList<>();
        private final List<String> systemIncludeDirs = new ArrayList<>();
        private final List<String> defineOptions = new ArrayList<>();
        private CompilerFiles files = new HostCompilerFiles(Path.of(""));

        /** Adds a -I directory, searched after the includer's directory for "..." includes. */
        public Builder includeDir(String dir) {
            includeDirs.add(dir);
            return this;
        }

        /** Adds a system directory, searched after the -I directories. */
        public Builder systemIncludeDir(String dir) {
            systemIncludeDirs.add(dir);
            return this;
        }

        /** -D: {@code definition} is "name" (defined as 1) or "name=value". */
        public Builder define(String definition) {
            defineOptions.add("-D" + definition);
            return this;
        }

        /** -U: undefines {@code name} (after the -D options given before it). */
        public Builder undefine(String name) {
            defineOptions.add("-U" + name);
            return this;
        }

        /** Reads included files through {@code f} instead of the host file system. */
        public Builder files(CompilerFiles f) {
            files = f;
            return this;
        }

        /** The preprocessor with these options. */
        public Preprocessor build() {
            return new Preprocessor(includeDirs, systemIncludeDirs, defineOptions, files);
        }
    }

    /**
     * Preprocesses {@code source}, the text of {@code file} (whose directory is searched
     * first for "..." includes). Returns the tokens for the parser, ending with EOF. Every
     * error is reported together in the CompileException; warnings of a successful run are
     * available from {@link #warnings()}. No other exception escapes for any input.
     */
    public List<Token> preprocess(String file, String source) throws CompileException {
        Diagnostics diags = new Diagnostics();
        PreprocessorRun run = new PreprocessorRun(diags,
                files, new IncludeResolver(includeDirs, systemIncludeDirs, files));
        List<Token> discard = new ArrayList<>();
        run.run("<built-in>", PredefinedMacros.SOURCE, discard);
        StringBuilder commandLine = new StringBuilder();
        for (String option : defineOptions) {
            String directive = PredefinedMacros.directiveFor(option);
            if (directive == null) {
                diags.add(new Diagnostic("<command line>", 0, 0, Diagnostic.Severity.ERROR,
                        "not a -D or -U option: '" + option + "'", null));
            } else {
                commandLine.append(directive);
            }
        }
        run.run("<command line>", commandLine.toString(), discard);

        List<Token> out = new ArrayList<>();
        Token eof = run.run(file, source, out);
        out = concatenateStrings(out);
        for (Token t : out) {
            if (diags.shouldStop()) break;
            if (t.error != null) PpDiag.error(diags, t, t.error);
        }
        out.add(eof.withSpacing(false, true).withHideSet(HideSet.EMPTY));
        warnings = diags.all().stream().filter(d -> !d.severity().isError()).toList();
        diags.throwIfErrors();
        return out;
    }

    /** The warnings (and notes) of the last call of {@link #preprocess}. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /**
     * Translation phase 6: each run of adjacent string literals becomes one STRING token at
     * the place of the first, spelled as the literals joined by spaces, with their contents
     * (see {@link StringLiteral#concatenate} for literals with different prefixes).
     */
    static List<Token> concatenateStrings(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token first = tokens.get(i);
            if (first.kind != Token.Kind.STRING || i + 1 >= tokens.size()
                    || tokens.get(i + 1).kind != Token.Kind.STRING) {
                out.add(first);
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).kind == Token.Kind.STRING) end++;
            out.add(StringLiteral.concatenate(tokens.subList(i, end)));
            i = end - 1;
        }
        return out;
    }

    /**
     * The tokens as text, like {@code cc -E}: a newline before each token from another
     * source line (or file) than the one before it, a single space before a token that had
     * white space before it, nothing before the others; the text ends with a newline unless
     * it is empty. A macro's expansion counts as being on the line of the macro's name.
     * For debugging and tests.
     */
    public static String render(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        Token prev = null;
        for (Token t : tokens) {
            if (t.kind == Token.Kind.EOF) break;
            if (prev != null) {
                if (t.line != prev.line || !t.file.equals(prev.file)) sb.append('\n');
                else if (t.spaceBefore) sb.append(' ');
            }
            sb.append(t.text);
            prev = t;
        }
        if (prev != null) sb.append('\n');
        return sb.toString();
    }
}
