package ld;

import java.util.List;

import obj.Relocation;
import obj.Section;

/**
 * Patches the segment images once every address is known, following the rules in
 * {@link Relocation}'s documentation. With S the symbol's address, A the addend and P the
 * address of the instruction whose immediate is patched (the field's address minus 4):
 * ABS64 stores S + A in 8 bytes, ABS32 stores S + A in 4 bytes, PCREL32 stores S + A - P in
 * 4 bytes, and TPOFF32 stores the thread pointer's offset of S + A (Layout.tpOffset) in 4 bytes.
 * Only TPOFF32 may name a thread-local symbol, and TPOFF32 only a thread-local one: a
 * thread-local variable has a different address in every thread. A 4-byte value must fit in a signed 32-bit integer, because the machine sign-extends
 * every immediate.
 */
final class Relocator {
    private final Layout layout;
    private final SymbolTable symbols;
    private final List<String> errors;

    Relocator(Layout layout, SymbolTable symbols, List<String> errors) {
        this.layout = layout;
        this.symbols = symbols;
        this.errors = errors;
    }

    /** Applies all of {@code in}'s relocations; problems are appended to the error list. */
    void apply(Input in) {
        for (Relocation r : in.obj.relocations()) apply(in, r);
    }

    private void apply(Input in, Relocation r) {
        int width = r.type == Relocation.Type.ABS64 ? 8 : 4;
        Section section = in.obj.section(r.section);
        String where = in.where(r.section, r.offset);
        if (r.section.zeroFilled()) {
            errors.add("ld: " + where + ": relocation in " + r.section.sectionName() + ", which has no contents");
            return;
        }
        if (r.offset < 0 || r.offset > section.size() - width) {
            errors.add("ld: " + where + ": " + width + "-byte relocation field lies outside " + section.name()
                    + " (size 0x" + Long.toHexString(section.size()) + ")");
            return;
        }
        Long s = symbols.resolve(in, r.symbol);
        if (s == null) return; // already reported as an undefined reference
        Section.Kind target = symbols.sectionOf(in, r.symbol);
        boolean threadLocal = target != null && target.threadLocal();
        if (threadLocal != (r.type == Relocation.Type.TPOFF32)) {
            errors.add("ld: " + where + ": " + (threadLocal
                    ? "'" + r.symbol + "' is thread-local: each thread has its own, reached through tp (%tpoff)"
                    : "%tpoff of '" + r.symbol + "', which is not thread-local (not in .tdata or .tbss)"));
            return;
        }
        long field = in.addressOf(r.section, r.offset);
        long value = switch (r.type) {
            case ABS64, ABS32 -> s + r.addend;
            case PCREL32 -> s + r.addend - (field - 4);
            case TPOFF32 -> layout.tpOffset(s + r.addend);
        };
        if (width == 4 && value != (int) value) {
            errors.add("ld: " + where + ": relocation " + r.type + " against '" + r.symbol + "' out of range: 0x"
                    + Long.toHexString(value) + " does not fit in a signed 32-bit field");
            return;
        }
        Layout.Image image = layout.imageAt(field);
        if (image == null) return; // the layout failed (program too large), already reported
        int at = (int) (field - image.vaddr);
        for (int i = 0; i < width; i++) image.bytes[at + i] = (byte) (value >>> (8 * i));
    }
}
