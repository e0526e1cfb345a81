package obj;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A relocatable object: what the assembler produces from one {@code .s} file and the linker
 * consumes: its sections (text, rodata, data, bss and the rest of {@link Section.Kind}), a
 * symbol table, relocations, and the line table of the code ({@link LineTable}).
 *
 * <p>The binary encoding on disk (magic "CLXO") is defined by {@link ObjectFormat} and
 * documented in docs/executable.md. Symbols keep their insertion order so that output is
 * deterministic.
 */
public final class ObjectFile {
    /** Name for messages: usually the source or object file name. */
    public final String name;
    private final Map<Section.Kind, Section> sections = new EnumMap<>(Section.Kind.class);
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final List<Relocation> relocations = new ArrayList<>();
    private String source = "";
    private LineTable lines = LineTable.EMPTY;

    /** An empty object called {@code name}: four empty sections, no symbols, no relocations. */
    public ObjectFile(String name) {
        this.name = name;
        for (Section.Kind k : Section.Kind.values()) sections.put(k, new Section(k));
    }

    /**
     * The source file the object was made from, as the assembler's {@code .file} directive
     * named it ("prog.c"), or "" if none did; the linker's messages name it, as GNU ld names
     * the file of an ELF object's STT_FILE symbol.
     */
    public String source() {
        return source;
    }

    /** Records the source file the object was made from (see {@link #source}). */
    public void setSource(String name) {
        source = name;
    }

    /** The source lines of the code, addresses being offsets in .text (empty for hand-written assembly). */
    public LineTable lines() {
        return lines;
    }

    /** Records the line table (see {@link #lines}). */
    public void setLines(LineTable table) {
        lines = table;
    }

    /** The section of this kind; every object has all four, possibly empty. */
    public Section section(Section.Kind kind) {
        return sections.get(kind);
    }

    /** The symbol called {@code name}, or null. */
    public Symbol symbol(String name) {
        return symbols.get(name);
    }

    /** All symbols in definition order. */
    public List<Symbol> symbols() {
        return new ArrayList<>(symbols.values());
    }

    /** Adds or replaces the symbol with this name. */
    public void putSymbol(Symbol s) {
        symbols.put(s.name, s);
    }

    /** The relocations in the order they were added (the live list, not a copy). */
    public List<Relocation> relocations() {
        return relocations;
    }

    /** Appends a relocation. */
    public void addRelocation(Relocation r) {
        relocations.add(r);
    }
}
