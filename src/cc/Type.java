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
 * functions, structs) are new objects. Qualifiers ({@code const}, {@code volatile}) are
 * accepted by the parser and not recorded: this compiler never reorders memory accesses,
 * so every access is already "volatile". {@code _Atomic} is recorded ({@link #atomic}), since
 * it changes what {@code x += 1} compiles to.
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
        Type a = new Type(t.kind, t.size, t.align, t.unsigned);
        a.base = t.base;
        a.tag = t.tag;
        a.atomic = true;
        return a;
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
                String s = "*" + inner;
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

    /** The type's name as C would spell it, for diagnostics: "unsigned int", "char *", "struct s". */
    @Override
    public String toString() {
        return switch (kind) {
            case VOID -> "void";
            case BOOL -> "_Bool";
            case CHAR -> unsigned ? "unsigned char" : "char";
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
