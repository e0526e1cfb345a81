package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * A C type, as the parser builds it and the code generator reads it. Sizes and alignments
 * are LP64 (docs/isa.md): char 1, short 2, int 4, long, long long and pointers 8; float 4
 * and double 8 (IEEE 754 binary32 and binary64). {@code long double} is a double (see
 * {@link #LDOUBLE}).
 *
 * <p>Basic types are shared singletons ({@link #INT} ...); derived types (pointers, arrays,
 * functions, structs) are new objects. {@code char}, {@code signed char} and {@code unsigned
 * char} are three types (C11 6.2.5p15), the first two with the same representation.
 *
 * <p>Qualifiers ({@code const}, {@code volatile}, {@code restrict}, C11 6.7.3) make a
 * qualified version of a type: an object of its own that shares everything else with the
 * unqualified type ({@link #unqualified}), made once per set of qualifiers so that
 * {@code const int} is always the same object. A qualified array type is an array of
 * qualified elements (6.7.3p9). {@code const} is what the compiler checks (a store to a
 * const lvalue is an error); {@code volatile} only matters to {@code _Generic} and
 * compatibility, since this compiler never reorders or drops memory accesses.
 * {@code _Atomic} is recorded apart ({@link #atomic}), since it changes what {@code x += 1}
 * compiles to.
 */
public final class Type {
    /** What kind of type this is. */
    public enum Kind { VOID, BOOL, CHAR, SHORT, INT, LONG, ENUM, FLOAT, DOUBLE, PTR, ARRAY, FUNC, STRUCT, UNION }

    public final Kind kind;
    /** Size in bytes; -1 for an incomplete type (an array of unknown length, a declared-only struct). */
    public int size;
    public int align;
    /** Fixed for every kind but ENUM, which is unsigned once its list has no negative value. */
    public boolean unsigned;
    /** PTR: the pointed-to type; ARRAY: the element type. */
    public Type base;
    /** ARRAY: the number of elements, or -1 if unknown. */
    public int arrayLength;
    /** ARRAY: for a variable-length array, the hidden local holding its size in bytes ({@link Vlas}); else null. */
    public Obj vlaSize;
    /** FUNC: the return type, the parameter types, and whether "..." ends the list. */
    public Type returnType;
    public List<Type> params = new ArrayList<>();
    public boolean variadic;
    /** FUNC: true for a declaration "f()" without a prototype (any arguments accepted). */
    public boolean oldStyle;
    /** STRUCT/UNION: the members in declaration order. */
    public List<Member> members = new ArrayList<>();
    /** STRUCT/UNION/ENUM: the tag, or null; used only in messages. */
    public String tag;
    /**
     * True for an {@code _Atomic} scalar type: {@code ++}, {@code --} and the compound
     * assignments on an lvalue of this type are one indivisible read-modify-write (Operators).
     * Plain loads and stores need nothing more: the machine is sequentially consistent and an
     * aligned load or store is a single step.
     */
    public boolean atomic;
    /** The qualifiers of this version of the type: a set of {@link #CONST}, {@link #VOLATILE}, {@link #RESTRICT}. */
    public int qualifiers;
    /** CHAR: true for {@code signed char}, which is not the same type as plain {@code char}. */
    private boolean signedChar;
    /** The unqualified type this is a qualified version of; null if this one is unqualified. */
    private Type origin;
    /** On an unqualified type: its qualified versions made so far, by qualifier set. */
    private Type[] variants;

    /** Qualifier bits of {@link #qualifiers}. */
    public static final int CONST = 1, VOLATILE = 2, RESTRICT = 4;

    /**
     * One member of a struct or union, at a byte offset from its start. A bit-field also has
     * a width and its first bit within the {@code type}-sized unit at {@code offset}.
     */
    public static final class Member {
        public final String name;
        public final Type type;
        public final int offset;
        /** Bit-fields: the number of bits (0 for an ordinary member) and the first bit's index. */
        public final int bitWidth, bitOffset;

        public Member(String name, Type type, int offset) {
            this(name, type, offset, 0, 0);
        }

        public Member(String name, Type type, int offset, int bitWidth, int bitOffset) {
            this.name = name;
            this.type = type;
            this.offset = offset;
            this.bitWidth = bitWidth;
            this.bitOffset = bitOffset;
        }

        /** True if this member is a bit-field. */
        public boolean isBitField() {
            return bitWidth > 0;
        }
    }

    public static final Type VOID = new Type(Kind.VOID, 1, 1, false);
    public static final Type BOOL = new Type(Kind.BOOL, 1, 1, true);
    public static final Type CHAR = new Type(Kind.CHAR, 1, 1, false);
    public static final Type UCHAR = new Type(Kind.CHAR, 1, 1, true);
    public static final Type SCHAR = new Type(Kind.CHAR, 1, 1, false);
    static {
        SCHAR.signedChar = true;
    }
    public static final Type SHORT = new Type(Kind.SHORT, 2, 2, false);
    public static final Type USHORT = new Type(Kind.SHORT, 2, 2, true);
    public static final Type INT = new Type(Kind.INT, 4, 4, false);
    public static final Type UINT = new Type(Kind.INT, 4, 4, true);
    public static final Type LONG = new Type(Kind.LONG, 8, 8, false);
    public static final Type ULONG = new Type(Kind.LONG, 8, 8, true);
    public static final Type FLOAT = new Type(Kind.FLOAT, 4, 4, false);
    public static final Type DOUBLE = new Type(Kind.DOUBLE, 8, 8, false);
    /**
     * {@code long double} is the same binary64 format as double (x86-64's 80-bit format would
     * need a second arithmetic). It is its own type object so that it keeps its name in
     * messages and ranks above double in the usual arithmetic conversions.
     */
    public static final Type LDOUBLE = new Type(Kind.DOUBLE, 8, 8, false);

    private Type(Kind kind, int size, int align, boolean unsigned) {
        this.kind = kind;
        this.size = size;
        this.align = align;
        this.unsigned = unsigned;
    }

    /**
     * The {@code _Atomic} version of {@code t}: a copy marked {@link #atomic} for a scalar
     * type; any other type unchanged (an atomic struct is only loaded and stored whole).
     */
    public static Type atomicOf(Type t) {
        if (t.atomic || !t.isScalar()) return t;
        Type a = t.unqualified().copy();
        a.atomic = true;
        return a.qualified(t.qualifiers);
    }

    /** A new unqualified type with this one's fields. */
    private Type copy() {
        Type c = new Type(kind, size, align, unsigned);
        c.base = base;
        c.arrayLength = arrayLength;
        c.vlaSize = vlaSize;
        c.returnType = returnType;
        c.params = params;
        c.variadic = variadic;
        c.oldStyle = oldStyle;
        c.members = members;
        c.tag = tag;
        c.atomic = atomic;
        c.signedChar = signedChar;
        return c;
    }

    /** The unqualified version of this type (itself if it has no qualifiers). */
    public Type unqualified() {
        return origin == null ? this : origin;
    }

    /** True if this type is const-qualified. */
    public boolean isConst() {
        return (qualifiers & CONST) != 0;
    }

    /**
     * The version of this type with exactly the qualifiers {@code q}. An array's elements
     * take {@code q} in addition to their own instead (C11 6.7.3p9); a function type takes none.
     */
    public Type qualified(int q) {
        if (kind == Kind.ARRAY) {
            Type elem = base.qualified(base.qualifiers | q);
            if (elem == base) return this;
            Type a = copy();
            a.base = elem;
            return a;
        }
        if (kind == Kind.FUNC || q == qualifiers) return this;
        Type u = unqualified();
        if (q == 0) return u;
        if (u.variants == null) u.variants = new Type[8];
        if (u.variants[q] == null) {
            Type v = u.copy();
            v.qualifiers = q;
            v.origin = u;
            u.variants[q] = v;
        }
        return u.variants[q];
    }

    /** This type with the qualifiers {@code q} added to its own. */
    public Type withQualifiers(int q) {
        return qualified(qualifiers | q);
    }

    /**
     * Called once a struct, union or enum type is complete (its members, size and alignment
     * known, or an enum's signedness), so that its qualified versions made while it was
     * incomplete ({@code const struct s *p;} before the definition) agree with it.
     */
    public void completed() {
        if (variants == null) return;
        for (Type v : variants) {
            if (v == null) continue;
            v.members = members;
            v.size = size;
            v.align = align;
            v.unsigned = unsigned;
        }
    }

    /** A pointer to {@code base}. */
    public static Type pointerTo(Type base) {
        Type t = new Type(Kind.PTR, 8, 8, true);
        t.base = base;
        return t;
    }

    /** An array of {@code length} elements of {@code base} ({@code length} -1 if unknown). */
    public static Type arrayOf(Type base, int length) {
        Type t = new Type(Kind.ARRAY, length < 0 ? -1 : (int) Math.min((long) base.size * length, Integer.MAX_VALUE), base.align, false);
        t.base = base;
        t.arrayLength = length;
        return t;
    }

    /** A function returning {@code returnType}; the caller fills in the parameters. */
    public static Type function(Type returnType) {
        Type t = new Type(Kind.FUNC, 1, 1, false);
        t.returnType = returnType;
        return t;
    }

    /** A new, still incomplete struct or union type. */
    public static Type struct(boolean union, String tag) {
        Type t = new Type(union ? Kind.UNION : Kind.STRUCT, -1, 1, false);
        t.tag = tag;
        return t;
    }

    /**
     * A new enum type, an int underneath until its list is read: as gcc does, an enum with
     * no negative value is then an unsigned int (so {@code enum E f : 2} holding 3 reads 3).
     */
    public static Type enumType(String tag) {
        Type t = new Type(Kind.ENUM, 4, 4, false);
        t.tag = tag;
        return t;
    }

    /** True for the integer types, including _Bool, char and enums. */
    public boolean isInteger() {
        return switch (kind) {
            case BOOL, CHAR, SHORT, INT, LONG, ENUM -> true;
            default -> false;
        };
    }

    /** True for the real floating types: float, double and long double. */
    public boolean isFloat() {
        return kind == Kind.FLOAT || kind == Kind.DOUBLE;
    }

    /** True for the arithmetic types: integers and floating types. */
    public boolean isArithmetic() {
        return isInteger() || isFloat();
    }

    /** True for the scalar types: arithmetic types and pointers. */
    public boolean isScalar() {
        return isArithmetic() || kind == Kind.PTR;
    }

    /** True for a pointer or an array (anything that can be indexed). */
    public boolean isPointerLike() {
        return kind == Kind.PTR || kind == Kind.ARRAY;
    }

    /** True for a struct or union. */
    public boolean isAggregate() {
        return kind == Kind.STRUCT || kind == Kind.UNION;
    }

    /** True if the type's size is not known yet. */
    public boolean isIncomplete() {
        return size < 0 || kind == Kind.VOID;
    }

    /** The member called {@code name}, searching anonymous struct/union members too, or null. */
    public Member member(String name) {
        for (Member m : members) {
            if (name.equals(m.name)) return m;
            if (m.name == null && m.type.isAggregate()) {
                Member inner = m.type.member(name);
                if (inner != null) return new Member(inner.name, inner.type, m.offset + inner.offset, inner.bitWidth, inner.bitOffset);
            }
        }
        return null;
    }

    /** True if values of the two types are interchangeable (for pointer compatibility checks). */
    public static boolean compatible(Type a, Type b) {
        if (a == b) return true;
        if (a.qualifiers != b.qualifiers) return false;
        a = a.unqualified();
        b = b.unqualified();
        if (a == b) return true;
        // An enum is compatible with its underlying type (C11 6.7.2.2): gcc's is unsigned int
        // when no enumerator is negative, else int.
        if ((a.kind == Kind.ENUM && b.kind == Kind.INT) || (a.kind == Kind.INT && b.kind == Kind.ENUM)) {
            return a.unsigned == b.unsigned;
        }
        if (a.kind != b.kind) return false;
        return switch (a.kind) {
            case PTR -> compatible(a.base, b.base);
            case ARRAY -> compatible(a.base, b.base) && (a.arrayLength < 0 || b.arrayLength < 0 || a.arrayLength == b.arrayLength);
            case FUNC -> compatible(a.returnType, b.returnType);
            case STRUCT, UNION, ENUM -> false;
            // double and long double share a format but are different types.
            case DOUBLE -> false;
            // char, signed char and unsigned char are three types (C11 6.2.5p15).
            case CHAR -> a.unsigned == b.unsigned && a.signedChar == b.signedChar;
            default -> a.unsigned == b.unsigned && a.size == b.size;
        };
    }

    /**
     * Spells derived type {@code t} around {@code inner} the way C declares it, as clang
     * prints types: "int *", "int (*)[4]", "char *(*)(int)".
     */
    private static String declarator(Type t, String inner) {
        switch (t.kind) {
            case PTR -> {
                String s = "*" + qualifierPrefix(t.qualifiers).stripTrailing() + (t.qualifiers != 0 && !inner.isEmpty() ? " " : "") + inner;
                if (t.base.kind == Kind.ARRAY || t.base.kind == Kind.FUNC) s = "(" + s + ")";
                return declarator(t.base, s);
            }
            case ARRAY -> {
                return declarator(t.base, inner + "[" + (t.arrayLength < 0 ? "" : String.valueOf(t.arrayLength)) + "]");
            }
            case FUNC -> {
                StringBuilder ps = new StringBuilder();
                for (Type p : t.params) ps.append(ps.length() > 0 ? ", " : "").append(p);
                if (t.variadic) ps.append(ps.length() > 0 ? ", ..." : "...");
                if (ps.length() == 0 && !t.oldStyle) ps.append("void");
                return declarator(t.returnType, inner + "(" + ps + ")");
            }
            default -> {
                if (inner.isEmpty()) return t.toString();
                return t + (inner.startsWith("[") ? "" : " ") + inner;
            }
        }
    }

    /** "const ", "volatile ", "const volatile "... for the qualifier set {@code q}, as gcc orders them. */
    private static String qualifierPrefix(int q) {
        return ((q & CONST) != 0 ? "const " : "") + ((q & VOLATILE) != 0 ? "volatile " : "")
                + ((q & RESTRICT) != 0 ? "restrict " : "");
    }

    /**
     * The type's name as C would spell it, for diagnostics: "unsigned int", "char *",
     * "const struct s", "char *const".
     */
    @Override
    public String toString() {
        if (kind != Kind.PTR && kind != Kind.ARRAY && kind != Kind.FUNC && qualifiers != 0) {
            return qualifierPrefix(qualifiers) + unqualified();
        }
        return switch (kind) {
            case VOID -> "void";
            case BOOL -> "_Bool";
            case CHAR -> unsigned ? "unsigned char" : signedChar ? "signed char" : "char";
            case SHORT -> unsigned ? "unsigned short" : "short";
            case INT -> unsigned ? "unsigned int" : "int";
            case LONG -> unsigned ? "unsigned long" : "long";
            case ENUM -> "enum " + (tag == null ? "(anonymous)" : tag);
            case FLOAT -> "float";
            case DOUBLE -> this == LDOUBLE ? "long double" : "double";
            case PTR, ARRAY, FUNC -> declarator(this, "");
            case STRUCT -> "struct " + (tag == null ? "(anonymous)" : tag);
            case UNION -> "union " + (tag == null ? "(anonymous)" : tag);
        };
    }
}
