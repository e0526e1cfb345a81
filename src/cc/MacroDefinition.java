package cc;

import diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the rest of a {@code #define} line into a {@link Macro} (C11 6.10.3), checking
 * what the standard requires of a definition: a parameter list of distinct identifiers
 * with an optional {@code ...} (or GNU {@code name...}), {@code #} followed by a parameter
 * in a function-like macro, and no {@code ##} at either end of the replacement list.
 */
final class MacroDefinition {
    private MacroDefinition() {
    }

    /**
     * The macro defined by {@code rest} (the tokens after "define"), or null after
     * reporting an error at {@code directive} or the faulty token.
     */
    static Macro parse(Token directive, List<Token> rest, Diagnostics diags) {
        if (rest.isEmpty()) {
            PpDiag.error(diags, directive, "macro name missing");
            return null;
        }
        Token name = rest.get(0);
        if (name.kind != Token.Kind.IDENT) {
            PpDiag.error(diags, name, "macro name must be an identifier");
            return null;
        }
        if (name.text.equals("defined")) {
            PpDiag.error(diags, name, "'defined' cannot be used as a macro name");
            return null;
        }
        int i = 1;
        boolean functionLike = rest.size() > 1 && rest.get(1).is("(") && !rest.get(1).spaceBefore;
        List<String> params = new ArrayList<>();
        boolean variadic = false;
        if (functionLike) {
            i = 2;
            while (true) {
                if (i >= rest.size()) {
                    PpDiag.error(diags, rest.get(i - 1), "missing ')' in macro parameter list");
                    return null;
                }
                Token t = rest.get(i);
                if (t.is(")") && params.isEmpty() && !variadic) {
                    i++;
                    break;
                }
                if (t.is("...")) {
                    variadic = true;
                    params.add("__VA_ARGS__");
                } else if (t.kind == Token.Kind.IDENT && !t.text.equals("__VA_ARGS__")) {
                    if (params.contains(t.text)) {
                        PpDiag.error(diags, t, "duplicate macro parameter '" + t.text + "'");
                        return null;
                    }
                    params.add(t.text);
                    if (i + 1 < rest.size() && rest.get(i + 1).is("...")) { // GNU "args..."
                        variadic = true;
                        i++;
                    }
                } else {
                    PpDiag.error(diags, t, "invalid token in macro parameter list");
                    return null;
                }
                i++;
                if (i < rest.size() && rest.get(i).is(")")) {
                    i++;
                    break;
                }
                if (variadic || i >= rest.size() || !rest.get(i).is(",")) {
                    Token at = i < rest.size() ? rest.get(i) : rest.get(i - 1);
                    PpDiag.error(diags, at, "expected ',' or ')' in macro parameter list");
                    return null;
                }
                i++;
            }
        }
        List<Token> body = new ArrayList<>();
        for (int j = i; j < rest.size(); j++) {
            Token t = rest.get(j);
            body.add(j == i ? t.withSpacing(false, false) : t.withSpacing(t.spaceBefore, false));
        }
        Macro m = new Macro(name.text, functionLike, List.copyOf(params), variadic, List.copyOf(body));
        return check(m, diags) ? m : null;
    }

    /** Reports misplaced '#' and '##' operators in the replacement list. */
    private static boolean check(Macro m, Diagnostics diags) {
        List<Token> body = m.body();
        if (!body.isEmpty() && (body.get(0).is("##") || body.get(body.size() - 1).is("##"))) {
            Token at = body.get(0).is("##") ? body.get(0) : body.get(body.size() - 1);
            PpDiag.error(diags, at, "'##' cannot appear at either end of a macro expansion");
            return false;
        }
        if (!m.functionLike()) return true;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).is("#") && body.get(i).kind == Token.Kind.PUNCT
                    && (i + 1 >= body.size() || m.paramIndex(body.get(i + 1).text) < 0)) {
                PpDiag.error(diags, body.get(i), "'#' is not followed by a macro parameter");
                return false;
            }
        }
        return true;
    }
}
