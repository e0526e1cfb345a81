package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * Declarations' types (C11 6.7): declaration specifiers ("unsigned long", "struct s",
 * typedef names), declarators ("*p", "a[3]", "(*fp)(int)"), type names for casts and
 * sizeof, and struct, union and enum definitions with their layout.
 */
final class Declarators {
    private final Parser p;

    Declarators(Parser p) {
        this.p = p;
    }

    /** True if the next token starts a type name or a declaration. */
    boolean isTypeName(Token t) {
        if (t.kind != Token.Kind.IDENT) return false;
        switch (t.text) {
            case "void", "_Bool", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
                 "struct", "union", "enum", "typedef", "static", "extern", "inline", "const", "volatile",
                 "restrict", "auto", "register", "_Noreturn", "_Thread_local", "__thread", "__inline", "__inline__",
                 "__restrict", "__restrict__", "__const", "__volatile__", "_Alignas", "__signed__",
                 "__attribute__", "typeof", "__typeof__", "_Atomic" -> {
                return true;
            }
            default -> {
                Scope.Entry e = p.scope.find(t.text);
                return e != null && e.typedef != null;
            }
        }
    }

    /** True if {@code t} names a typedef (not a keyword) in the current scope. */
    private boolean isTypedefName(Token t) {
        Scope.Entry e = p.scope.find(t.text);
        return e != null && e.typedef != null;
    }

    private static final int VOID = 1, BOOL = 1 << 2, CHAR = 1 << 4, SHORT = 1 << 6, INT = 1 << 8,
            LONG = 1 << 10, OTHER = 1 << 12, SIGNED = 1 << 13, UNSIGNED = 1 << 14, FLOAT = 1 << 15,
            DOUBLE = 1 << 17;

    /** Parses declaration specifiers; storage classes go to {@code attr} (null where none are allowed). */
    Type declspec(Parser.Attr attr) {
        return declspec(attr == null ? new Parser.Attr() : attr, attr != null);
    }

    /**
     * Parses declaration specifiers into {@code attr}; storage classes are refused unless
     * {@code storage} (struct members and type names have none, but may be aligned).
     */
    Type declspec(Parser.Attr attr, boolean storage) {
        int counter = 0;
        Type type = Type.INT;
        Token first = p.peek();
        boolean atomic = false;
        int qualifiers = 0;
        while (isTypeName(p.peek())) {
            Token t = p.next();
            switch (t.text) {
                case "_Atomic" -> {
                    if (!p.at("(")) {
                        atomic = true; // the qualifier: applies to the whole type specified
                        continue;
                    }
                    // The specifier _Atomic(type-name).
                    if (counter != 0) throw p.error(t, "cannot combine with previous declaration specifier");
                    p.expect("(");
                    type = Type.atomicOf(typeName());
                    p.expect(")");
                    counter += OTHER;
                    continue;
                }
                case "typedef", "static", "extern", "inline", "__inline", "__inline__", "_Noreturn", "auto",
                     "register", "_Thread_local", "__thread" -> {
                    if (!storage) throw p.error(t, "storage class specifier is not permitted here");
                    if (t.text.equals("typedef")) attr.isTypedef = true;
                    else if (t.text.equals("_Thread_local") || t.text.equals("__thread")) {
                        attr.isThreadLocal = true;
                        attr.threadLocal = t;
                    }
                    else if (t.text.equals("static")) attr.isStatic = true;
                    else if (t.text.equals("extern")) attr.isExtern = true;
                    else if (t.text.contains("inline")) attr.isInline = true;
                    continue;
                }
                case "const", "volatile", "restrict", "__restrict", "__restrict__", "__const", "__volatile__" -> {
                    qualifiers |= qualifier(t.text);
                    continue;
                }
                case "__attribute__" -> {
                    Attributes.parse(p, attr);
                    continue;
                }
                case "typeof", "__typeof__" -> {
                    if (counter != 0) throw p.error(t, "cannot combine with previous declaration specifier");
                    p.expect("(");
                    type = p.isTypeName(p.peek()) ? typeName() : p.expr.expr().type;
                    p.expect(")");
                    counter += OTHER;
                    continue;
                }
                case "_Alignas" -> {
                    Attributes.alignas(p, attr);
                    continue;
                }
                default -> {
                }
            }
            if (t.text.equals("struct") || t.text.equals("union") || t.text.equals("enum")
                    || (p.scope.find(t.text) != null && p.scope.find(t.text).typedef != null && !isBasicKeyword(t.text))) {
                if (counter != 0) {
                    if (!t.text.equals("struct") && !t.text.equals("union") && !t.text.equals("enum")) {
                        // An identifier after a complete type is the declarator's name
                        // (a typedef name redeclared as a variable).
                        p.pos--;
                        break;
                    }
                    throw p.error(t, "cannot combine with previous declaration specifier");
                }
                type = switch (t.text) {
                    case "struct" -> structDecl(false);
                    case "union" -> structDecl(true);
                    case "enum" -> enumDecl();
                    default -> p.scope.find(t.text).typedef;
                };
                counter += OTHER;
                continue;
            }
            switch (t.text) {
                case "void" -> counter += VOID;
                case "_Bool" -> counter += BOOL;
                case "char" -> counter += CHAR;
                case "short" -> counter += SHORT;
                case "int" -> counter += INT;
                case "long" -> counter += LONG;
                case "float" -> counter += FLOAT;
                case "double" -> counter += DOUBLE;
                case "signed", "__signed__" -> counter |= SIGNED;
                case "unsigned" -> counter |= UNSIGNED;
                default -> throw p.error(t, "unexpected '" + t.text + "'");
            }
            type = switch (counter) {
                case VOID -> Type.VOID;
                case BOOL -> Type.BOOL;
                case CHAR -> Type.CHAR;
                case SIGNED + CHAR -> Type.SCHAR;
                case UNSIGNED + CHAR -> Type.UCHAR;
                case SHORT, SHORT + INT, SIGNED + SHORT, SIGNED + SHORT + INT -> Type.SHORT;
                case UNSIGNED + SHORT, UNSIGNED + SHORT + INT -> Type.USHORT;
                case INT, SIGNED, SIGNED + INT -> Type.INT;
                case UNSIGNED, UNSIGNED + INT -> Type.UINT;
                case LONG, LONG + INT, LONG + LONG, LONG + LONG + INT, SIGNED + LONG, SIGNED + LONG + INT,
                     SIGNED + LONG + LONG, SIGNED + LONG + LONG + INT -> Type.LONG;
                case UNSIGNED + LONG, UNSIGNED + LONG + INT, UNSIGNED + LONG + LONG, UNSIGNED + LONG + LONG + INT -> Type.ULONG;
                case FLOAT -> Type.FLOAT;
                case DOUBLE -> Type.DOUBLE;
                case LONG + DOUBLE -> Type.LDOUBLE;
                default -> throw p.error(t, "cannot combine with previous '" + prevSpec(counter) + "' declaration specifier");
            };
        }
        if (first == p.peek() && storage && p.peek().kind != Token.Kind.IDENT) throw p.error(p.peek(), "expected a type");
        if (atomic) type = Type.atomicOf(type);
        return type.withQualifiers(qualifiers);
    }

    /** The {@link Type#qualifiers} bit of qualifier keyword {@code s} ("const", "__restrict"...). */
    private static int qualifier(String s) {
        if (s.contains("const")) return Type.CONST;
        if (s.contains("volatile")) return Type.VOLATILE;
        return Type.RESTRICT;
    }

    /**
     * True if the "(" at the current position opens attributes and then a pointer declarator,
     * "(__attribute__((x)) *", which is a nested declarator, not a parameter list.
     */
    private boolean attributesThenPointer() {
        int i = 1;
        while (p.peek(i).is("__attribute__")) {
            i++;
            if (!p.peek(i).is("(")) return false;
            int depth = 0;
            do {
                Token t = p.peek(i++);
                if (t.kind == Token.Kind.EOF) return false;
                if (t.is("(")) depth++;
                else if (t.is(")")) depth--;
            } while (depth > 0);
        }
        return i > 1 && p.peek(i).is("*");
    }

    /** Reads any {@code __attribute__((...))} at the current position into {@code into}. */
    void attributes(Parser.Attr into) {
        while (p.accept("__attribute__")) Attributes.parse(p, into);
    }

    private static boolean isBasicKeyword(String s) {
        return switch (s) {
            case "void", "_Bool", "char", "short", "int", "long", "float", "double", "signed", "unsigned" -> true;
            default -> false;
        };
    }

    private static String prevSpec(int counter) {
        if ((counter & 0x3) != 0) return "void";
        if ((counter & (3 << 2)) != 0) return "_Bool";
        if ((counter & (3 << 4)) != 0) return "char";
        if ((counter & (3 << 6)) != 0) return "short";
        if ((counter & (3 << 10)) != 0) return "long";
        if ((counter & (3 << 15)) != 0) return "float";
        if ((counter & (3 << 17)) != 0) return "double";
        return "int";
    }

    /** The result of a declarator: the name (or null for an abstract one) and the full type. */
    static final class Declarator {
        String name;
        Token tok;
        Type type;
        List<String> paramNames = new ArrayList<>();
        /** A function declarator: its parameters' objects, and what VLA parameters need at entry. */
        List<Obj> paramObjs = new ArrayList<>();
        Vlas.ParamSetup paramSetup;
        /** A K&R function definition: its parameters' names, until {@link #knrParameters} gives their types. */
        List<String> knrNames;
        /** The attributes written after the declarator ({@code int x __attribute__((aligned(8)))}). */
        Parser.Attr attrs = new Parser.Attr();
    }

    /** Parses a declarator (or an abstract declarator, which has no name) applied to {@code base}. */
    Declarator declarator(Type base) {
        Type t = base;
        // "int (__attribute__((unused)) *p)": attributes before the pointer say nothing here.
        attributes(new Parser.Attr());
        while (p.accept("*")) {
            t = Type.pointerTo(t);
            while (p.at("const") || p.at("volatile") || p.at("restrict") || p.at("__restrict") || p.at("__restrict__")
                    || p.at("__const") || p.at("__volatile__") || p.at("_Atomic")) {
                Token q = p.next();
                t = q.is("_Atomic") ? Type.atomicOf(t) : t.withQualifiers(qualifier(q.text));
            }
        }
        if (p.at("(") && ((!isTypeName(p.peek(1)) && !p.peek(1).is(")")) || attributesThenPointer())) {
            // A nested declarator: read the suffix after the parentheses first, since it
            // applies before whatever is inside them ("int (*fp)(int)").
            Token open = p.next();
            int innerStart = p.pos;
            skipBalanced(open);
            Declarator outer = new Declarator();
            Type outerType = typeSuffix(t, outer);
            int end = p.pos;
            p.pos = innerStart;
            Declarator inner = declarator(outerType);
            p.expect(")");
            p.pos = end;
            if (inner.paramNames.isEmpty()) {
                inner.paramNames = outer.paramNames;
                inner.paramObjs = outer.paramObjs;
                inner.paramSetup = outer.paramSetup;
                inner.knrNames = outer.knrNames;
            }
            attributes(inner.attrs);
            return inner;
        }
        Declarator d = new Declarator();
        d.tok = p.peek();
        // A typedef name here is the declarator's name: "int T" declares T, hiding typedef T.
        if (p.peek().kind == Token.Kind.IDENT && (!isTypeName(p.peek()) || isTypedefName(p.peek()))) d.name = p.next().text;
        d.type = typeSuffix(t, d);
        attributes(d.attrs);
        return d;
    }

    private void skipBalanced(Token open) {
        skipBalanced(open, "(", ")");
    }

    /** Skips tokens up to and including the {@code close} that matches {@code open}, already read. */
    private void skipBalanced(Token open, String opening, String close) {
        int depth = 1;
        while (depth > 0) {
            Token t = p.next();
            if (t.kind == Token.Kind.EOF) throw p.error(open, "expected '" + close + "'");
            if (t.kind == Token.Kind.STRING) continue;
            if (t.is(opening)) depth++;
            else if (t.is(close)) depth--;
        }
    }

    /** Parses "[N]" and "(params)" suffixes. */
    private Type typeSuffix(Type t, Declarator d) {
        if (p.at("(")) {
            Token open = p.next();
            return functionParams(t, d, open);
        }
        if (p.at("[")) {
            Token open = p.next();
            // C99's "int a[static 10]" and qualifiers in a parameter's brackets ("int a[const]")
            // say something to the optimiser only.
            while (p.at("static") || p.at("const") || p.at("restrict") || p.at("volatile")
                    || p.at("__restrict") || p.at("__restrict__")) p.next();
            long len = -1;
            Token lt = p.peek();
            Node vlaLength = null;
            // "[*]", a VLA of unspecified size, appears only in prototypes, where the array
            // becomes a pointer anyway: it is read as "[]".
            if (p.at("*") && p.peek(1).is("]")) p.next();
            if (!p.at("]")) {
                Node e = Sema.decay(p.expr.assign());
                if (!e.type.isInteger()) throw p.error(lt, "size of array has non-integer type '" + e.type + "'");
                if (e.kind == Node.Kind.NUM) {
                    len = e.val;
                    if (len < 0) throw p.error(lt, "array size is negative");
                } else {
                    vlaLength = e;
                }
            }
            p.expect("]");
            Type elem = typeSuffix(t, d);
            if (elem.size < 0 && elem.kind != Type.Kind.VOID) throw p.error(p.peek(), "array has incomplete element type '" + elem + "'");
            // As gcc does, point at the array's name, or at its '[' if it has none.
            Token where = d.name != null ? d.tok : open;
            if (elem.kind == Type.Kind.FUNC) {
                throw p.error(where, "declaration of " + (d.name == null ? "type name" : "'" + d.name + "'") + " as array of functions");
            }
            // A length known only at run time, or elements whose size is, make a VLA.
            if (vlaLength != null || Vlas.isVla(elem)) {
                return p.vlas.arrayOf(elem, vlaLength != null ? vlaLength : Sema.num(len, Type.LONG, lt), where);
            }
            return sizedArray(elem, len, d.name, where);
        }
        return t;
    }

    /**
     * The type "array of {@code length} {@code elem}" (length -1: unknown) for the array
     * named {@code name} (null if unnamed), refused with gcc's message at {@code where} if it
     * would be larger than {@link Limits#MAX_OBJECT_SIZE} bytes or have more elements.
     */
    Type sizedArray(Type elem, long length, String name, Token where) {
        if (length > Limits.MAX_OBJECT_SIZE || length * Math.max(elem.size, 0) > Limits.MAX_OBJECT_SIZE) {
            throw p.error(where, name == null ? "size of unnamed array is too large" : "size of array '" + name + "' is too large");
        }
        return Type.arrayOf(elem, (int) length);
    }

    private Type functionParams(Type ret, Declarator d, Token open) {
        if (ret.kind == Type.Kind.ARRAY) throw p.error(open, "function cannot return array type");
        if (ret.kind == Type.Kind.FUNC) throw p.error(open, "function cannot return function type");
        Type f = Type.function(ret);
        if (p.at("void") && p.peek(1).is(")")) {
            p.next();
            p.next();
            return f;
        }
        if (p.accept(")")) {
            f.oldStyle = true;
            return f;
        }
        d.paramNames = new ArrayList<>();
        if (p.peek().kind == Token.Kind.IDENT && !isTypeName(p.peek())) {
            // A K&R definition "f(a, b) int a; char *b; { ... }": the names now, their
            // types from the declarations before the body (knrParameters).
            d.knrNames = new ArrayList<>();
            do {
                d.knrNames.add(p.expectIdent());
            } while (p.accept(","));
            p.expect(")");
            return f;
        }
        // The parameters are in scope for the sizes of the later ones ("int n, int a[n][n]").
        p.scope.enter();
        List<Obj> outerParams = p.vlas.enterParams();
        int pendingBefore = p.vlas.pendingCount();
        try {
            params(f, d);
        } finally {
            d.paramSetup = p.vlas.leaveParams(outerParams, pendingBefore);
            p.scope.leave();
        }
        return f;
    }

    private void params(Type f, Declarator d) {
        while (true) {
            if (p.accept("...")) {
                f.variadic = true;
                p.expect(")");
                break;
            }
            Token pt = p.peek();
            if (!isTypeName(pt)) throw p.error(pt, "expected parameter declarator");
            Type base = declspec(new Parser.Attr());
            Declarator param = declarator(base);
            Type t = param.type;
            if (t.kind == Type.Kind.ARRAY) t = Type.pointerTo(t.base);
            else if (t.kind == Type.Kind.FUNC) t = Type.pointerTo(t);
            // The function's type ignores a parameter's own qualifiers (C11 6.7.6.3p15);
            // inside the body, "const int n" is still read-only.
            f.params.add(t.unqualified());
            d.paramNames.add(param.name);
            Obj po = new Obj(param.name == null ? "" : param.name, t, true);
            po.tok = param.tok;
            d.paramObjs.add(po);
            if (param.name != null) p.scope.declare(param.name).var = po;
            if (p.accept(")")) break;
            p.expect(",");
        }
    }

    /**
     * Reads the parameter declarations of K&R function definition {@code d} (its identifier
     * list read, the body's '{' next) and gives the function its parameters: each name with
     * the type declared for it, or int if none was (C89).
     */
    void knrParameters(Declarator d) {
        Type f = d.type;
        Type[] types = new Type[d.knrNames.size()];
        while (!p.at("{") && p.peek().kind != Token.Kind.EOF) {
            Type base = declspec(new Parser.Attr());
            do {
                Declarator param = declarator(base);
                int i = param.name == null ? -1 : d.knrNames.indexOf(param.name);
                if (i < 0) throw p.error(param.tok, "parameter named '" + param.name + "' is missing");
                types[i] = param.type;
            } while (p.accept(","));
            p.expect(";");
        }
        for (int i = 0; i < types.length; i++) {
            Type t = types[i] == null ? Type.INT : types[i];
            if (t.kind == Type.Kind.ARRAY) t = Type.pointerTo(t.base);
            else if (t.kind == Type.Kind.FUNC) t = Type.pointerTo(t);
            f.params.add(t.unqualified());
            d.paramNames.add(d.knrNames.get(i));
            Obj po = new Obj(d.knrNames.get(i), t, true);
            po.tok = d.tok;
            d.paramObjs.add(po);
        }
    }

    /** Parses a type name (as in a cast or sizeof): specifiers and an abstract declarator. */
    Type typeName() {
        Type base = declspec(null);
        Declarator d = declarator(base);
        if (d.name != null) throw p.error(d.tok, "unexpected identifier in type name");
        return d.type;
    }

    private Type structDecl(boolean union) {
        // "struct __attribute__((packed)) s { ... }" and "struct s { ... } __attribute__((packed))".
        Parser.Attr layout = new Parser.Attr();
        attributes(layout);
        Token tagTok = p.peek();
        String tag = null;
        if (tagTok.kind == Token.Kind.IDENT) tag = p.next().text;
        if (tag != null && !p.at("{")) {
            Type t = p.scope.findTag(tag);
            if (t != null) {
                if (t.kind != (union ? Type.Kind.UNION : Type.Kind.STRUCT)) throw p.error(tagTok, "use of '" + tag + "' with tag type that does not match previous declaration");
                return t;
            }
            t = Type.struct(union, tag);
            p.scope.declareTag(tag, t);
            return t;
        }
        Token brace = p.expect("{");
        // Attributes after the closing brace decide the layout of the members before it.
        int membersStart = p.pos;
        skipBalanced(brace, "{", "}");
        attributes(layout);
        p.pos = membersStart;
        Type t = tag == null ? null : p.scope.findTagHere(tag);
        if (t == null || t.size >= 0) {
            t = Type.struct(union, tag);
            if (tag != null) p.scope.declareTag(tag, t);
        }
        List<Type.Member> members = new ArrayList<>();
        // The layout is tracked in bits so that bit-fields can share a storage unit.
        long bits = 0;
        int size = 0, align = 1;
        boolean[] tooLarge = {false};
        while (!p.at("}")) {
            if (p.at("_Static_assert")) { // C11 6.7.2.1: a member list may hold static assertions
                p.staticAssert();
                continue;
            }
            Parser.Attr memberAttr = new Parser.Attr();
            Type base = declspec(memberAttr, false);
            boolean any = false;
            while (!p.accept(";")) {
                if (any) p.expect(",");
                any = true;
                Declarator d = declarator(base);
                if (p.accept(":")) {
                    boolean packed = layout.packed || memberAttr.packed || d.attrs.packed;
                    bits = bitField(d, union, bits, members, packed);
                    if (!union || !members.isEmpty()) {
                        long end = union ? bitFieldEnd(members) : bits;
                        size = Math.max(size, (int) ((end + 7) / 8));
                    }
                    if (d.name != null) align = Math.max(align, packed ? 1 : d.type.align);
                    continue;
                }
                if (d.type.kind == Type.Kind.FUNC) p.softError(d.tok, "field '" + d.name + "' declared as a function");
                if (Vlas.isVla(d.type)) throw p.error(d.tok, "fields must have a constant size: 'variable length array in structure' extension will never be supported");
                if (d.type.size < 0 && !(d.type.kind == Type.Kind.ARRAY && p.at(";"))) throw p.error(d.tok, "field has incomplete type '" + d.type + "'");
                if (d.type.kind == Type.Kind.ARRAY && d.type.size < 0) d.type = Type.arrayOf(d.type.base, 0);
                int a = memberAlign(d.type, memberAttr, d.attrs, layout);
                int off = memberOffset(union, bits, d.type.size, a, tooLarge);
                members.add(new Type.Member(d.name, d.type, off));
                if (!union) bits = 8L * (off + d.type.size);
                size = Math.max(size, off + d.type.size);
                align = Math.max(align, a);
            }
            if (!any && base.isAggregate()) {
                // An anonymous struct or union member (C11): its members are reachable directly.
                int a = memberAlign(base, memberAttr, new Parser.Attr(), layout);
                int off = memberOffset(union, bits, base.size, a, tooLarge);
                members.add(new Type.Member(null, base, off));
                if (!union) bits = 8L * (off + base.size);
                size = Math.max(size, off + base.size);
                align = Math.max(align, a);
            }
        }
        p.expect("}");
        attributes(layout);
        align = Math.max(align, layout.align);
        // Reported after the closing brace, so that parsing goes on after the declaration.
        if (tooLarge[0]) throw p.error(tagTok, "type '" + t + "' is too large");
        t.members = members;
        t.align = align;
        t.size = (size + align - 1) / align * align;
        t.completed();
        return t;
    }

    /**
     * A member's alignment: its type's, 1 in a packed struct, raised by {@code _Alignas} or
     * {@code aligned} on its specifiers or its declarator.
     */
    private static int memberAlign(Type t, Parser.Attr specifiers, Parser.Attr declarator, Parser.Attr layout) {
        int natural = layout.packed || specifiers.packed || declarator.packed ? 1 : Math.max(t.align, 1);
        return Math.max(natural, Math.max(specifiers.align, declarator.align));
    }

    /**
     * The offset of a member of {@code size} bytes and alignment {@code align} placed after
     * {@code bits} bits of a struct (0 in a union): the next multiple of its alignment. If the
     * member would end beyond {@link Limits#MAX_OBJECT_SIZE}, sets {@code tooLarge[0]} and
     * returns 0, so that offsets and sizes always fit in an int while the rest is read.
     */
    private static int memberOffset(boolean union, long bits, int size, int align, boolean[] tooLarge) {
        long off = union ? 0 : ((bits + 7) / 8 + align - 1) / align * align;
        if (off + size <= Limits.MAX_OBJECT_SIZE) return (int) off;
        tooLarge[0] = true;
        return 0;
    }

    /**
     * Lays out bit-field {@code d} (its ':' has been read) as GCC does on x86-64: in the
     * next free bits unless it would cross a boundary of its type's size, in which case it
     * starts the next unit (in a {@code packed} struct such a field is refused); width 0
     * closes the current unit. Returns the next free bit.
     */
    private long bitField(Declarator d, boolean union, long bits, List<Type.Member> members, boolean packed) {
        Token wt = p.peek();
        long width = p.expr.constExpr();
        String name = d.name == null ? "<anonymous>" : d.name;
        if (!d.type.isInteger()) throw p.error(d.tok, "bit-field '" + name + "' has non-integral type '" + d.type + "'");
        int unit = d.type.size * 8;
        if (width < 0) throw p.error(wt, "bit-field '" + name + "' has negative width (" + width + ")");
        if (width > unit) {
            throw p.error(wt, "width of bit-field '" + name + "' (" + width + " bits) exceeds the width of its type (" + unit + " bits)");
        }
        if (width == 0) {
            if (d.name != null) throw p.error(d.tok, "named bit-field '" + d.name + "' has zero width");
            return union ? 0 : (bits + unit - 1) / unit * unit;
        }
        long start = union ? 0 : bits;
        if (start / unit != (start + width - 1) / unit) {
            // gcc packs such a field across the boundary, where no load of its type reaches it.
            if (packed) p.softError(d.tok, "bit-field '" + name + "' crosses a " + unit + "-bit unit of a packed struct, which Clonix does not lay out");
            start = (start + unit - 1) / unit * unit;
        }
        int offset = (int) (start / unit) * d.type.size;
        // An unnamed bit-field only takes space: it is not a member and is never initialised.
        if (d.name != null) members.add(new Type.Member(d.name, d.type, offset, (int) width, (int) (start - 8L * offset)));
        return union ? 0 : start + width;
    }

    /** In a union: the end, in bits, of its widest bit-field so far. */
    private static long bitFieldEnd(List<Type.Member> members) {
        long end = 0;
        for (Type.Member m : members) end = Math.max(end, m.isBitField() ? m.bitWidth : 8L * m.type.size);
        return end;
    }

    private Type enumDecl() {
        String tag = null;
        if (p.peek().kind == Token.Kind.IDENT) tag = p.next().text;
        if (tag != null && !p.at("{")) {
            Type t = p.scope.findTag(tag);
            if (t == null) {
                t = Type.enumType(tag);
                p.scope.declareTag(tag, t);
            }
            return t;
        }
        // A definition completes the enum that "enum e;" declared in this scope (a GNU C
        // extension), so functions and pointers declared with it in between keep its type.
        Type declared = tag == null ? null : p.scope.findTagHere(tag);
        Type t = declared != null && declared.kind == Type.Kind.ENUM ? declared : Type.enumType(tag);
        if (tag != null && t != declared) p.scope.declareTag(tag, t);
        p.expect("{");
        long value = 0;
        boolean negative = false;
        while (!p.accept("}")) {
            String name = p.expectIdent();
            if (p.accept("=")) value = p.expr.constExpr();
            Scope.Entry e = p.scope.declare(name);
            e.enumType = t;
            negative |= value < 0;
            e.enumValue = value++;
            if (p.accept("}")) break;
            p.expect(",");
        }
        t.unsigned = !negative;
        t.completed();
        return t;
    }
}
