package cc;

import diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Macro replacement (C11 6.10.3): object-like and function-like macros, argument
 * pre-expansion, {@code #} stringizing, {@code ##} pasting with placemarkers,
 * {@code __VA_ARGS__} with the GNU {@code , ## __VA_ARGS__} comma deletion, and the
 * built-in macros {@code __FILE__ __LINE__ __COUNTER__ __DATE__ __TIME__}.
 *
 * <p>Rescanning follows Prosser's algorithm, as chibicc does: every token carries a hide set
 * of the macros that produced it, and an identifier is not expanded if its own name is in
 * its hide set. The result of an expansion is pushed back onto the input and read again,
 * so that it is rescanned together with the rest of the source (C11 6.10.3.4).
 *
 * <p>{@code __DATE__} and {@code __TIME__} are fixed to "Jan  1 2000" and "00:00:00":
 * Clonix builds are reproducible, so the same source always gives the same bytes.
 */
final class MacroExpander {
    /** The built-in macros, whose value depends on where they are used. */
    static final List<String> BUILTINS = List.of("__FILE__", "__LINE__", "__COUNTER__", "__DATE__", "__TIME__");

    /** Markers in a substituted replacement list; compared by identity, never output. */
    private static final Token PASTE = marker("##");
    private static final Token PLACEMARKER = marker("");

    private final Map<String, Macro> macros;
    private final Diagnostics diags;
    private int counter;
    /** Tokens produced by expansions and characters made by # and ##, against Limits. */
    private long produced, producedText;
    private boolean overBudget;
    private int nesting;

    /** An expander using (and seeing later changes to) the definitions in {@code macros}. */
    MacroExpander(Map<String, Macro> macros, Diagnostics diags) {
        this.macros = macros;
        this.diags = diags;
    }

    /**
     * True if {@code name} is a macro, defined or built in (for {@code defined} and #ifdef);
     * {@code __has_include}, {@code __has_attribute}, {@code __has_c_attribute} and
     * {@code __has_builtin} count, as in GCC and clang, so headers can test for them.
     */
    boolean isDefined(String name) {
        return macros.containsKey(name) || BUILTINS.contains(name) || PpExpression.isFeatureTest(name);
    }

    /**
     * If {@code tok} is the name of a macro that may be expanded here, reads its arguments
     * from {@code in}, pushes the expansion back onto {@code in} and returns true. Otherwise
     * returns false and leaves {@code in} as it was. Errors are reported and the faulty use
     * is dropped. Once a budget of {@link Limits} is spent, nothing is expanded any more.
     */
    boolean expand(Token tok, TokenInput in) {
        if (overBudget || tok.kind != Token.Kind.IDENT || tok.hideSet.contains(tok.text)) return false;
        if (BUILTINS.contains(tok.text)) {
            in.push(List.of(builtin(tok)));
            return true;
        }
        Macro m = macros.get(tok.text);
        if (m == null) return false;
        HideSet hs;
        List<List<Token>> args = null;
        if (m.functionLike()) {
            // A function-like macro name not followed by '(' is an ordinary identifier.
            if (!in.peek().is("(")) return false;
            in.next();
            args = new ArrayList<>();
            Token rparen = readArguments(m, tok, in, args);
            if (rparen == null) return true;
            hs = tok.hideSet.intersect(rparen.hideSet).with(m.name());
        } else {
            hs = tok.hideSet.with(m.name());
        }
        List<Token> body = substitute(m, args, tok);
        if (body == null || produced + body.size() > Limits.MAX_EXPANDED_TOKENS) {
            overBudget(tok, "more than " + Limits.MAX_EXPANDED_TOKENS + " tokens");
            return true;
        }
        produced += body.size();
        List<Token> result = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            Token t = body.get(i);
            boolean space = i == 0 ? tok.spaceBefore : t.spaceBefore;
            result.add(t.withHideSet(t.hideSet.union(hs)).at(tok).withSpacing(space, i == 0 && tok.atLineStart));
        }
        in.push(result);
        return true;
    }

    /**
     * Macro-expands {@code tokens} completely on their own (no directives, nothing read from
     * beyond them): used for macro arguments, {@code #if} lines and computed includes.
     */
    List<Token> expandAll(List<Token> tokens, Token where) {
        return expandAll(tokens, where, false);
    }

    /**
     * Macro-expands an {@code #if} line: like {@link #expandAll(List, Token)}, except that the
     * operand of a {@code defined} that a macro produced is left alone, so that
     * {@code #define HAS_X defined(X)} works in {@code #if HAS_X} as it does in GCC.
     */
    List<Token> expandCondition(List<Token> tokens, Token where) {
        return expandAll(tokens, where, true);
    }

    private List<Token> expandAll(List<Token> tokens, Token where, boolean keepDefinedOperands) {
        if (nesting >= Limits.MAX_PREPROCESSOR_NESTING) {
            PpDiag.error(diags, where, "macro expansion nested too deeply");
            return tokens;
        }
        nesting++;
        List<Token> list = new ArrayList<>(tokens);
        list.add(new Token(Token.Kind.EOF, "", where.file, where.line, where.column, where.source,
                false, false, 0, null, null));
        TokenInput in = new TokenInput(list);
        List<Token> out = new ArrayList<>();
        for (Token t = in.next(); t.kind != Token.Kind.EOF; t = in.next()) {
            if (keepDefinedOperands && t.kind == Token.Kind.IDENT && t.text.equals("defined")) {
                out.add(t);
                boolean paren = in.peek().is("(");
                if (paren) out.add(in.next());
                if (in.peek().kind == Token.Kind.IDENT) out.add(in.next());
                if (paren && in.peek().is(")")) out.add(in.next());
            } else if (!expand(t, in)) {
                out.add(t);
            }
        }
        nesting--;
        return out;
    }

    /**
     * Reads the arguments of a call of {@code m}, after its '(', into {@code args}; returns
     * the closing ')' or null after reporting an error.
     */
    private Token readArguments(Macro m, Token name, TokenInput in, List<List<Token>> args) {
        List<Token> current = new ArrayList<>();
        int depth = 0;
        Token t;
        while (true) {
            t = in.next();
            if (t.kind == Token.Kind.EOF) {
                PpDiag.error(diags, name, "unterminated argument list invoking macro '" + m.name() + "'");
                return null;
            }
            if (depth == 0 && t.is(")")) break;
            boolean inVariadicPart = m.variadic() && args.size() == m.params().size() - 1;
            if (depth == 0 && t.is(",") && !inVariadicPart) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (t.is("(")) depth++;
            if (t.is(")")) depth--;
            current.add(t);
        }
        args.add(current);
        int n = m.params().size();
        if (n == 0 && args.size() == 1 && args.get(0).isEmpty()) args.clear();
        // GCC allows the variadic arguments to be left out altogether: "f(a)" for f(x, ...).
        if (m.variadic() && args.size() == n - 1) args.add(new ArrayList<>());
        if (args.size() < n) {
            PpDiag.error(diags, name, "macro '" + m.name() + "' requires " + n + " argument"
                    + (n == 1 ? "" : "s") + ", but only " + args.size() + " given");
            return null;
        }
        if (args.size() > n) {
            PpDiag.error(diags, name, "macro '" + m.name() + "' passed " + args.size()
                    + " arguments, but takes just " + n);
            return null;
        }
        return t;
    }

    /**
     * The replacement list of {@code m} with parameters replaced (C11 6.10.3.1): by the
     * stringized argument after '#', by the argument as written next to '##', and by the
     * fully expanded argument elsewhere; then the '##' operators are applied (6.10.3.3).
     */
    private List<Token> substitute(Macro m, List<List<Token>> args, Token use) {
        List<Token> body = m.body();
        List<Token>[] expanded = newListArray(m.params().size());
        List<Token> out = new ArrayList<>();
        boolean afterPaste = false;
        for (int i = 0; i < body.size(); i++) {
            Token t = body.get(i);
            boolean operand = afterPaste;
            afterPaste = false;
            if (m.functionLike() && t.is("#") && i + 1 < body.size()
                    && m.paramIndex(body.get(i + 1).text) >= 0) {
                out.add(stringize(args.get(m.paramIndex(body.get(i + 1).text)), t));
                i++;
                continue;
            }
            if (t.is("##") && !operand && i > 0 && i + 1 < body.size()) {
                Token next = body.get(i + 1);
                if (m.variadic() && !out.isEmpty() && out.get(out.size() - 1).is(",")
                        && m.paramIndex(next.text) == m.params().size() - 1) {
                    // GNU: ", ## __VA_ARGS__" drops the comma when there are no variadic arguments.
                    List<Token> va = args.get(m.params().size() - 1);
                    if (va.isEmpty()) out.remove(out.size() - 1);
                    else addWithSpacing(out, va, next);
                    i++;
                    continue;
                }
                out.add(PASTE);
                afterPaste = true;
                continue;
            }
            int p = m.paramIndex(t.text);
            if (p < 0 || t.kind != Token.Kind.IDENT) {
                out.add(t);
                continue;
            }
            boolean nextToPaste = operand || (i + 1 < body.size() && body.get(i + 1).is("##"));
            List<Token> arg;
            if (nextToPaste) {
                arg = args.get(p);
                if (arg.isEmpty()) out.add(PLACEMARKER);
            } else {
                if (expanded[p] == null) expanded[p] = expandAll(args.get(p), use);
                arg = expanded[p];
            }
            // A parameter used many times copies its argument as often: stop at the budget.
            if (produced + out.size() + arg.size() > Limits.MAX_EXPANDED_TOKENS) return null;
            addWithSpacing(out, arg, t);
        }
        return applyPastes(out);
    }

    /**
     * Reports that macro expansion has used up a budget of Limits: a fatal error, so the run
     * stops, and from then on no macro is expanded, so that nothing more is spent on it.
     */
    private void overBudget(Token where, String what) {
        if (overBudget) return;
        overBudget = true;
        PpDiag.fatal(diags, where, "macro expansion produces " + what);
    }

    /** Charges {@code chars} characters made by # or ##; false (after reporting) if they are over the budget. */
    private boolean spendText(long chars, Token where) {
        if (producedText + chars > Limits.MAX_EXPANDED_TEXT) {
            overBudget(where, "more than " + Limits.describe(Limits.MAX_EXPANDED_TEXT) + " of text with # and ##");
            return false;
        }
        producedText += chars;
        return true;
    }

    /** Appends {@code arg}, giving its first token the spacing of the parameter {@code param}. */
    private static void addWithSpacing(List<Token> out, List<Token> arg, Token param) {
        for (int i = 0; i < arg.size(); i++) {
            Token a = arg.get(i);
            out.add(i == 0 ? a.withSpacing(param.spaceBefore, false) : a);
        }
    }

    /** Applies the {@link #PASTE} markers left to right, then drops placemarkers. */
    private List<Token> applyPastes(List<Token> items) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Token t = items.get(i);
            if (t == PASTE && !out.isEmpty() && i + 1 < items.size()) {
                Token left = out.remove(out.size() - 1);
                out.add(paste(left, items.get(++i)));
            } else if (t != PASTE) {
                out.add(t);
            }
        }
        out.removeIf(t -> t == PLACEMARKER);
        return out;
    }

    /** The token spelled {@code left} followed by {@code right}, which must be one token. */
    private Token paste(Token left, Token right) {
        if (left == PLACEMARKER) return right;
        if (right == PLACEMARKER) return left;
        if (!spendText((long) left.text.length() + right.text.length(), left)) return left;
        String text = left.text + right.text;
        Diagnostics scratch = new Diagnostics();
        List<Token> ts = Tokenizer.tokenizeForPreprocessor(left.file, text, scratch);
        if (ts.size() != 2 || scratch.hasErrors() || !ts.get(0).text.equals(text)) {
            PpDiag.error(diags, left, "pasting \"" + left.text + "\" and \"" + right.text
                    + "\" does not give a valid preprocessing token");
            return left;
        }
        return ts.get(0).at(left).withSpacing(left.spaceBefore, false)
                .withHideSet(left.hideSet.intersect(right.hideSet));
    }

    /**
     * The string literal that spells {@code arg} (C11 6.10.3.2): tokens separated by one
     * space where there was white space, with '"' and '\' escaped inside string literals
     * and character constants.
     */
    private Token stringize(List<Token> arg, Token hash) {
        long length = 2;
        for (int i = 0; i < arg.size(); i++) {
            Token t = arg.get(i);
            if (i > 0 && t.spaceBefore) length++;
            length += t.text.length();
            if (t.kind == Token.Kind.STRING || t.kind == Token.Kind.CHAR) {
                length += t.text.chars().filter(c -> c == '"' || c == '\\').count();
            }
        }
        // Stringizing a stringized argument doubles its backslashes: charge before building.
        if (!spendText(length, hash)) return stringToken("\"\"", hash);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < arg.size(); i++) {
            Token t = arg.get(i);
            if (i > 0 && t.spaceBefore) sb.append(' ');
            boolean literal = t.kind == Token.Kind.STRING || t.kind == Token.Kind.CHAR;
            sb.append(literal ? escape(t.text) : t.text);
        }
        sb.append('"');
        return stringToken(sb.toString(), hash);
    }

    /** A STRING token spelled {@code quoted} (with its quotes) at the place of {@code where}. */
    private Token stringToken(String quoted, Token where) {
        List<Token> ts = Tokenizer.tokenizeForPreprocessor(where.file, quoted, new Diagnostics());
        Token t = ts.get(0);
        if (ts.size() != 2 || t.kind != Token.Kind.STRING) {
            t = new Token(Token.Kind.STRING, quoted, where.file, where.line, where.column, where.source,
                    false, false, 0, null, new byte[0], "'#' does not give a valid string literal", HideSet.EMPTY);
        }
        return t.at(where).withSpacing(where.spaceBefore, where.atLineStart);
    }

    /** {@code s} with every '"' and '\' preceded by a backslash. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** The token a built-in macro stands for at {@code tok}. */
    private Token builtin(Token tok) {
        switch (tok.text) {
            case "__FILE__": return stringToken("\"" + escape(tok.file) + "\"", tok);
            case "__DATE__": return stringToken("\"Jan  1 2000\"", tok);
            case "__TIME__": return stringToken("\"00:00:00\"", tok);
            case "__LINE__": return number(tok.line, tok);
            default: return number(counter++, tok);
        }
    }

    private static Token number(long value, Token where) {
        return new Token(Token.Kind.NUMBER, Long.toString(value), where.file, where.line, where.column,
                where.source, where.spaceBefore, where.atLineStart, value, "int", null);
    }

    private static Token marker(String text) {
        return new Token(Token.Kind.PUNCT, text, "", 0, 0, "", false, false, 0, null, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Token>[] newListArray(int n) {
        return (List<Token>[]) new List<?>[n];
    }
}
