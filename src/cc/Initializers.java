package cc;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Initialisers (C11 6.7.9): braces, brace elision, designators ({@code .x =}, {@code [3] =})
 * and strings for char arrays. An initialiser is first read into a tree of {@link Init}
 * matching the object's type; a global's tree becomes bytes and relocations, a local's
 * becomes a zero-fill followed by one assignment per element given. The tree holds only
 * the elements the source gives, so its size follows the source, never the object's.
 */
final class Initializers {
    private final Parser p;

    Initializers(Parser p) {
        this.p = p;
    }

    /**
     * One node of an initialiser tree: an expression for a scalar, children for an array of
     * known length or a struct. Children are made when the source gives them; a child that
     * is absent is zero.
     */
    /** Tokens that index ranges ("[a ... b] = x") have read again, against the token limit. */
    private long rangeTokens;

    private static final class Init {
        final Type type;
        Node expr;
        /** Arrays and structs: the elements or members given, by index (null for a scalar). */
        final TreeMap<Integer, Init> children;
        /** Arrays and structs: how many elements or members the type has. */
        final int length;
        /** UNION: the member that was initialised. */
        int unionMember = -1;
        /** A struct's flexible array member, read as an open array. */
        boolean flexible;
        /** An open array: the name and token its size errors are reported with. */
        String openName;
        Token openAt;

        Init(Type type) {
            this(type, type.kind == Type.Kind.ARRAY && type.arrayLength >= 0 ? type.arrayLength
                    : type.isAggregate() ? type.members.size() : -1);
        }

        /** An array read with room for {@code length} elements (an open array: as many as given). */
        Init(Type type, int length) {
            this.type = type;
            this.length = length;
            children = length >= 0 ? new TreeMap<>() : null;
        }

        /** The child at {@code index} (below {@link #length}), made now if the source had not given it. */
        Init child(int index) {
            return children.computeIfAbsent(index, i -> {
                if (type.kind == Type.Kind.ARRAY) return new Init(type.base);
                Type m = type.members.get(i).type;
                // A flexible array member takes as many elements as it is given (a GNU C
                // extension that gcc allows for static objects).
                if (type.kind == Type.Kind.STRUCT && i == type.members.size() - 1 && m.kind == Type.Kind.ARRAY && m.arrayLength == 0) {
                    Init flexible = new Init(m, Integer.MAX_VALUE);
                    flexible.flexible = true;
                    return flexible;
                }
                return new Init(m);
            });
        }

        /** The bytes that a flexible array member initialised in this struct adds beyond its size. */
        long flexibleBytes() {
            if (type.kind != Type.Kind.STRUCT || children == null || children.isEmpty()) return 0;
            Init last = children.lastEntry().getValue();
            if (!last.flexible || last.children.isEmpty()) return 0;
            return (last.children.lastKey() + 1L) * last.type.base.size;
        }
    }

    /** A string literal: an anonymous, read-only char array in .rodata. */
    Obj stringLiteral(byte[] bytes, Token tok) {
        return stringLiteral(bytes, Type.CHAR, tok);
    }

    /** The same for a literal whose elements, {@code bytes} in memory, are of type {@code elem}. */
    Obj stringLiteral(byte[] bytes, Type elem, Token tok) {
        Obj s = new Obj(".L.str." + p.nextId(), Type.arrayOf(elem, bytes.length / elem.size + 1), false);
        s.isStatic = true;
        s.isDefinition = true;
        s.isStringLiteral = true;
        s.tok = tok;
        s.initData = DataImage.of(java.util.Arrays.copyOf(bytes, bytes.length + elem.size));
        p.globals.put(s.name, s);
        return s;
    }

    /** Reads the initialiser of global {@code v} (after its '=') into its bytes and relocations. */
    void globalInit(Obj v) {
        Init init = read(v);
        v.type = init.type;
        if (v.type.size < 0) return;
        long flexible = init.flexibleBytes();
        if (v.type.size + flexible > Limits.MAX_OBJECT_SIZE) throw p.error(v.tok, "size of variable '" + v.name + "' is too large");
        v.initData = new DataImage((int) (v.type.size + flexible));
        v.relocs = new ArrayList<>();
        write(init, v, 0, true);
    }

    /** Reads the initialiser of local {@code v} and returns the statement that performs it. */
    Node localInit(Obj v, Token tok) {
        Init init = read(v);
        v.type = init.type;
        if (init.flexibleBytes() > 0) p.softError(tok, "non-static initialization of a flexible array member");
        Node n = new Node(Node.Kind.EXPR_STMT, tok);
        Node target = Expressions.var(v, tok);
        Node assigns = null;
        if (v.type.kind == Type.Kind.ARRAY || (v.type.isAggregate() && init.expr == null)) {
            assigns = new Node(Node.Kind.MEMZERO, tok);
            assigns.var = v;
            assigns.type = Type.VOID;
        }
        n.lhs = assignments(init, target, assigns, tok);
        if (n.lhs == null) return new Node(Node.Kind.NULL_STMT, tok);
        return n;
    }

    /** {@code (type){ ... }}: an unnamed object, local inside a function and static outside. */
    Node compoundLiteral(Type type, Token tok) {
        if (p.fn == null) {
            Obj g = new Obj(".L.compound." + p.nextId(), type, false);
            g.isStatic = true;
            g.isDefinition = true;
            g.tok = tok;
            p.globals.put(g.name, g);
            globalInit(g);
            return Expressions.var(g, tok);
        }
        Obj v = p.newLocal("", type, tok);
        Node stmt = localInit(v, tok);
        Node var = Expressions.var(v, tok);
        if (stmt.kind == Node.Kind.NULL_STMT) return var;
        // *(init, &v): an lvalue, so "&(int){1}" and "(struct P){1, 2}.x = 3" work.
        Node d = new Node(Node.Kind.DEREF, tok);
        d.lhs = Expressions.comma(stmt.lhs, Expressions.addr(var, tok), tok);
        d.type = type;
        return d;
    }

    private Node assignments(Init init, Node target, Node acc, Token tok) {
        if (init.expr != null) {
            Node a = p.expr.assignTo(target, init.expr, init.expr.tok);
            return acc == null ? a : Expressions.comma(acc, a, tok);
        }
        if (init.children == null) return acc;
        Type t = init.type;
        for (Map.Entry<Integer, Init> e : init.children.entrySet()) {
            int i = e.getKey();
            if (t.kind == Type.Kind.UNION && i != init.unionMember) continue;
            Node child;
            if (t.kind == Type.Kind.ARRAY) {
                child = p.expr.deref(p.expr.binaryOp(Node.Kind.ADD, target, Sema.num(i, Type.LONG, tok), tok), tok);
            } else {
                child = new Node(Node.Kind.MEMBER, tok);
                child.lhs = target;
                child.member = t.members.get(i);
                child.type = child.member.type;
            }
            acc = assignments(e.getValue(), child, acc, tok);
        }
        return acc;
    }

    // ---- reading ----

    /**
     * Reads the initialiser of {@code v}; an array of unknown length gets the length it gives.
     * A braced list for such an array is read once, into an array with room for any number of
     * elements, and the length is the highest element given plus one: counting the list's
     * items would be wrong when brace elision makes several items one element
     * ({@code struct P ps[] = {1, 2, 3, 4}} has two).
     */
    private Init read(Obj v) {
        Type type = v.type;
        if (type.kind == Type.Kind.ARRAY && type.arrayLength < 0) {
            Token where = p.peek();
            boolean named = !v.name.isEmpty() && !v.name.startsWith(".L");
            String name = named ? v.name : null;
            Token at = named && v.tok != null ? v.tok : where;
            if (p.at("{") && !stringFor(type, 1)) {
                Init open = new Init(type, Integer.MAX_VALUE);
                open.openName = name;
                open.openAt = at;
                initializer(open);
                long length = open.children.isEmpty() ? 0 : open.children.lastKey() + 1L;
                Init sized = new Init(p.types.sizedArray(type.base, length, name, at));
                sized.children.putAll(open.children);
                return sized;
            }
            type = p.types.sizedArray(type.base, countElements(type), name, at);
        }
        Init init = new Init(type);
        initializer(init);
        return init;
    }

    /**
     * The length of an array of unknown size initialised without a braced list of elements:
     * a string (braced or not) for a char or wide character array, its characters and the
     * null character; anything else, 0.
     */
    private long countElements(Type type) {
        if (p.peek().kind == Token.Kind.STRING || stringFor(type, 1)) {
            Token s = p.peek(p.at("{") ? 1 : 0);
            return s.bytes.length / StringLiteral.elementSize(s.type) + 1;
        }
        return 0;
    }

    /**
     * True if token {@code at} ahead is a string literal that can initialise array type
     * {@code t}: its elements are integers of the literal's element size (char for a plain
     * literal, wchar_t, char16_t or char32_t for a wide one). The preprocessor has already
     * joined adjacent literals into one token.
     */
    private boolean stringFor(Type t, int at) {
        Token s = p.peek(at);
        return t.kind == Type.Kind.ARRAY && s.kind == Token.Kind.STRING && t.base.isInteger()
                && t.base.size == StringLiteral.elementSize(s.type) && (at == 0 || p.at("{"));
    }

    private void initializer(Init init) {
        Type t = init.type;
        if (stringFor(t, 0) || stringFor(t, 1)) {
            boolean braced = p.accept("{");
            Token st = p.next();
            int size = StringLiteral.elementSize(st.type);
            int n = st.bytes.length / size;
            if (n > t.arrayLength && !init.flexible) p.warn(st, "initializer-string for array of '" + t.base + "' is too long");
            for (int i = 0; i < init.length && i <= n; i++) {
                init.child(i).expr = Sema.num(i < n ? element(st.bytes, i, size, t.base) : 0, t.base, st);
            }
            if (braced) p.expect("}");
            return;
        }
        if (t.kind == Type.Kind.ARRAY || t.isAggregate()) {
            if (p.at("{")) {
                p.next();
                braceList(init);
                return;
            }
            if (t.isAggregate()) {
                // A struct may be initialised from a struct value; otherwise this is the
                // first member of a brace-elided list, so read it again as that.
                int start = p.pos;
                Node e = p.expr.assign();
                if (e.type.unqualified() == t.unqualified()) {
                    // The whole value replaces whatever earlier designators set in it.
                    init.children.clear();
                    init.unionMember = -1;
                    init.expr = e;
                    return;
                }
                p.pos = start;
            }
            elidedList(init);
            return;
        }
        if (p.accept("{")) {
            if (p.at("}")) {
                init.expr = Sema.num(0, t, p.peek());
            } else {
                initializer(init);
            }
            p.accept(",");
            p.expect("}");
            return;
        }
        Node e = p.expr.assign();
        init.expr = p.expr.convertForAssignment(e, t, "initializing");
    }

    /** The elements of "{ ... }" (the brace has been read), with designators. */
    private void braceList(Init init) {
        int i = 0;
        boolean first = true;
        while (!p.accept("}")) {
            if (!first) {
                p.expect(",");
                if (p.accept("}")) return;
            }
            first = false;
            if (p.at("[") || p.at(".")) {
                i = designation(init) + 1;
                continue;
            }
            if (i < childCount(init)) {
                element(init, i);
            } else {
                p.warn(p.peek(), "excess elements in " + (init.type.kind == Type.Kind.ARRAY ? "array" : "struct") + " initializer");
                skipElement();
            }
            i++;
        }
    }

    /** Elements of a nested aggregate written without braces: as many as it holds. */
    private void elidedList(Init init) {
        if (childCount(init) == 0) return;
        element(init, 0);
        continueElided(init, 1);
    }

    /** Elements of {@code init} from {@code i} on, written without braces after a designated one. */
    private void continueElided(Init init, int i) {
        for (int n = childCount(init); i < n; i++) {
            if (!p.at(",") || p.peek(1).is("}") || p.peek(1).is(".") || p.peek(1).is("[")) return;
            p.next();
            element(init, i);
        }
    }

    private int childCount(Init init) {
        if (init.children == null) return 0;
        return init.type.kind == Type.Kind.UNION ? Math.min(1, init.length) : init.length;
    }

    private void element(Init init, int i) {
        if (init.type.kind == Type.Kind.UNION) init.unionMember = i;
        initializer(init.child(i));
    }

    /** "[N] = x" or ".name = x", possibly chained ("[1].y[2] = x"); returns the index designated. */
    private int designation(Init init) {
        int index;
        Token t = p.peek();
        if (p.accept("[")) {
            if (init.type.kind != Type.Kind.ARRAY) throw p.error(t, "array designator cannot initialize non-array type '" + init.type + "'");
            long v = p.expr.constExpr();
            // GNU C's range "[first ... last]" designates each element from first to last.
            long last = p.accept("...") ? p.expr.constExpr() : v;
            if (last < v) throw p.error(t, "empty index range in initializer");
            p.expect("]");
            // An open array takes any index, up to the largest array there may be.
            if (init.openAt != null && last >= init.length) p.types.sizedArray(init.type.base, last + 1, init.openName, init.openAt);
            if (v < 0 || last >= init.length) throw p.error(t, "array designator index (" + last + ") exceeds array bounds (" + init.length + ")");
            if (last > v) {
                // The initializer is read once for each element, as if written out for each;
                // what the ranges repeat counts against the translation unit's token limit,
                // so "[0 ... 99999999] = 1" cannot make the compiler build a hundred million
                // elements.
                int from = p.pos;
                designated(init, (int) v, t);
                rangeTokens += (long) (p.pos - from) * (last - v);
                if (rangeTokens > Limits.MAX_TRANSLATION_UNIT_TOKENS) {
                    throw p.error(t, "index ranges repeat more than " + Limits.MAX_TRANSLATION_UNIT_TOKENS
                            + " tokens of initializer in this translation unit");
                }
                for (long i = v + 1; i <= last; i++) {
                    p.pos = from;
                    designated(init, (int) i, t);
                }
                return (int) last;
            }
            index = (int) v;
        } else {
            p.expect(".");
            if (!init.type.isAggregate()) throw p.error(t, "field designator cannot initialize a non-struct, non-union type '" + init.type + "'");
            Token nameTok = p.peek();
            String name = p.expectIdent();
            index = -1;
            for (int k = 0; k < init.type.members.size(); k++) {
                if (name.equals(init.type.members.get(k).name)) index = k;
            }
            if (index < 0) {
                // A member of an anonymous struct or union member: designate that member,
                // then ".name" again inside it.
                for (int k = 0; k < init.type.members.size() && index < 0; k++) {
                    Type.Member m = init.type.members.get(k);
                    if (m.name == null && m.type.isAggregate() && m.type.member(name) != null) index = k;
                }
                if (index < 0) throw p.error(nameTok, "field designator '" + name + "' does not refer to any field in type '" + init.type + "'");
                p.pos -= 2;
            }
        }
        designated(init, index, t);
        return index;
    }

    /** Reads what follows the designator of element or member {@code index} (at {@code t}) of {@code init}. */
    private void designated(Init init, int index, Token t) {
        if (init.type.kind == Type.Kind.UNION) init.unionMember = index;
        Init child = init.child(index);
        if (p.at("[") || p.at(".")) {
            // A designator into a subobject that a whole struct value initialised: as gcc
            // does, the value is dropped, and the subobject holds only what is designated
            // from now on ({x, [0].b = 3} leaves y[0].a zero, not x.a).
            child.expr = null;
            // The items after "[0][1] = 7" go on inside x[0], from x[0][2], by brace
            // elision (C11 6.7.9p17: the current object is the designated one).
            int inner = designation(child);
            continueElided(child, inner + 1);
        } else {
            // GNU C's older "[3] 7" has no '=' after an array designator.
            if (!t.is("[") || p.at("=")) p.expect("=");
            initializer(child);
        }
    }

    /** Element {@code i} of a string literal's little-endian bytes, as a value of type {@code t}. */
    private static long element(byte[] bytes, int i, int size, Type t) {
        long v = 0;
        for (int b = size - 1; b >= 0; b--) v = (v << 8) | (bytes[i * size + b] & 0xff);
        return t.unsigned || size == 8 ? v : (v << (64 - 8 * size)) >> (64 - 8 * size);
    }

    private void skipElement() {
        int depth = 0;
        while (p.peek().kind != Token.Kind.EOF) {
            Token t = p.peek();
            if (t.kind != Token.Kind.STRING) {
                if (depth == 0 && (t.is(",") || t.is("}"))) return;
                if (t.is("{")) depth++;
                if (t.is("}")) depth--;
            }
            p.next();
        }
    }

    // ---- globals: bytes and relocations ----

    /** Writes {@code init} at {@code offset} of {@code v}; only the outermost object ({@code top}) may grow a flexible array. */
    private void write(Init init, Obj v, int offset, boolean top) {
        Type t = init.type;
        if (!top && init.flexibleBytes() > 0) {
            p.softError(v.tok, "initialization of flexible array member in a nested context");
            return;
        }
        if (init.expr != null) {
            if (t.isAggregate()) {
                // A compound literal at file scope is a static object whose bytes are known
                // ("{ (struct P){1, 2}, 3 }", a GNU C extension): they are copied in.
                Obj literal = init.expr.kind == Node.Kind.VAR ? init.expr.var : null;
                if (literal != null && literal.name.startsWith(".L.compound.") && literal.initData != null
                        && literal.type.size == t.size) {
                    for (int i = 0; i < t.size; i++) v.initData.put(offset + i, literal.initData.byteAt(i), 1);
                    for (Obj.Reloc r : literal.relocs) v.relocs.add(new Obj.Reloc(offset + r.offset(), r.label(), r.addend()));
                    return;
                }
                p.softError(Expressions.leftmost(init.expr), "initializer element is not a compile-time constant");
                return;
            }
            String[] label = new String[1];
            Long value = eval(init.expr, label);
            if (value == null) {
                p.softError(Expressions.leftmost(init.expr), "initializer element is not a compile-time constant");
                return;
            }
            if (label[0] != null) {
                if (t.size != 8) {
                    p.softError(Expressions.leftmost(init.expr), "initializer element is not a compile-time constant");
                    return;
                }
                v.relocs.add(new Obj.Reloc(offset, label[0], value));
                return;
            }
            v.initData.put(offset, value, t.size);
            return;
        }
        if (init.children == null) return;
        for (Map.Entry<Integer, Init> e : init.children.entrySet()) {
            int i = e.getKey();
            if (t.kind == Type.Kind.UNION && i != init.unionMember) continue;
            int off = t.kind == Type.Kind.ARRAY ? i * t.base.size : t.members.get(i).offset;
            if (t.kind != Type.Kind.ARRAY && t.members.get(i).isBitField()) {
                writeBitField(e.getValue(), t.members.get(i), v, offset + off);
                continue;
            }
            write(e.getValue(), v, offset + off, top && t.kind == Type.Kind.STRUCT && e.getValue().flexible);
        }
    }

    /** Puts a bit-field's constant value into its bits of the unit at {@code offset}. */
    private void writeBitField(Init init, Type.Member m, Obj v, int offset) {
        if (init.expr == null) return;
        Long value = eval(init.expr, new String[1]);
        if (value == null) {
            p.softError(Expressions.leftmost(init.expr), "initializer element is not a compile-time constant");
            return;
        }
        long unit = v.initData.get(offset, m.type.size);
        long mask = m.bitWidth == 64 ? -1L : ((1L << m.bitWidth) - 1) << m.bitOffset;
        unit = (unit & ~mask) | ((value << m.bitOffset) & mask);
        v.initData.put(offset, unit, m.type.size);
    }

    /**
     * Evaluates a constant expression that may hold one address ("&x + 4", "str", "f"):
     * returns the number (the addend if there is an address) and puts the symbol in
     * {@code label[0]}; null if the expression is not constant.
     */
    private Long eval(Node n, String[] label) {
        if (n.type.isFloat() && n.kind != Node.Kind.NUM) return evalFloat(n);
        switch (n.kind) {
            case NUM -> {
                return n.val;
            }
            case ADD, SUB -> {
                String[] ll = new String[1], rl = new String[1];
                Long a = eval(n.lhs, ll);
                Long b = a == null ? null : eval(n.rhs, rl);
                if (b == null) return null;
                if (n.kind == Node.Kind.SUB && rl[0] != null) {
                    // The difference of two addresses in one object is a number ("&a[3] - &a[1]").
                    if (!rl[0].equals(ll[0])) return null;
                    return Sema.normalize(a - b, n.type);
                }
                if (ll[0] != null && rl[0] != null) return null;
                String l = ll[0] != null ? ll[0] : rl[0];
                if (l != null) {
                    if (label[0] != null) return null;
                    label[0] = l;
                    return n.kind == Node.Kind.ADD ? a + b : a - b;
                }
                return Sema.normalize(n.kind == Node.Kind.ADD ? a + b : a - b, n.type);
            }
            case CAST -> {
                // A conversion between integer and floating types that was not folded has an
                // operand that is not an arithmetic constant (an address, say).
                if (n.type.isFloat() != n.lhs.type.isFloat()) return null;
                // An array decays to its address, whatever lvalue names it ("a[3]", "s.arr").
                if (n.lhs.type.kind == Type.Kind.ARRAY) return evalAddress(n.lhs, label);
                Long a = eval(n.lhs, label);
                if (a == null) return null;
                if (label[0] != null) return n.type.size == 8 ? a : null;
                return Sema.normalize(a, n.type);
            }
            case ADDR -> {
                return evalAddress(n.lhs, label);
            }
            case VAR -> {
                if (n.type.kind == Type.Kind.ARRAY || n.type.kind == Type.Kind.FUNC) return evalAddress(n, label);
                return null;
            }
            case MEMBER -> {
                if (n.type.kind == Type.Kind.ARRAY) return evalAddress(n, label);
                return null;
            }
            case COND -> {
                Long c = eval(n.cond, new String[1]);
                if (c == null) return null;
                return eval(c != 0 ? n.then : n.els, label);
            }
            default -> {
                if (n.lhs != null && n.lhs.type != null && n.lhs.type.isInteger() && n.type.isInteger()) {
                    String[] ll = new String[1], rl = new String[1];
                    Long a = eval(n.lhs, ll);
                    Long b = n.rhs == null ? Long.valueOf(0) : eval(n.rhs, rl);
                    if (a == null || b == null) return null;
                    // Addresses in one object compare as their offsets ("&a[1] == &a[1]").
                    boolean comparison = n.kind == Node.Kind.EQ || n.kind == Node.Kind.NE || n.kind == Node.Kind.LT || n.kind == Node.Kind.LE;
                    if (ll[0] != null || rl[0] != null) {
                        if (!comparison || ll[0] == null || !ll[0].equals(rl[0])) return null;
                    }
                    Node f = Sema.fold(Sema.binary(n.kind, Sema.num(a, n.lhs.type, n.tok),
                            n.rhs == null ? null : Sema.num(b, n.rhs.type, n.tok), n.type, n.tok));
                    return f.kind == Node.Kind.NUM ? f.val : null;
                }
                return null;
            }
        }
    }

    /**
     * A floating expression that Sema left unfolded because it is an invalid operation
     * (0.0/0.0), folded now with the NaN GCC puts in a static initializer; null if it is not
     * a constant.
     */
    private Long evalFloat(Node n) {
        switch (n.kind) {
            case NUM -> {
                return n.val;
            }
            case ADD, SUB, MUL, DIV, NEG -> {
                Long a = evalFloat(n.lhs);
                Long b = n.rhs == null ? Long.valueOf(0) : evalFloat(n.rhs);
                return a == null || b == null ? null : FloatFolding.foldInInitializer(n.kind, a, b, n.type);
            }
            case CAST -> {
                if (!n.lhs.type.isFloat()) return null;
                Long a = evalFloat(n.lhs);
                return a == null ? null : FloatFolding.convert(a, n.lhs.type, n.type);
            }
            default -> {
                return null;
            }
        }
    }

    private Long evalAddress(Node n, String[] label) {
        switch (n.kind) {
            case VAR -> {
                // A thread-local variable's address differs in every thread: not a constant.
                if (n.var.isLocal || n.var.isThreadLocal || label[0] != null) return null;
                label[0] = n.var.name;
                return 0L;
            }
            case DEREF -> {
                return eval(n.lhs, label);
            }
            case MEMBER -> {
                Long a = evalAddress(n.lhs, label);
                return a == null ? null : a + n.member.offset;
            }
            default -> {
                return null;
            }
        }
    }
}
