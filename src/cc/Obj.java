package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * A named object: a local variable, a global variable, or a function. The parser creates
 * them; the code generator gives locals their frame offsets and emits globals and functions.
 */
public final class Obj {
    public final String name;
    public Type type;
    /** True for a local (automatic) variable or parameter; false for globals and functions. */
    public final boolean isLocal;
    /** Local: offset from fp (negative), set by the code generator. */
    public int offset;
    /** The alignment {@code _Alignas} or {@code aligned} asks for, if stricter than the type's (else 0). */
    public int align;
    /** Global: true if the name is file-local (C {@code static}); emitted as .local. */
    public boolean isStatic;
    /** Global: true once a definition (not only a declaration) has been seen. */
    public boolean isDefinition;
    /**
     * Global: a thread-local variable ({@code _Thread_local}, {@code __thread}): each thread
     * has its own copy in its TLS block, reached at a link-time offset from tp, and the
     * definition goes to .tdata or .tbss (docs/executable.md, "Thread-local storage").
     */
    public boolean isThreadLocal;
    /** Global: an anonymous string literal, emitted in .rodata. */
    public boolean isStringLiteral;
    /** A variable-length array: the hidden local holding its address ({@link Vlas}); else null. */
    public Obj vlaAddress;
    /** Function: true if its body moves sp (it declares a variable-length array). */
    public boolean movesStack;
    /**
     * Function: its {@code constructor} / {@code destructor} priority, or -1 if it is not one.
     * A defined constructor's address goes to .init_array, a destructor's to .fini_array.
     */
    public int constructor = -1, destructor = -1;
    /** The priority of a constructor or destructor declared without one, which constructor(65535) also has: after all others. */
    public static final int DEFAULT_PRIORITY = obj.Section.DEFAULT_PRIORITY;
    /** Function: how many functions the file defined before this one (gcc's order for equal priorities). */
    public int definitionOrder;
    /** Function: true if only declared implicitly by a call (C89 style). */
    public boolean implicit;
    /** The token that named it, for diagnostics. */
    public Token tok;

    /** Global variable: its initial bytes (null for zero-filled, .bss) and address relocations. */
    DataImage initData;
    public List<Reloc> relocs = new ArrayList<>();

    /** Function: the parameters, every local, the body, and the frame size. */
    public List<Obj> params = new ArrayList<>();
    public List<Obj> locals = new ArrayList<>();
    public Node body;
    public int stackSize;
    /** Variadic function: true if its body uses va_start. */
    public boolean hasVaStart;

    /** An address stored in a global's initial bytes: {@code .quad label+addend} at offset. */
    public record Reloc(int offset, String label, long addend) {}

    public Obj(String name, Type type, boolean isLocal) {
        this.name = name;
        this.type = type;
        this.isLocal = isLocal;
    }

    /** The object's alignment: its type's, or the stricter one its declaration asks for. */
    public int alignment() {
        return Math.max(Math.max(type.align, 1), align);
    }

    /** True if this object is a function. */
    public boolean isFunction() {
        return type.kind == Type.Kind.FUNC;
    }
}
