package cc;

import diag.Diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of the preprocessor over a translation unit (translation phase 4): reads tokens
 * from a stack of files, carries out the directives, skips the groups that conditionals
 * exclude and lets {@link MacroExpander} replace macros. {@link Preprocessor} owns the
 * options and the final steps; this class owns the state that one run changes.
 *
 * <p>A directive is a '#' that starts a line of a file (never one produced by a macro).
 * Conditionals and the skipping of excluded groups are in {@link Conditionals}.
 */
final class PreprocessorRun {
    /** The input: macro expansions pushed back, then the innermost open file. */
    private final class Input extends TokenInput {
        Input() {
            super(List.of());
        }

        @Override
        Token nextUnpushed() {
            SourceFrame f = frames.peek();
            Token t = f.current();
            f.advance();
            return t;
        }

        @Override
        Token peekUnpushed() {
            return frames.peek().current();
        }
    }

    private final Diagnostics diags;
    private final CompilerFiles files;
    private final IncludeResolver resolver;
    private final Map<String, Macro> macros = new TreeMap<>();
    private final MacroExpander expander;
    private final PpExpression expressions;
    private final Deque<SourceFrame> frames = new ArrayDeque<>();
    private final Conditionals conditionals;
    /** The identities (see {@link CompilerFiles#identity}) of the files that said #pragma once. */
    private final TreeSet<String> onceFiles = new TreeSet<>();
    /** The definitions saved by #pragma push_macro, innermost first; empty: was undefined. */
    private final Map<String, Deque<Optional<Macro>>> pushedMacros = new TreeMap<>();
    private final Input input = new Input();
    private Token lastEof;
    /** What the #include directives of this run have cost so far, against Limits. */
    private int includes;
    private long includedBytes;

    PreprocessorRun(Diagnostics diags, CompilerFiles files, IncludeResolver resolver) {
        this.diags = diags;
        this.files = files;
        this.resolver = resolver;
        this.expander = new MacroExpander(macros, diags);
        this.expressions = new PpExpression(expander, diags, this::headerExists);
        this.conditionals = new Conditionals(diags);
    }

    /**
     * Preprocesses {@code source}, the text of {@code file}, appending the resulting tokens
     * (without EOF) to {@code out}; returns the EOF token at the end of the file. Macros
     * defined by one call stay defined for the next, which is how the predefined macros and
     * -D options are set up. At most {@link Limits#MAX_TRANSLATION_UNIT_TOKENS} tokens are
     * appended; the run stops with an error at the next.
     */
    Token run(String file, String source, List<Token> out) {
        pushFile(file, source, -1);
        while (!frames.isEmpty() && !diags.shouldStop()) {
            if (out.size() >= Limits.MAX_TRANSLATION_UNIT_TOKENS) {
                PpDiag.fatal(diags, input.peek(), "translation unit too large: more than "
                        + Limits.MAX_TRANSLATION_UNIT_TOKENS + " tokens after preprocessing");
                break;
            }
            boolean fromFile = input.nothingPushedBack();
            Token t = input.next();
            if (t.kind == Token.Kind.EOF) {
                endOfFile();
            } else if (fromFile && t.atLineStart && t.kind == Token.Kind.PUNCT && t.text.equals("#")) {
                directive(t);
            } else if (t.kind == Token.Kind.IDENT && t.text.equals("_Pragma") && input.peek().is("(")) {
                pragmaOperator(t);
            } else if (!expander.expand(t, input)) {
                out.add(t);
            }
        }
        // After too many errors the loop stops early; the main file's EOF still ends the output.
        Token eof = frames.isEmpty() ? lastEof : frames.getLast().eof();
        frames.clear();
        return eof;
    }

    private void pushFile(String path, String source, int dirIndex) {
        List<Token> tokens = Tokenizer.tokenizeForPreprocessor(path, source, diags);
        frames.push(new SourceFrame(path, tokens, conditionals.depth(), dirIndex));
    }

    /** Closes the innermost file, reporting conditionals it left open. */
    private void endOfFile() {
        SourceFrame f = frames.pop();
        lastEof = f.eof();
        conditionals.closeFile(f);
    }

    /** The rest of the directive line: tokens of the current file up to the next line start. */
    private List<Token> readLine() {
        List<Token> line = new ArrayList<>();
        SourceFrame f = frames.peek();
        while (true) {
            Token t = f.current();
            if (t.kind == Token.Kind.EOF || t.atLineStart) return line;
            line.add(t);
            f.advance();
        }
    }

    private void directive(Token hash) {
        List<Token> line = readLine();
        if (line.isEmpty()) return; // the null directive
        Token name = line.get(0);
        List<Token> rest = line.subList(1, line.size());
        if (name.kind == Token.Kind.NUMBER) {
            lineDirective(hash, line); // GNU line marker: "# 42 "file""
            return;
        }
        switch (name.text) {
            case "include": include(name, rest); break;
            case "include_next": include(name, rest); break;
            case "define": define(name, rest); break;
            case "undef": undef(name, rest); break;
            case "if": conditionals.open(name, expressions.isTrue(rest, name), frames.peek()); break;
            case "ifdef": conditionals.open(name, macroNameDefined(name, rest), frames.peek()); break;
            case "ifndef": conditionals.open(name, !macroNameDefined(name, rest), frames.peek()); break;
            case "elif": conditionals.elif(name, () -> expressions.isTrue(rest, name), frames.peek()); break;
            case "else": warnExtraTokens(name, rest, 0); conditionals.elseGroup(name, frames.peek()); break;
            case "endif": warnExtraTokens(name, rest, 0); conditionals.endif(name, frames.peek()); break;
            case "line": lineDirective(name, expander.expandAll(new ArrayList<>(rest), name)); break;
            case "error": PpDiag.error(diags, name, "#error " + spell(rest)); break;
            case "warning": PpDiag.warning(diags, name, "#warning " + spell(rest)); break;
            case "pragma": pragma(rest); break;
            default: PpDiag.error(diags, name, "invalid preprocessing directive #" + name.text);
        }
    }

    /** For #ifdef and #ifndef: whether the macro named by the line is defined. */
    private boolean macroNameDefined(Token directive, List<Token> rest) {
        warnExtraTokens(directive, rest, 1);
        if (rest.isEmpty() || rest.get(0).kind != Token.Kind.IDENT) {
            PpDiag.error(diags, rest.isEmpty() ? directive : rest.get(0), "macro name must be an identifier");
            return false;
        }
        return expander.isDefined(rest.get(0).text);
    }

    // ---- #include -----------------------------------------------------------------------

    /** {@code #include} and GNU {@code #include_next} ({@code directive} tells which). */
    private void include(Token directive, List<Token> rest) {
        List<Token> line = rest;
        if (!rest.isEmpty() && rest.get(0).kind != Token.Kind.STRING && !rest.get(0).is("<")) {
            line = expander.expandAll(new ArrayList<>(rest), directive); // a computed include
        }
        if (line.isEmpty() || (line.get(0).kind != Token.Kind.STRING && !line.get(0).is("<"))) {
            PpDiag.error(diags, line.isEmpty() ? directive : line.get(0), "expected \"FILENAME\" or <FILENAME>");
            return;
        }
        Token first = line.get(0);
        boolean angled = first.is("<");
        String name;
        if (angled) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            while (i < line.size() && !line.get(i).is(">")) {
                if (line.get(i).spaceBefore && sb.length() > 0) sb.append(' ');
                sb.append(line.get(i++).text);
            }
            if (i >= line.size()) {
                PpDiag.error(diags, first, "expected '>'");
                return;
            }
            name = sb.toString();
            warnExtraTokens(directive, line, i + 1);
        } else if (first.text.startsWith("\"") && first.error == null) {
            name = first.text.substring(1, first.text.length() - 1);
            warnExtraTokens(directive, line, 1);
        } else {
            PpDiag.error(diags, first, "expected \"FILENAME\" or <FILENAME>");
            return;
        }
        IncludeResolver.Found found = directive.text.equals("include_next")
                ? resolver.resolveNext(name, frames.peek().dirIndex)
                : resolver.resolve(name, angled, frames.peek().path);
        if (found == null) {
            PpDiag.fatal(diags, first, "'" + name + "' file not found");
            return;
        }
        String path = found.path();
        if (onceFiles.contains(files.identity(path))) return;
        if (frames.size() >= Limits.MAX_INCLUDE_DEPTH) {
            PpDiag.error(diags, first, "#include nested too deeply");
            return;
        }
        if (++includes > Limits.MAX_INCLUDES) {
            PpDiag.fatal(diags, first, "too many #include directives carried out: more than " + Limits.MAX_INCLUDES);
            return;
        }
        byte[] bytes;
        try {
            bytes = files.read(path, Limits.MAX_SOURCE_BYTES);
        } catch (IOException e) {
            PpDiag.fatal(diags, first, path + ": " + e.getMessage());
            return;
        }
        includedBytes += bytes.length;
        if (includedBytes > Limits.MAX_TRANSLATION_UNIT_BYTES) {
            PpDiag.fatal(diags, first, "included files too large: together more than "
                    + Limits.describe(Limits.MAX_TRANSLATION_UNIT_BYTES) + ", counting each #include");
            return;
        }
        pushFile(path, new String(bytes, StandardCharsets.UTF_8), found.dirIndex());
    }

    /** For {@code __has_include}: whether the header would be found from the current file. */
    private boolean headerExists(String name, boolean angled, Token where) {
        return resolver.resolve(name, angled, frames.peek().path) != null;
    }

    // ---- #define and #undef -------------------------------------------------------------

    private void define(Token directive, List<Token> rest) {
        Macro m = MacroDefinition.parse(directive, rest, diags);
        if (m == null) return;
        if (MacroExpander.BUILTINS.contains(m.name())) {
            PpDiag.warning(diags, rest.get(0), "redefining built-in macro '" + m.name() + "' is ignored");
            return;
        }
        Macro old = macros.get(m.name());
        if (old != null && !old.sameAs(m)) PpDiag.warning(diags, rest.get(0), "'" + m.name() + "' macro redefined");
        macros.put(m.name(), m);
    }

    private void undef(Token directive, List<Token> rest) {
        warnExtraTokens(directive, rest, 1);
        if (rest.isEmpty() || rest.get(0).kind != Token.Kind.IDENT) {
            PpDiag.error(diags, rest.isEmpty() ? directive : rest.get(0), "macro name must be an identifier");
            return;
        }
        macros.remove(rest.get(0).text);
    }

    // ---- #line and #pragma ----------------------------------------------------------------

    /** {@code #line N ["file"]}: the line after the directive becomes line N. */
    private void lineDirective(Token directive, List<Token> args) {
        List<Token> line = args;
        if (line.isEmpty() || line.get(0).kind != Token.Kind.NUMBER || line.get(0).error != null
                || !line.get(0).text.chars().allMatch(Character::isDigit)) {
            PpDiag.error(diags, line.isEmpty() ? directive : line.get(0),
                    "#line directive requires a simple digit sequence");
            return;
        }
        SourceFrame f = frames.peek();
        int physicalNextLine = directive.line - f.lineDelta + 1;
        f.lineDelta = (int) line.get(0).value - physicalNextLine;
        if (line.size() > 1) {
            Token name = line.get(1);
            if (name.kind != Token.Kind.STRING || name.error != null) {
                PpDiag.error(diags, name, "invalid filename for #line directive");
                return;
            }
            f.shownName = new String(name.bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The C99 operator {@code _Pragma("...")}: the string, without its quotes and escapes,
     * is handled as the tokens of a {@code #pragma} line.
     */
    private void pragmaOperator(Token keyword) {
        input.next();
        Token s = input.next();
        Token close = s.kind == Token.Kind.STRING ? input.next() : s;
        if (s.kind != Token.Kind.STRING || s.error != null || !close.is(")")) {
            PpDiag.error(diags, keyword, "_Pragma takes a parenthesized string literal");
            return;
        }
        String text = new String(s.bytes, StandardCharsets.UTF_8);
        List<Token> tokens = Tokenizer.tokenizeForPreprocessor(keyword.file, text, new Diagnostics());
        pragma(tokens.subList(0, tokens.size() - 1));
    }

    /**
     * {@code #pragma once}, and GCC's {@code push_macro("X")} / {@code pop_macro("X")}, which
     * save X's definition (or its absence) on a stack of its own and bring it back. Other
     * pragmas are ignored, as the standard allows.
     */
    private void pragma(List<Token> rest) {
        if (rest.isEmpty()) return;
        Token what = rest.get(0);
        if (what.is("once")) {
            onceFiles.add(files.identity(frames.peek().path));
        } else if (what.is("push_macro") || what.is("pop_macro")) {
            String name = pragmaMacroName(what, rest);
            if (name == null) return;
            if (what.is("push_macro")) {
                pushedMacros.computeIfAbsent(name, k -> new ArrayDeque<>()).push(Optional.ofNullable(macros.get(name)));
            } else {
                Deque<Optional<Macro>> saved = pushedMacros.get(name);
                if (saved == null || saved.isEmpty()) return; // GCC ignores an unmatched pop
                Optional<Macro> m = saved.pop();
                if (m.isPresent()) macros.put(name, m.get());
                else macros.remove(name);
            }
        }
    }

    /** The macro name of {@code #pragma push_macro("X")} or {@code pop_macro("X")}, or null. */
    private String pragmaMacroName(Token what, List<Token> rest) {
        if (rest.size() < 4 || !rest.get(1).is("(") || rest.get(2).kind != Token.Kind.STRING
                || rest.get(2).error != null || !rest.get(2).text.startsWith("\"") || !rest.get(3).is(")")) {
            PpDiag.warning(diags, what, "invalid #pragma " + what.text + " directive");
            return null;
        }
        return new String(rest.get(2).bytes, StandardCharsets.UTF_8);
    }

    /** Warns about tokens after the {@code expected} ones a directive takes, as GCC does. */
    private void warnExtraTokens(Token directive, List<Token> rest, int expected) {
        if (rest.size() > expected) {
            PpDiag.warning(diags, rest.get(expected), "extra tokens at end of #" + directive.text + " directive");
        }
    }

    /** The tokens as written, separated by a space where there was white space. */
    private static String spell(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0 && t.spaceBefore) sb.append(' ');
            sb.append(t.text);
        }
        return sb.toString();
    }
}
