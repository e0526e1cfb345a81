package asm;

import obj.ObjectFile;
import obj.Section;
import obj.Symbol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stage 4a: every name the file mentions, what it stands for, and how it is exported.
 *
 * <p>A name is a label (an offset in a section), a constant from {@code .equ}/{@code .set}
 * (never written to the object file), or neither: a symbol the file uses but does not
 * define, which becomes an undefined global symbol for the linker to resolve. Entries keep
 * the order in which names were first mentioned, so the object file's symbol table is
 * deterministic.
 */
final class SymbolTable {
    static final class Entry {
        final String name;
        /** Where the name was defined; null while it is undefined. */
        Token definedAt;
        /** The section of a label; null for constants and undefined names. */
        Section.Kind section;
        /** A label's offset in its section, or a constant's value. */
        long value;
        boolean isConstant;
        boolean global;
        /** True once an instruction or data directive used the name. */
        boolean referenced;
        Symbol.Type type = Symbol.Type.NOTYPE;
        long size;

        Entry(String name) {
            this.name = name;
        }

        boolean isDefined() {
            return definedAt != null;
        }

        boolean isLabel() {
            return definedAt != null && !isConstant;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The entry for {@code name}, created (undefined) if the name is new. */
    Entry get(String name) {
        return entries.computeIfAbsent(name, Entry::new);
    }

    /** The entry for {@code name}, or null if the name was never mentioned. */
    Entry find(String name) {
        return entries.get(name);
    }

    /** Defines label {@code tok} at {@code offset} in {@code section}; throws if the name is taken. */
    void defineLabel(Token tok, Section.Kind section, long offset) {
        Entry e = claim(tok);
        e.section = section;
        e.value = offset;
    }

    /** Defines {@code tok} as the constant {@code value} ({@code .equ}); throws if the name is taken. */
    void defineConstant(Token tok, long value) {
        Entry e = claim(tok);
        e.isConstant = true;
        e.value = value;
    }

    private Entry claim(Token tok) {
        Entry e = get(tok.text);
        if (e.isDefined()) {
            Token prev = e.definedAt;
            throw new AsmError(tok, "symbol '" + tok.text + "' is already defined (first defined at line "
                    + prev.line + ", column " + prev.col + ")");
        }
        e.definedAt = tok;
        return e;
    }

    /** The value of {@code name} for an expression. {@code pass1} makes names not yet seen UNKNOWN. */
    Value valueOf(Token name, boolean pass1) {
        Entry e = find(name.text);
        if (e == null || !e.isDefined()) {
            if (pass1) return Value.UNKNOWN;
            return Value.external(name.text);
        }
        if (e.isConstant) return Value.constant(e.value);
        return Value.label(e.section, e.name, e.value);
    }

    /**
     * Writes the symbol table into {@code obj}: every label, and every name that is used,
     * declared global, but not defined. Constants stay inside the assembler.
     */
    void export(ObjectFile obj) {
        for (Entry e : entries.values()) {
            if (e.isConstant) continue;
            if (e.isLabel()) {
                Symbol.Binding b = e.global ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL;
                obj.putSymbol(new Symbol(e.name, e.section, e.value, e.size, b, e.type));
            } else if (e.referenced || e.global) {
                obj.putSymbol(new Symbol(e.name, null, 0, 0, Symbol.Binding.GLOBAL, e.type));
            }
        }
    }
}
