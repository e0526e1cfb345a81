package cc;

import java.util.List;

/**
 * Expressions (C11 6.5): the grammar, from the comma operator down to primary expressions.
 * The operators' type rules are in {@link Operators}, builtins (stdarg and the atomics) in
 * {@link Builtins}.
 */
final class Expressions extends Operators {
    Expressions(Parser p) {
        super(p);
    }

    /** expression: assignment-expressions separated by commas. */
    Node expr() {
        Node n = assign();
        while (p.at(",")) {
            Token t = p.next();
            Node r = Sema.decay(assign());
            n = comma(n, r, t);
        }
        return n;
    }

    /** An integer constant expression, evaluated now. */
    long constExpr() {
        Token t = p.peek();
        Node n = Sema.decay(conditional());
        if (n.kind != Node.Kind.NUM || n.type.isFloat()) {
            p.softError(t, "expression is not an integer constant expression");
            return 0;
        }
        return n.val;
    }

    /** assignment-expression, including the compound assignments. */
    Node assign() {
        Node n = conditional();
        if (!p.peek().kind.equals(Token.Kind.PUNCT)) return n;
        Token t = p.peek();
        Node.Kind op = switch (t.text) {
            case "+=" -> Node.Kind.ADD;
            case "-=" -> Node.Kind.SUB;
            case "*=" -> Node.Kind.MUL;
            case "/=" -> Node.Kind.DIV;
            case "%=" -> Node.Kind.MOD;
            case "&=" -> Node.Kind.BITAND;
            case "|=" -> Node.Kind.BITOR;
            case "^=" -> Node.Kind.BITXOR;
            case "<<=" -> Node.Kind.SHL;
            case ">>=" -> Node.Kind.SHR;
            default -> null;
        };
        if (t.text.equals("=")) {
            p.next();
            checkLvalue(n, t);
            checkWritable(n, t);
            return assignTo(n, assign(), t);
        }
        if (op == null) return n;
        p.next();
        return compoundAssign(op, n, assign(), t);
    }

    private Node conditional() {
        Node c = logOr();
        if (!p.at("?")) return c;
        Token t = p.next();
        Node a, first = null;
        if (p.at(":")) {
            // GNU C's "x ?: y" is x if x is non-zero, else y, with x evaluated once: through
            // a hidden local unless it is a constant.
            a = Sema.decay(c);
            if (a.kind != Node.Kind.NUM && p.fn != null) {
                Obj once = p.newLocal("", a.type, t);
                first = assignTo(Operators.var(once, t), a, t);
                a = Operators.var(once, t);
            }
            c = Statements.condition(p, a);
        } else {
            c = Statements.condition(p, c);
            a = Sema.decay(expr());
        }
        p.expect(":");
        Node b = Sema.decay(conditional());
        Node n = new Node(Node.Kind.COND, t);
        n.cond = c;
        if (a.type.isArithmetic() && b.type.isArithmetic()) {
            Type ct = Sema.common(a.type, b.type);
            a = Sema.cast(a, ct);
            b = Sema.cast(b, ct);
            n.type = ct;
        } else if (a.type.kind == Type.Kind.PTR && b.type.isInteger()) {
            b = Sema.cast(b, a.type);
            n.type = a.type;
        } else if (b.type.kind == Type.Kind.PTR && a.type.isInteger()) {
            a = Sema.cast(a, b.type);
            n.type = b.type;
        } else if (a.type.kind == Type.Kind.PTR && b.type.kind == Type.Kind.PTR) {
            Type chosen = a.type.base.kind == Type.Kind.VOID ? b.type : a.type;
            Type other = chosen == a.type ? b.type : a.type;
            // The result points to a type with the qualifiers of both (C11 6.5.15p6).
            boolean more = (other.base.qualifiers & ~chosen.base.qualifiers) != 0;
            n.type = more ? Type.pointerTo(chosen.base.withQualifiers(other.base.qualifiers)) : chosen;
        } else if (a.type.kind == Type.Kind.VOID || b.type.kind == Type.Kind.VOID) {
            n.type = Type.VOID;
        } else if (a.type.unqualified() == b.type.unqualified()) {
            n.type = a.type.unqualified();
        } else {
            throw p.error(t, "incompatible operand types ('" + a.type + "' and '" + b.type + "')");
        }
        n.then = a;
        n.els = b;
        if (c.kind == Node.Kind.NUM && a.kind == Node.Kind.NUM && b.kind == Node.Kind.NUM) return c.val != 0 ? a : b;
        return first == null ? n : Operators.comma(first, n, t);
    }

    private Node logOr() {
        Node n = logAnd();
        while (p.at("||")) {
            Token t = p.next();
            n = logical(Node.Kind.LOGOR, n, logAnd(), t);
        }
        return n;
    }

    private Node logAnd() {
        Node n = binaryLevel(0);
        while (p.at("&&")) {
            Token t = p.next();
            n = logical(Node.Kind.LOGAND, n, binaryLevel(0), t);
        }
        return n;
    }

    private Node logical(Node.Kind k, Node l, Node r, Token t) {
        l = Statements.condition(p, l);
        r = Statements.condition(p, r);
        if (l.kind == Node.Kind.NUM && r.kind == Node.Kind.NUM) {
            boolean v = k == Node.Kind.LOGAND ? l.val != 0 && r.val != 0 : l.val != 0 || r.val != 0;
            return Sema.num(v ? 1 : 0, Type.INT, t);
        }
        Node n = new Node(k, t);
        n.lhs = l;
        n.rhs = r;
        n.type = Type.INT;
        return n;
    }

    /** The binary operators from | down to *, loosest first. */
    private static final List<List<String>> LEVELS = List.of(
            List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="), List.of("<", "<=", ">", ">="),
            List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

    private Node binaryLevel(int level) {
        if (level == LEVELS.size()) return cast();
        Node n = binaryLevel(level + 1);
        while (p.peek().kind == Token.Kind.PUNCT && LEVELS.get(level).contains(p.peek().text)) {
            Token t = p.next();
            Node r = binaryLevel(level + 1);
            n = switch (t.text) {
                case "|" -> binaryOp(Node.Kind.BITOR, n, r, t);
                case "^" -> binaryOp(Node.Kind.BITXOR, n, r, t);
                case "&" -> binaryOp(Node.Kind.BITAND, n, r, t);
                case "==" -> binaryOp(Node.Kind.EQ, n, r, t);
                case "!=" -> binaryOp(Node.Kind.NE, n, r, t);
                case "<" -> binaryOp(Node.Kind.LT, n, r, t);
                case "<=" -> binaryOp(Node.Kind.LE, n, r, t);
                case ">" -> binaryOp(Node.Kind.LT, r, n, t);
                case ">=" -> binaryOp(Node.Kind.LE, r, n, t);
                case "<<" -> binaryOp(Node.Kind.SHL, n, r, t);
                case ">>" -> binaryOp(Node.Kind.SHR, n, r, t);
                case "+" -> binaryOp(Node.Kind.ADD, n, r, t);
                case "-" -> binaryOp(Node.Kind.SUB, n, r, t);
                case "*" -> binaryOp(Node.Kind.MUL, n, r, t);
                case "/" -> binaryOp(Node.Kind.DIV, n, r, t);
                default -> binaryOp(Node.Kind.MOD, n, r, t);
            };
        }
        return n;
    }

    /** cast-expression: "(type) cast-expression" or a unary expression. */
    Node cast() {
        if (p.at("(") && p.isTypeName(p.peek(1))) {
            Token t = p.next();
            Type to = p.typeName();
            p.expect(")");
            if (p.at("{")) return postfix(p.init.compoundLiteral(to, t));
            Node e = Sema.decay(cast());
            if (to.kind == Type.Kind.VOID) {
                Node c = new Node(Node.Kind.CAST, t);
                c.lhs = e;
                c.type = Type.VOID;
                return c;
            }
            // GNU C: a struct or union may be cast to its own type, which changes nothing.
            if ((to.kind == Type.Kind.STRUCT || to.kind == Type.Kind.UNION) && e.type.unqualified() == to.unqualified()) return e;
            if (!to.isScalar()) throw p.error(t, "used type '" + to + "' where arithmetic or pointer type is required");
            if (!e.type.isScalar()) throw p.error(t, "operand of type '" + e.type + "' where arithmetic or pointer type is required");
            if (to.isFloat() && e.type.kind == Type.Kind.PTR) throw p.error(t, "pointer cannot be cast to type '" + to + "'");
            if (to.kind == Type.Kind.PTR && e.type.isFloat()) throw p.error(t, "operand of type '" + e.type + "' cannot be cast to a pointer type");
            if (to.kind == Type.Kind.BOOL) return Sema.binary(Node.Kind.NE, e, Sema.num(0, e.type, t), Type.BOOL, t);
            Node c = Sema.cast(e, to);
            // An identity cast of a constant is the constant ("(int)5" in a constant expression).
            if (c == e && e.kind == Node.Kind.NUM) c = Sema.num(e.val, to, t);
            if (c == e) {
                c = new Node(Node.Kind.CAST, t);
                c.lhs = e;
                c.type = to;
            }
            // A cast to a pointer to a VLA ("(int (*)[n]) p") computes the size it names.
            return p.vlas.takePending(c);
        }
        return unary();
    }

    private Node unary() {
        Token t = p.peek();
        if (t.kind == Token.Kind.PUNCT) {
            switch (t.text) {
                case "+" -> {
                    p.next();
                    Node e = Sema.decay(cast());
                    if (!e.type.isArithmetic()) throw p.error(t, "invalid argument type '" + e.type + "' to unary expression");
                    return Sema.cast(e, Sema.promote(e.type));
                }
                case "-", "~" -> {
                    p.next();
                    Node e = Sema.decay(cast());
                    boolean ok = t.text.equals("-") ? e.type.isArithmetic() : e.type.isInteger();
                    if (!ok) throw p.error(t, "invalid argument type '" + e.type + "' to unary expression");
                    return Sema.unary(t.text.equals("-") ? Node.Kind.NEG : Node.Kind.BITNOT, e, t);
                }
                case "!" -> {
                    p.next();
                    return Sema.unary(Node.Kind.NOT, Statements.condition(p, cast()), t);
                }
                case "&" -> {
                    p.next();
                    Node e = cast();
                    if (e.kind == Node.Kind.MEMBER && e.member.isBitField()) throw p.error(t, "address of bit-field requested");
                    if (e.kind == Node.Kind.VAR || e.kind == Node.Kind.DEREF || e.kind == Node.Kind.MEMBER) {
                        if (e.kind == Node.Kind.DEREF) return Sema.decay(e.lhs).type.base == e.type ? Sema.decay(e.lhs) : addr(e, t);
                        return addr(e, t);
                    }
                    throw p.error(t, "cannot take the address of an rvalue of type '" + e.type + "'");
                }
                case "*" -> {
                    p.next();
                    Node e = Sema.decay(cast());
                    if (e.type.kind == Type.Kind.PTR && e.type.base.kind == Type.Kind.FUNC) return e;
                    return deref(e, t);
                }
                case "++", "--" -> {
                    p.next();
                    Node e = unary();
                    return compoundAssign(t.text.equals("++") ? Node.Kind.ADD : Node.Kind.SUB, e, Sema.num(1, Type.INT, t), t);
                }
                default -> {
                }
            }
        }
        if (t.is("sizeof") || t.is("_Alignof") || t.is("__alignof__")) {
            p.next();
            Type ty;
            int align;
            if (p.at("(") && p.isTypeName(p.peek(1))) {
                p.next();
                ty = p.typeName();
                p.expect(")");
                align = ty.align;
            } else {
                // The operand is not evaluated: drop string literals it created, so they
                // do not end up in .rodata.
                java.util.Set<String> before = new java.util.HashSet<>(p.globals.keySet());
                Node operand = unary();
                ty = operand.type;
                p.globals.values().removeIf(g -> g.isStringLiteral && !before.contains(g.name));
                // As gcc's __alignof__, a variable's alignment includes what _Alignas asked.
                align = operand.var != null && (operand.kind == Node.Kind.VAR || operand.kind == Node.Kind.DEREF)
                        ? operand.var.alignment() : ty.align;
            }
            if (ty.size < 0 || (t.is("sizeof") && ty.kind == Type.Kind.FUNC)) {
                throw p.error(t, "invalid application of '" + t.text + "' to an incomplete type '" + ty + "'");
            }
            // sizeof of a VLA is its size variable, computed (for a type name) just before.
            if (t.is("sizeof") && Vlas.isVla(ty)) return p.vlas.takePending(p.vlas.sizeOf(ty, t));
            return Sema.num(t.is("sizeof") ? ty.size : align, Type.ULONG, t);
        }
        return postfix();
    }

    private Node postfix() {
        return postfix(primary());
    }

    /** The postfix operators ([], (), ., ->, ++, --) applied to {@code n}. */
    private Node postfix(Node n) {
        while (true) {
            Token t = p.peek();
            if (t.kind != Token.Kind.PUNCT) return n;
            switch (t.text) {
                case "[" -> {
                    p.next();
                    Node idx = expr();
                    p.expect("]");
                    Node sum = binaryOp(Node.Kind.ADD, n, idx, t);
                    n = deref(sum, t);
                }
                case "(" -> {
                    p.next();
                    n = call(n, t);
                }
                case "." -> {
                    p.next();
                    n = member(n, t);
                }
                case "->" -> {
                    p.next();
                    n = member(deref(n, t), t);
                }
                case "++", "--" -> {
                    p.next();
                    if (n.type.isFloat()) {
                        n = floatPostIncrement(n, t);
                        continue;
                    }
                    // a++ is (typeof a)((a += 1) - 1): the new value undone, without a temporary.
                    // (Not for floating types, where (a + 1) - 1 need not be a.)
                    Node.Kind op = t.text.equals("++") ? Node.Kind.ADD : Node.Kind.SUB;
                    Node.Kind undo = t.text.equals("++") ? Node.Kind.SUB : Node.Kind.ADD;
                    Type ty = n.type;
                    Node inc = compoundAssign(op, n, Sema.num(1, Type.INT, t), t);
                    n = Sema.cast(binaryOp(undo, inc, Sema.num(1, Type.INT, t), t), ty);
                }
                default -> {
                    return n;
                }
            }
        }
    }

    /**
     * {@code a++} or {@code a--} on a floating lvalue: the old value kept in a hidden local,
     * as {@code (old = a, a = old + 1, old)}, with a's address taken once if it is not fixed.
     */
    private Node floatPostIncrement(Node n, Token t) {
        checkLvalue(n, t);
        checkWritable(n, t);
        if (p.fn == null) throw p.error(t, "expression is not an integer constant expression");
        Node.Kind op = t.text.equals("++") ? Node.Kind.ADD : Node.Kind.SUB;
        Obj old = p.newLocal("", n.type, t);
        Node target = n;
        Node setup = null;
        if (!isFixed(n)) {
            Obj ptr = p.newLocal("", Type.pointerTo(n.type), t);
            setup = assignTo(var(ptr, t), addr(n, t), t);
            target = deref(var(ptr, t), t);
        }
        Node save = assignTo(var(old, t), target, t);
        Node step = assignTo(target, binaryOp(op, var(old, t), Sema.num(1, Type.INT, t), t), t);
        Node result = comma(save, comma(step, var(old, t), t), t);
        return setup == null ? result : comma(setup, result, t);
    }

    private Node member(Node n, Token t) {
        if (!n.type.isAggregate()) throw p.error(t, "member reference base type '" + n.type + "' is not a structure or union");
        Token nameTok = p.peek();
        String name = p.expectIdent();
        Type.Member m = n.type.member(name);
        if (m == null) throw p.error(nameTok, "no member named '" + name + "' in '" + n.type + "'");
        Node mn = new Node(Node.Kind.MEMBER, t);
        mn.lhs = n;
        mn.member = m;
        // A bit-field narrower than int is read as an int (C11 6.3.1.1). A member of a const
        // struct is const, and so on for each qualifier (C11 6.5.2.3p3).
        Type mt = m.isBitField() && m.bitWidth < 32 && m.type.size <= 4 ? Type.INT.qualified(m.type.qualifiers) : m.type;
        mn.type = mt.withQualifiers(n.type.qualifiers);
        return mn;
    }

    /** A function call; the '(' has been read. */
    private Node call(Node callee, Token t) {
        callee = Sema.decay(callee);
        if (callee.type.kind != Type.Kind.PTR || callee.type.base.kind != Type.Kind.FUNC) {
            throw p.error(t, "called object type '" + callee.type + "' is not a function or function pointer");
        }
        Type ft = callee.type.base;
        Node n = new Node(Node.Kind.FUNCALL, t);
        n.lhs = callee;
        n.funcType = ft;
        n.type = ft.returnType.unqualified();
        int i = 0;
        while (!p.accept(")")) {
            if (i > 0) p.expect(",");
            Node arg = Sema.decay(assign());
            if (i < ft.params.size()) {
                String name = callee.kind == Node.Kind.ADDR && callee.lhs.kind == Node.Kind.VAR ? callee.lhs.var.name
                        : callee.kind == Node.Kind.VAR ? callee.var.name : null;
                String argument = "argument " + (i + 1) + (name == null ? "" : " of '" + name + "'");
                arg = convertForAssignment(arg, ft.params.get(i), "passing", argument);
            } else if (!ft.variadic && !ft.oldStyle) {
                throw p.error(arg.tok, "too many arguments to function call, expected " + ft.params.size() + ", have " + (i + 1));
            } else if (arg.type.isInteger()) {
                arg = Sema.cast(arg, Sema.promote(arg.type));
            } else if (arg.type.kind == Type.Kind.FLOAT) {
                // The default argument promotions take float to double (C11 6.5.2.2).
                arg = Sema.cast(arg, Type.DOUBLE);
            } else if (arg.type.kind == Type.Kind.VOID) {
                throw p.error(arg.tok, "argument type 'void' is incomplete");
            }
            n.args.add(arg);
            i++;
        }
        if (i < ft.params.size()) {
            throw p.error(t, "too few arguments to function call, expected " + ft.params.size() + ", have " + i);
        }
        if (n.type.isIncomplete() && n.type.kind != Type.Kind.VOID) throw p.error(t, "calling function with incomplete return type '" + n.type + "'");
        return n;
    }

    private Node primary() {
        Token t = p.peek();
        if (p.at("(")) {
            p.next();
            if (p.at("{")) {
                Token brace = p.next();
                if (p.fn == null) throw p.error(t, "statement expression not allowed at file scope");
                Node n = new Node(Node.Kind.STMT_EXPR, t);
                p.compoundInto(n);
                p.expect(")");
                Node last = n.body.isEmpty() ? null : n.body.get(n.body.size() - 1);
                n.type = last != null && last.kind == Node.Kind.EXPR_STMT ? Sema.decay(last.lhs).type : Type.VOID;
                return n;
            }
            Node n = expr();
            p.expect(")");
            return n;
        }
        switch (t.kind) {
            case NUMBER -> {
                p.next();
                Type ty = switch (t.type == null ? "int" : t.type) {
                    case "int" -> Type.INT;
                    case "unsigned int" -> Type.UINT;
                    case "long", "long long" -> Type.LONG;
                    case "unsigned long", "unsigned long long" -> Type.ULONG;
                    case "float" -> Type.FLOAT;
                    case "long double" -> Type.LDOUBLE;
                    default -> Type.DOUBLE;
                };
                return Sema.num(t.value, ty, t);
            }
            case CHAR -> {
                p.next();
                // int, but wchar_t, char16_t and char32_t for L'x', u'x' and U'x'.
                Type ty = t.type == null || t.type.equals("int") ? Type.INT
                        : t.type.equals("unsigned short") ? Type.USHORT : Type.UINT;
                return Sema.num(t.value, ty, t);
            }
            case STRING -> {
                // The preprocessor has already joined adjacent literals into one token.
                p.next();
                return var(p.init.stringLiteral(t.bytes, StringLiteral.elementCType(t), t), t);
            }
            case IDENT -> {
                if (t.is("_Generic")) return generic();
                Node b = Builtins.parse(this, t);
                if (b != null) return b;
                p.next();
                Scope.Entry e = p.scope.find(t.text);
                if (e != null && e.var != null) return var(e.var, t);
                if (e == null && p.fn != null && (t.is("__func__") || t.is("__FUNCTION__"))) {
                    // __func__ is a static array holding the function's name (C11 6.4.2.2).
                    return var(p.init.stringLiteral(p.fn.name.getBytes(java.nio.charset.StandardCharsets.UTF_8), t), t);
                }
                if (e != null && e.enumType != null) return Sema.num(e.enumValue, Type.INT, t);
                if (e == null && p.at("(")) return var(implicitFunction(t), t);
                if (e != null && e.typedef != null) throw p.error(t, "unexpected type name '" + t.text + "': expected expression");
                throw p.error(t, "use of undeclared identifier '" + t.text + "'");
            }
            default -> throw p.error(t, "expected expression");
        }
    }

    /**
     * {@code _Generic(e, type: x, ..., default: y)} (C11 6.5.1.1): the association whose type
     * is compatible with e's after lvalue conversion (arrays and functions decayed, top-level
     * qualifiers dropped, as C11's DR 481 and gcc have it: a {@code const int} variable picks
     * {@code int}), else the default one. e is not evaluated; the associations not chosen
     * are read and dropped.
     */
    private Node generic() {
        Token t = p.next();
        p.expect("(");
        Type control = Sema.decay(assign()).type.unqualified();
        Node chosen = null, fallback = null;
        while (p.accept(",")) {
            Token at = p.peek();
            if (p.accept("default")) {
                p.expect(":");
                if (fallback != null) p.softError(at, "duplicate default generic association");
                fallback = assign();
                continue;
            }
            Type ty = p.typeName();
            p.expect(":");
            Node e = assign();
            if (chosen == null && Type.compatible(control, ty)) chosen = e;
        }
        p.expect(")");
        if (chosen == null) chosen = fallback;
        if (chosen == null) throw p.error(t, "controlling expression type '" + control + "' not compatible with any generic association type");
        return chosen;
    }

    /** A call to an undeclared function declares "int name()" at file scope, with a warning (C89). */
    private Obj implicitFunction(Token t) {
        p.warn(t, "call to undeclared function '" + t.text + "'; ISO C99 and later do not support implicit function declarations");
        Obj f = p.globals.get(t.text);
        if (f == null) {
            Type ft = Type.function(Type.INT);
            ft.oldStyle = true;
            f = new Obj(t.text, ft, false);
            f.implicit = true;
            f.tok = t;
            p.globals.put(t.text, f);
        }
        p.scope.declare(t.text).var = f;
        return f;
    }
}
