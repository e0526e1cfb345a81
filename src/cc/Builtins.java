package cc;

/**
 * Compiler builtins that look like function calls: stdarg's {@code __builtin_va_*},
 * {@code __builtin_alloca}, GCC's {@code __builtin_offsetof}, {@code __builtin_expect} and
 * {@code __builtin_types_compatible_p}, and GCC's {@code __sync_*} and {@code __atomic_*}
 * families, which become ATOMIC nodes that the
 * code generator maps to the machine's cas, faa, xchg and fence instructions.
 */
final class Builtins {
    private Builtins() {}

    /** The builtins {@link #parse} reads by name, other than the atomic families and FloatBuiltins. */
    private static final java.util.Set<String> NAMED = java.util.Set.of("__builtin_va_start", "__builtin_va_end",
            "__builtin_va_copy", "__builtin_alloca", "__builtin_offsetof", "__builtin_expect", "__builtin_types_compatible_p");

    /**
     * gcc's answer to {@code __has_builtin(name)} for Clonix: true for every builtin this
     * compiler implements. {@code __builtin_va_arg} is false, as in gcc, which parses it as
     * a keyword rather than a builtin function.
     */
    static boolean exists(String name) {
        return NAMED.contains(name) || FloatBuiltins.exists(name)
                || ((name.startsWith("__sync_") || name.startsWith("__atomic_")) && atomicOp(name) != null);
    }

    /** Parses a builtin call starting at identifier {@code t}, or returns null if it is not one. */
    static Node parse(Expressions e, Token t) {
        Parser p = e.p;
        if (!p.peek(1).is("(")) return null;
        Node floating = FloatBuiltins.parse(e, t);
        if (floating != null) return floating;
        String name = t.text;
        switch (name) {
            case "__builtin_va_start" -> {
                p.next();
                p.next();
                Node ap = e.assign();
                if (p.accept(",")) e.assign();
                p.expect(")");
                if (p.fn == null || !p.fn.type.variadic) throw p.error(t, "'va_start' used in function with fixed arguments");
                p.fn.hasVaStart = true;
                Node start = new Node(Node.Kind.VA_START, t);
                start.type = Type.pointerTo(Type.CHAR);
                return e.assignTo(ap, start, t);
            }
            case "__builtin_alloca", "alloca" -> {
                // As in GCC, alloca is the builtin even without alloca.h, unless this file
                // defines a function of that name itself.
                Obj own = p.globals.get(name);
                if (own != null && own.isDefinition) return null;
                p.next();
                p.next();
                Node size = e.assign();
                p.expect(")");
                if (p.fn == null) throw p.error(t, "'__builtin_alloca' outside a function");
                // The block is carved off the stack as a VLA's is, and lives until the function
                // returns (or, as in GCC, until the scope of a VLA declared before it ends).
                Node n = new Node(Node.Kind.STACK_ALLOC, t);
                n.lhs = Sema.cast(size, Type.ULONG);
                n.val = 16;
                n.type = Type.pointerTo(Type.VOID);
                p.fn.movesStack = true;
                return n;
            }
            case "__builtin_va_end" -> {
                p.next();
                p.next();
                Node ap = e.assign();
                p.expect(")");
                Node c = new Node(Node.Kind.CAST, t);
                c.lhs = ap;
                c.type = Type.VOID;
                return c;
            }
            case "__builtin_va_copy" -> {
                p.next();
                p.next();
                Node dst = e.assign();
                p.expect(",");
                Node src = e.assign();
                p.expect(")");
                return e.assignTo(dst, src, t);
            }
            case "__builtin_offsetof" -> {
                p.next();
                p.next();
                Type ty = p.typeName();
                p.expect(",");
                long offset = 0;
                do {
                    Token m = p.peek();
                    String member = p.expectIdent();
                    Type.Member mem = ty.isAggregate() ? ty.member(member) : null;
                    if (mem == null) throw p.error(m, "no member named '" + member + "' in '" + ty + "'");
                    offset += mem.offset;
                    ty = mem.type;
                    // offsetof(struct s, a[2].b): subscripts of array members too.
                    while (p.at("[")) {
                        Token open = p.next();
                        if (ty.kind != Type.Kind.ARRAY) throw p.error(open, "subscripted value is not an array");
                        offset += p.expr.constExpr() * ty.base.size;
                        p.expect("]");
                        ty = ty.base;
                    }
                } while (p.accept("."));
                p.expect(")");
                return Sema.num(offset, Type.ULONG, t);
            }
            case "__builtin_expect" -> {
                // A branch hint: the value is the first operand, as a long (gcc's prototype).
                p.next();
                p.next();
                Node value = Sema.decay(e.assign());
                p.expect(",");
                Node hint = Sema.decay(e.assign());
                p.expect(")");
                if (!value.type.isInteger() || !hint.type.isInteger()) {
                    throw p.error(t, "'__builtin_expect' takes integer operands ('" + value.type + "' and '" + hint.type + "')");
                }
                return Sema.cast(value, Type.LONG);
            }
            case "__builtin_types_compatible_p" -> {
                p.next();
                p.next();
                Type a = p.typeName();
                p.expect(",");
                Type b = p.typeName();
                p.expect(")");
                // gcc ignores top-level qualifiers here: "const int" and "int" give 1.
                return Sema.num(Type.compatible(a.unqualified(), b.unqualified()) ? 1 : 0, Type.INT, t);
            }
            case "__builtin_va_arg" -> {
                p.next();
                p.next();
                Node ap = e.assign();
                p.expect(",");
                Type ty = p.typeName();
                p.expect(")");
                return vaArg(e, ap, ty, t);
            }
            default -> {
            }
        }
        if (!name.startsWith("__sync_") && !name.startsWith("__atomic_")) return null;
        String op = atomicOp(name);
        if (op == null) return null;
        p.next();
        p.next();
        Node n = new Node(Node.Kind.ATOMIC, t);
        n.atomicOp = op;
        while (!p.accept(")")) {
            if (!n.args.isEmpty()) p.expect(",");
            n.args.add(Sema.decay(e.assign()));
        }
        int want = switch (op) {
            case "fence" -> 0;
            case "release", "load" -> 1;
            case "bool_cas", "val_cas" -> 3;
            case "cmpxchg" -> 3;
            default -> 2;
        };
        boolean atomicFamily = name.startsWith("__atomic_");
        int orders = !atomicFamily ? 0 : op.equals("cmpxchg") ? 3 : 1;
        if (n.args.size() < want + orders && !(op.equals("fence"))) {
            throw p.error(t, "too few arguments to function call, expected " + (want + orders) + ", have " + n.args.size());
        }
        while (n.args.size() > want) n.args.remove(n.args.size() - 1);
        if (op.equals("fence")) {
            n.type = Type.VOID;
            return n;
        }
        Node ptr = n.args.get(0);
        if (ptr.type.kind != Type.Kind.PTR || !(ptr.type.base.isInteger() || ptr.type.base.kind == Type.Kind.PTR)) {
            throw p.error(ptr.tok, "address argument to atomic builtin must be a pointer to integer or pointer ('" + ptr.type + "' invalid)");
        }
        Type elem = ptr.type.base;
        if (elem.size != 4 && elem.size != 8) {
            throw p.error(ptr.tok, "atomic operations on " + elem.size + "-byte objects are not supported (only 4 and 8 bytes)");
        }
        for (int i = 1; i < n.args.size(); i++) {
            Node a = n.args.get(i);
            if (op.equals("cmpxchg") && i == 1) continue;
            n.args.set(i, Sema.cast(a, elem.kind == Type.Kind.PTR ? Type.ULONG : elem));
        }
        n.type = switch (op) {
            case "bool_cas", "cmpxchg" -> Type.BOOL;
            case "release", "store" -> Type.VOID;
            default -> elem;
        };
        return n;
    }

    /** The operation a builtin name stands for, or null if it is not a supported builtin. */
    private static String atomicOp(String name) {
        return switch (name) {
            case "__sync_fetch_and_add", "__atomic_fetch_add" -> "fetch_add";
            case "__sync_fetch_and_sub", "__atomic_fetch_sub" -> "fetch_sub";
            case "__sync_fetch_and_or", "__atomic_fetch_or" -> "fetch_or";
            case "__sync_fetch_and_and", "__atomic_fetch_and" -> "fetch_and";
            case "__sync_fetch_and_xor", "__atomic_fetch_xor" -> "fetch_xor";
            case "__sync_add_and_fetch", "__atomic_add_fetch" -> "add_fetch";
            case "__sync_sub_and_fetch", "__atomic_sub_fetch" -> "sub_fetch";
            case "__sync_or_and_fetch", "__atomic_or_fetch" -> "or_fetch";
            case "__sync_and_and_fetch", "__atomic_and_fetch" -> "and_fetch";
            case "__sync_xor_and_fetch", "__atomic_xor_fetch" -> "xor_fetch";
            case "__sync_bool_compare_and_swap" -> "bool_cas";
            case "__sync_val_compare_and_swap" -> "val_cas";
            case "__sync_lock_test_and_set", "__atomic_exchange_n" -> "xchg";
            case "__sync_lock_release" -> "release";
            case "__sync_synchronize", "__atomic_thread_fence" -> "fence";
            case "__atomic_load_n" -> "load";
            case "__atomic_store_n" -> "store";
            case "__atomic_compare_exchange_n" -> "cmpxchg";
            default -> null;
        };
    }

    /**
     * va_arg(ap, T): the argument in the next slot(s). A struct of up to 16 bytes fills one or
     * two slots; a bigger one was passed by address (docs/isa.md). A double fills one slot.
     */
    private static Node vaArg(Expressions e, Node ap, Type ty, Token t) {
        if (ty.kind == Type.Kind.FLOAT) {
            // The caller promoted the float (C11 6.5.2.2): read the double it passed, as gcc
            // warns (it would make the program abort instead).
            e.p.warn(t, "'float' is promoted to 'double' when passed through '...'");
            return Sema.cast(vaArg(e, ap, Type.DOUBLE, t), Type.FLOAT);
        }
        int slots = ty.isAggregate() && ty.size <= 16 ? (ty.size + 7) / 8 : 1;
        Node step = Sema.num(8L * slots, Type.LONG, t);
        Node advanced = e.compoundAssign(Node.Kind.ADD, ap, step, t);
        Node slot = e.binaryOp(Node.Kind.SUB, advanced, step, t);
        boolean byAddress = ty.isAggregate() && ty.size > 16;
        Type slotType = byAddress ? Type.pointerTo(Type.pointerTo(ty)) : Type.pointerTo(ty);
        Node typed = new Node(Node.Kind.CAST, t);
        typed.lhs = slot;
        typed.type = slotType;
        Node value = e.deref(typed, t);
        return byAddress ? e.deref(value, t) : value;
    }
}
