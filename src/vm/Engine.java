package vm;

/**
 * How a {@link Cpu} executes guest code (docs/design.md, "Engines"). Both engines give the
 * same registers, memory, traps, pc and retired counts for every program: the interpreter is
 * the reference, the JIT its faster twin.
 */
public enum Engine {
    /** Every instruction decoded and executed by {@code Cpu.interpret}. */
    INTERP,
    /** Hot basic blocks translated into JVM classes ({@link Jit}); cold code interpreted. */
    JIT;

    /** The name used on the command line: "interp" or "jit". */
    public String optionName() {
        return name().toLowerCase();
    }

    /** The engine called {@code name} on the command line, or null if there is none. */
    public static Engine parse(String name) {
        for (Engine e : values()) if (e.optionName().equals(name)) return e;
        return null;
    }
}
