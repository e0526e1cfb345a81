package cc;

import java.util.List;

/**
 * One macro definition from {@code #define} (or {@code -D}, or the predefined set).
 *
 * @param name         the macro's name
 * @param functionLike true for {@code #define f(a, b) ...}, false for an object-like macro
 * @param params       the parameter names, in order; for a variadic macro the last one is
 *                     {@code __VA_ARGS__} (or the GNU named form, {@code args...})
 * @param variadic     true if the last parameter collects the remaining arguments
 * @param body         the replacement list
 */
record Macro(String name, boolean functionLike, List<String> params, boolean variadic, List<Token> body) {
    /** The index of parameter {@code name}, or -1. */
    int paramIndex(String ident) {
        return functionLike ? params.indexOf(ident) : -1;
    }

    /**
     * True if {@code other} is the same definition, spelled the same way up to the amount of
     * white space (C11 6.10.3p2): redefining a macro identically is allowed.
     */
    boolean sameAs(Macro other) {
        if (functionLike != other.functionLike || variadic != other.variadic
                || !params.equals(other.params) || body.size() != other.body.size()) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            Token a = body.get(i), b = other.body.get(i);
            if (!a.text.equals(b.text)) return false;
            if (i > 0 && a.spaceBefore != b.spaceBefore) return false;
        }
        return true;
    }
}
