package cc;

import diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the controlling expression of {@code #if} and {@code #elif} (C11 6.10.1).
 *
 * <p>First {@code defined X}, {@code defined(X)}, {@code __has_include(...)} and the feature
 * tests {@code __has_attribute(x)}, {@code __has_c_attribute(x)} and {@code __has_builtin(x)}
 * are replaced by their values (gcc's answers for what Clonix supports, 0 for the rest), then the line is macro-expanded (a {@code defined} that a macro produces is
 * replaced after that, as GCC does), then every identifier left is replaced by 0.
 * What remains is an integer constant expression evaluated in intmax_t or uintmax_t
 * (64 bits on Clonix): a value is unsigned if its constant was, and the usual arithmetic
 * conversions make an operation unsigned if either operand is. Every C operator is
 * allowed, with short-circuiting: division by zero in an unevaluated operand is no error.
 * Shifting by a negative count or by 64 or more gives 0 (or all sign bits for a right
 * shift of a negative number), so the result never depends on the host.
 */
final class PpExpression {
    /** Tells whether a header could be included, for {@code __has_include}. */
    interface HeaderProbe {
        boolean exists(String name, boolean angled, Token where);
    }

    /** A value: 64 bits and whether they are read as unsigned. */
    private record Value(long bits, boolean unsigned) {
        boolean isTrue() {
            return bits != 0;
        }
    }

    /** Thrown after an error has been reported, to abandon the expression; never escapes. */
    private static final class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super(null, null, false, false);
        }
    }

    private final MacroExpander expander;
    private final Diagnostics diags;
    private final HeaderProbe headers;
    private List<Token> tokens;
    private int pos;
    private int depth;
    private Token directive;

    PpExpression(MacroExpander expander, Diagnostics diags, HeaderProbe headers) {
        this.expander = expander;
        this.diags = diags;
        this.headers = headers;
    }

    /**
     * The truth of the expression {@code line} (the tokens after "#if"), reported at
     * {@code directive} if empty. An invalid expression is reported and counts as false.
     */
    boolean isTrue(List<Token> line, Token directive) {
        this.directive = directive;
        try {
            List<Token> expanded = replaceDefined(expander.expandCondition(replaceDefined(line), directive));
            tokens = new ArrayList<>();
            for (Token t : expanded) {
                tokens.add(t.kind == Token.Kind.IDENT ? zero(t) : t);
            }
            pos = 0;
            depth = 0;
            Value v = comma(true);
            if (pos < tokens.size()) {
                fail(tokens.get(pos), "token is not a valid binary operator in a preprocessor subexpression");
            }
            return v.isTrue();
        } catch (Abandon e) {
            return false;
        }
    }

    /** True for the operators that {@code #ifdef} finds defined although they are no macros. */
    static boolean isFeatureTest(String name) {
        return switch (name) {
            case "__has_include", "__has_attribute", "__has_c_attribute", "__has_builtin" -> true;
            default -> false;
        };
    }

    /** Replaces the {@code defined}, {@code __has_include} and feature-test operators by their values. */
    private List<Token> replaceDefined(List<Token> line) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            Token t = line.get(i);
            if (t.is("defined") && t.kind == Token.Kind.IDENT) {
                boolean paren = i + 1 < line.size() && line.get(i + 1).is("(");
                int at = paren ? i + 2 : i + 1;
                if (at >= line.size() || line.get(at).kind != Token.Kind.IDENT) {
                    fail(t, "macro name must be an identifier");
                }
                if (paren && (at + 1 >= line.size() || !line.get(at + 1).is(")"))) {
                    fail(line.get(at), "missing ')' after 'defined'");
                }
                out.add(number(expander.isDefined(line.get(at).text) ? 1 : 0, t));
                i = paren ? at + 1 : at;
            } else if (t.is("__has_include") && t.kind == Token.Kind.IDENT) {
                i = hasInclude(line, i, out);
            } else if (t.kind == Token.Kind.IDENT && isFeatureTest(t.text)) {
                i = hasFeature(line, i, out);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Replaces {@code __has_include("x")} or {@code __has_include(<x>)} at {@code i}. */
    private int hasInclude(List<Token> line, int i, List<Token> out) {
        Token t = line.get(i);
        if (i + 2 >= line.size() || !line.get(i + 1).is("(")) fail(t, "missing '(' after '__has_include'");
        Token first = line.get(i + 2);
        int j = i + 3;
        String name;
        boolean angled = first.is("<");
        if (first.kind == Token.Kind.STRING && first.text.startsWith("\"") && first.error == null) {
            name = first.text.substring(1, first.text.length() - 1);
        } else if (angled) {
            StringBuilder sb = new StringBuilder();
            while (j < line.size() && !line.get(j).is(">")) {
                if (line.get(j).spaceBefore && sb.length() > 0) sb.append(' ');
                sb.append(line.get(j++).text);
            }
            if (j >= line.size()) fail(first, "expected '>'");
            name = sb.toString();
            j++;
        } else {
            fail(first, "expected \"FILENAME\" or <FILENAME>");
            return i;
        }
        if (j >= line.size() || !line.get(j).is(")")) fail(t, "missing ')' after '__has_include'");
        out.add(number(headers.exists(name, angled, t) ? 1 : 0, t));
        return j;
    }

    /**
     * Replaces {@code __has_attribute(name)}, {@code __has_c_attribute(name)} or
     * {@code __has_builtin(name)} at {@code i}; an attribute's name may be scoped
     * ({@code gnu::packed}). Returns the index of the closing parenthesis.
     */
    private int hasFeature(List<Token> line, int i, List<Token> out) {
        Token t = line.get(i);
        if (i + 1 >= line.size() || !line.get(i + 1).is("(")) fail(t, "missing '(' after '" + t.text + "'");
        StringBuilder name = new StringBuilder();
        int j = i + 2;
        while (j < line.size() && !line.get(j).is(")")) name.append(line.get(j++).text);
        if (j >= line.size()) fail(t, "missing ')' after '" + t.text + "'");
        if (!name.toString().matches("[A-Za-z_][A-Za-z_0-9]*(::[A-Za-z_][A-Za-z_0-9]*)?")) {
            fail(j > i + 2 ? line.get(i + 2) : t, "macro '" + t.text + "' requires an identifier");
        }
        long value = switch (t.text) {
            case "__has_builtin" -> Builtins.exists(name.toString()) ? 1 : 0;
            // The compiler reads no C23 "[[...]]" attributes, so gcc's answer for none holds.
            case "__has_c_attribute" -> 0;
            default -> Attributes.hasAttribute(name.toString());
        };
        out.add(number(value, t));
        return j;
    }

    private Value comma(boolean live) {
        Value v = conditional(live);
        while (accept(",")) v = conditional(live);
        return v;
    }

    private Value conditional(boolean live) {
        Value c = binary(0, live);
        if (!accept("?")) return c;
        Value a = nested(() -> comma(live && c.isTrue()));
        expect(":");
        Value b = conditional(live && !c.isTrue());
        boolean unsigned = a.unsigned || b.unsigned;
        return new Value(c.isTrue() ? a.bits : b.bits, unsigned);
    }

    /** Binary operators by precedence level, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="},
        {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
    };

    private Value binary(int level, boolean live) {
        if (level == LEVELS.length) return unary(live);
        Value left = binary(level + 1, live);
        while (pos < tokens.size()) {
            Token op = tokens.get(pos);
            String found = null;
            for (String s : LEVELS[level]) if (op.kind == Token.Kind.PUNCT && op.text.equals(s)) found = s;
            if (found == null) break;
            pos++;
            boolean rightLive = live && !(found.equals("||") && left.isTrue()) && !(found.equals("&&") && !left.isTrue());
            Value right = binary(level + 1, rightLive);
            left = apply(found, left, right, op, rightLive);
        }
        return left;
    }

    private Value apply(String op, Value a, Value b, Token where, boolean live) {
        boolean u = a.unsigned || b.unsigned;
        long x = a.bits, y = b.bits;
        switch (op) {
            case "||": return bool(a.isTrue() || b.isTrue());
            case "&&": return bool(a.isTrue() && b.isTrue());
            case "|": return new Value(x | y, u);
            case "^": return new Value(x ^ y, u);
            case "&": return new Value(x & y, u);
            case "==": return bool(x == y);
            case "!=": return bool(x != y);
            case "<": return bool(compare(x, y, u) < 0);
            case ">": return bool(compare(x, y, u) > 0);
            case "<=": return bool(compare(x, y, u) <= 0);
            case ">=": return bool(compare(x, y, u) >= 0);
            case "<<": return new Value(shiftOutOfRange(b) ? 0 : x << y, a.unsigned);
            case ">>":
                if (shiftOutOfRange(b)) return new Value(a.unsigned || x >= 0 ? 0 : -1, a.unsigned);
                return new Value(a.unsigned ? x >>> y : x >> y, a.unsigned);
            case "+": return new Value(x + y, u);
            case "-": return new Value(x - y, u);
            case "*": return new Value(x * y, u);
            default:
                if (y == 0) {
                    if (live) fail(where, "division by zero in preprocessor expression");
                    return new Value(0, u);
                }
                if (op.equals("/")) return new Value(u ? Long.divideUnsigned(x, y) : x / y, u);
                return new Value(u ? Long.remainderUnsigned(x, y) : x % y, u);
        }
    }

    private static boolean shiftOutOfRange(Value count) {
        return count.unsigned ? Long.compareUnsigned(count.bits, 64) >= 0 : count.bits < 0 || count.bits >= 64;
    }

    private static int compare(long x, long y, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    private static Value bool(boolean b) {
        return new Value(b ? 1 : 0, false);
    }

    private Value unary(boolean live) {
        Token t = peek();
        if (t.kind == Token.Kind.PUNCT) {
            switch (t.text) {
                case "+": pos++; return nested(() -> unary(live));
                case "-": { pos++; Value v = nested(() -> unary(live)); return new Value(-v.bits, v.unsigned); }
                case "~": { pos++; Value v = nested(() -> unary(live)); return new Value(~v.bits, v.unsigned); }
                case "!": { pos++; Value v = nested(() -> unary(live)); return bool(!v.isTrue()); }
                case "(": {
                    pos++;
                    Value v = nested(() -> comma(live));
                    expect(")");
                    return v;
                }
                default: break;
            }
        }
        pos++;
        if (t.error != null) fail(t, t.error);
        if (t.kind == Token.Kind.NUMBER && FloatLiteral.isFloatingType(t.type)) fail(t, "floating constant in preprocessor expression");
        if (t.kind == Token.Kind.NUMBER) return new Value(t.value, t.type != null && t.type.startsWith("unsigned"));
        if (t.kind == Token.Kind.CHAR) return new Value(t.value, false);
        if (t.kind == Token.Kind.EOF) fail(t, "expected value in expression");
        fail(t, "invalid token at start of a preprocessor expression");
        return null;
    }

    /** Runs {@code f} one level deeper, refusing to nest without bound. */
    private Value nested(java.util.function.Supplier<Value> f) {
        if (++depth > Limits.MAX_PREPROCESSOR_NESTING) fail(peek(), "preprocessor expression nested too deeply");
        Value v = f.get();
        depth--;
        return v;
    }

    private boolean accept(String op) {
        if (pos < tokens.size() && tokens.get(pos).kind == Token.Kind.PUNCT && tokens.get(pos).text.equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) fail(peek(), "expected '" + op + "' in preprocessor expression");
    }

    /** The next token, or an EOF at the directive when the line is used up. */
    private Token peek() {
        if (pos < tokens.size()) return tokens.get(pos);
        Token last = tokens.isEmpty() ? directive : tokens.get(tokens.size() - 1);
        return new Token(Token.Kind.EOF, "", last.file, last.line, last.column + last.text.length(), last.source,
                false, false, 0, null, null);
    }

    private void fail(Token t, String message) {
        PpDiag.error(diags, t, message);
        throw new Abandon();
    }

    private static Token zero(Token t) {
        return number(0, t);
    }

    private static Token number(long v, Token where) {
        return new Token(Token.Kind.NUMBER, Long.toString(v), where.file, where.line, where.column, where.source,
                where.spaceBefore, false, v, "int", null);
    }
}
