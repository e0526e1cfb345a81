package cc;

/**
 * GCC's {@code __attribute__((...))} and C11's {@code _Alignas}: what they ask of a
 * declaration is gathered into a {@link Parser.Attr}. Alignment and packing change the
 * layout; {@code constructor} and {@code destructor} put the function in .init_array or
 * .fini_array (docs/c-dialect.md); the others that gcc documents for checking or optimising code (noreturn, unused,
 * used, format, deprecated, cold, hot, pure, const, nonnull, visibility...) change nothing
 * Clonix emits, so they are read and dropped, as gcc drops attributes it does not know.
 */
final class Attributes {
    private Attributes() {}

    /**
     * The attributes Clonix honours: those that change the layout or the start-up code, and
     * those that only help gcc check or optimise code, which Clonix may rightly ignore.
     * Others (weak, alias, section, cleanup, vector_size, mode...) are read and dropped too,
     * but their meaning is lost, so {@code __has_attribute} says 0 for them.
     */
    private static final java.util.Set<String> SUPPORTED = java.util.Set.of(
            "aligned", "packed", "constructor", "destructor", "noreturn", "unused", "used", "format",
            "format_arg", "deprecated", "cold", "hot", "pure", "const", "nonnull", "returns_nonnull",
            "visibility", "noinline", "always_inline", "malloc", "warn_unused_result", "sentinel",
            "nothrow", "leaf");

    /**
     * gcc's answer to {@code __has_attribute(name)} for Clonix: 0 unless {@link #SUPPORTED},
     * else 1, or for an attribute C23 also has, spelt without a scope, the date gcc gives
     * ({@code deprecated}: 201904). The name may be {@code __x__} or scoped {@code gnu::x}.
     */
    static long hasAttribute(String name) {
        boolean scoped = name.contains("::");
        if (scoped) {
            String scope = name.substring(0, name.indexOf("::"));
            if (!scope.equals("gnu") && !scope.equals("__gnu__")) return 0;
            name = name.substring(name.indexOf("::") + 2);
        }
        String n = name.startsWith("__") && name.endsWith("__") && name.length() > 4 ? name.substring(2, name.length() - 2) : name;
        if (!SUPPORTED.contains(n)) return 0;
        return !scoped && n.equals("deprecated") ? 201904 : 1;
    }

    /**
     * Reads {@code ((name, name(args), ...))} after the keyword {@code __attribute__} into
     * {@code into}.
     */
    static void parse(Parser p, Parser.Attr into) {
        p.expect("(");
        p.expect("(");
        while (!p.accept(")")) {
            if (p.accept(",")) continue;
            Token name = p.peek();
            if (name.kind != Token.Kind.IDENT) throw p.error(name, "expected identifier");
            p.next();
            String n = name.text.startsWith("__") && name.text.endsWith("__") && name.text.length() > 4
                    ? name.text.substring(2, name.text.length() - 2) : name.text;
            switch (n) {
                case "aligned" -> {
                    // Without an argument: the largest alignment the machine uses (gcc: 16 on x86-64).
                    long a = 16;
                    if (p.accept("(")) {
                        a = alignment(p, p.peek(), p.expr.constExpr());
                        p.expect(")");
                    }
                    into.align = Math.max(into.align, (int) a);
                }
                case "packed" -> into.packed = true;
                case "constructor", "destructor" -> {
                    int priority = Obj.DEFAULT_PRIORITY;
                    if (p.accept("(")) {
                        Token t = p.peek();
                        long v = p.expr.constExpr();
                        // gcc's words; it reserves 0 to 100 for the implementation but accepts them.
                        if (v < 0 || v > 65535) throw p.error(t, n + " priorities must be integers from 0 to 65535 inclusive");
                        p.expect(")");
                        priority = (int) v;
                    }
                    if (n.equals("constructor")) into.constructor = priority;
                    else into.destructor = priority;
                    into.initAttr = name;
                    into.initAttrName = n;
                }
                default -> {
                    if (p.at("(")) skipArguments(p);
                }
            }
        }
        p.expect(")");
    }

    /** {@code _Alignas(type)} or {@code _Alignas(constant)}, its keyword read: the alignment goes into {@code into}. */
    static void alignas(Parser p, Parser.Attr into) {
        p.expect("(");
        Token t = p.peek();
        long a;
        if (p.isTypeName(t)) {
            a = p.typeName().align;
        } else {
            a = p.expr.constExpr();
            // _Alignas(0) has no effect (C11 6.7.5p6).
            if (a != 0) a = alignment(p, t, a);
        }
        p.expect(")");
        into.align = Math.max(into.align, (int) a);
    }

    /** Checks that {@code a} is a power of two that Clonix can honour. */
    private static long alignment(Parser p, Token t, long a) {
        if (a <= 0 || (a & (a - 1)) != 0) throw p.error(t, "requested alignment is not a positive power of 2");
        if (a > Limits.MAX_ALIGNMENT) throw p.error(t, "requested alignment must be " + Limits.MAX_ALIGNMENT + " bytes or smaller");
        return a;
    }

    private static void skipArguments(Parser p) {
        Token open = p.expect("(");
        int depth = 1;
        while (depth > 0) {
            Token t = p.next();
            if (t.kind == Token.Kind.EOF) throw p.error(open, "expected ')'");
            if (t.kind == Token.Kind.STRING) continue;
            if (t.is("(")) depth++;
            else if (t.is(")")) depth--;
        }
    }
}
