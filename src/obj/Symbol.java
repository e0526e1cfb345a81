package obj;

/**
 * A named address in an object file or executable.
 *
 * <p>In an object file {@code section} is the section the symbol is defined in (or null when
 * the symbol is undefined there and must come from another object) and {@code value} is the
 * offset inside that section. In an executable {@code section} is null and {@code value} is
 * the absolute virtual address.
 */
public final class Symbol {
    /** Local symbols are visible only inside their object; global ones link across objects. */
    public enum Binding { LOCAL, GLOBAL }

    /** What the symbol names: code, data, or unknown (plain labels). */
    public enum Type { NOTYPE, FUNC, OBJECT }

    public final String name;
    public Section.Kind section;
    public long value;
    public long size;
    public Binding binding;
    public Type type;

    /** A symbol; see the class comment for what {@code section} and {@code value} mean in objects and executables. */
    public Symbol(String name, Section.Kind section, long value, long size, Binding binding, Type type) {
        this.name = name;
        this.section = section;
        this.value = value;
        this.size = size;
        this.binding = binding;
        this.type = type;
    }

    /** True if the symbol is referenced here but defined elsewhere. */
    public boolean isUndefined() {
        return section == null;
    }

    @Override
    public String toString() {
        return name + "@" + (section == null ? "UNDEF" : section.sectionName()) + "+" + value;
    }
}
