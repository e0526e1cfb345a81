package ld;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import obj.Archive;
import obj.Executable;
import obj.LineTable;
import obj.ObjectFile;
import obj.Section;
import obj.Segment;
import obj.Symbol;

/**
 * The static linker: combines object files and the archive members they need into one
 * executable.
 *
 * <pre>
 *   Executable exe = new Linker().entry("_start").link(objects, libraries);
 * </pre>
 *
 * It works in the classic four steps: collect the global symbols of the objects; pull in
 * archive members that define symbols still undefined, repeating until nothing changes;
 * lay the sections out in memory (see {@link Layout}); then patch every relocation (see
 * {@link Relocator}). All problems are collected and reported together in one
 * {@link LinkException}. The output depends only on the inputs and their order, never on hash
 * order, so the same inputs always give the same executable, byte for byte.
 */
public final class Linker {
    /** Where text starts by default: the classic non-PIE Linux x86-64 address. */
    public static final long DEFAULT_TEXT_BASE = 0x400000;

    /**
     * Symbols the linker defines when a program uses them and no input defines them, as GNU
     * ld's default script does: the end of text, the end of initialised data, the start of
     * bss and the end of the whole image. Then the TLS template, which libc copies into every
     * thread's TLS block (what a static glibc reads from ELF's PT_TLS header): its address,
     * the size of its initialised part, the size of a block and its alignment; the last three
     * are numbers, not addresses (absolute symbols, as in a linker script's {@code PROVIDE}).
     * Last the bounds of the constructor and destructor arrays, which libc walks at start-up
     * and in {@code exit}, as a static glibc does.
     */
    static final List<String> PROVIDED = List.of("_etext", "_edata", "__bss_start", "_end",
            "__tdata_start", "__tdata_size", "__tls_size", "__tls_align",
            "__init_array_start", "__init_array_end", "__fini_array_start", "__fini_array_end");

    private String entry = "_start";
    private long textBase = DEFAULT_TEXT_BASE;

    /** Sets the symbol where execution starts (default {@code _start}); returns this linker. */
    public Linker entry(String symbol) {
        this.entry = symbol;
        return this;
    }

    /**
     * Sets the address of the text segment (default 0x400000), a multiple of the page size
     * below 2 GiB; returns this linker.
     */
    public Linker textBase(long address) {
        if (address < 0 || address % Segment.PAGE_SIZE != 0 || address >= Layout.ADDRESS_LIMIT) {
            throw new IllegalArgumentException("text base must be page-aligned and below 2 GiB: 0x" + Long.toHexString(address));
        }
        this.textBase = address;
        return this;
    }

    /**
     * Links {@code objects}, all of which are included, with whatever members of
     * {@code libraries} they need.
     *
     * @throws LinkException listing every undefined reference, duplicate definition, missing
     *         entry symbol and relocation that does not fit
     */
    public Executable link(List<ObjectFile> objects, List<Archive> libraries) throws LinkException {
        List<String> errors = new ArrayList<>();
        SymbolTable table = new SymbolTable(errors);
        List<Input> inputs = new ArrayList<>();
        for (ObjectFile o : objects) {
            Input in = new Input(o, o.name);
            inputs.add(in);
            table.add(in);
        }
        table.require(entry);
        pullArchiveMembers(libraries, table, inputs);

        Layout layout = Layout.compute(inputs, textBase, errors);
        Map<String, Long> ends = Map.ofEntries(Map.entry("_etext", layout.textEnd),
                Map.entry("_edata", layout.dataEnd), Map.entry("__bss_start", layout.bssStart),
                Map.entry("_end", layout.end), Map.entry("__tdata_start", layout.tlsStart),
                Map.entry("__tdata_size", layout.tdataSize), Map.entry("__tls_size", layout.tlsBlockSize),
                Map.entry("__tls_align", layout.tlsAlign), Map.entry("__init_array_start", layout.initArrayStart),
                Map.entry("__init_array_end", layout.initArrayEnd), Map.entry("__fini_array_start", layout.finiArrayStart),
                Map.entry("__fini_array_end", layout.finiArrayEnd));
        for (String name : PROVIDED) table.provide(name, ends.get(name));

        reportUndefined(inputs, table, errors);
        long entryAddress = entryAddress(table, layout, errors);
        Relocator relocator = new Relocator(layout, table, errors);
        for (Input in : inputs) relocator.apply(in);
        if (!errors.isEmpty()) throw new LinkException(errors);

        List<Segment> segments = new ArrayList<>();
        for (Layout.Image im : layout.images) segments.add(im.toSegment());
        return new Executable(entryAddress, segments, symbolTable(inputs, table), lineTable(inputs));
    }

    /**
     * The line tables of the objects moved to where their .text landed: the objects' code lies
     * in input order at increasing addresses, so their rows append in order, each object's
     * ended at the end of its .text (the next object may be assembly without lines).
     */
    private static LineTable lineTable(List<Input> inputs) {
        LineTable.Builder lines = new LineTable.Builder();
        for (Input in : inputs) {
            lines.addAll(in.obj.lines(), in.base[Section.Kind.TEXT.ordinal()], in.obj.section(Section.Kind.TEXT).size());
        }
        return lines.build();
    }

    /**
     * Adds archive members that define a symbol still undefined. A member may need symbols
     * of its own, perhaps from a member seen earlier or from another library, so the libraries
     * are scanned again and again until a whole pass pulls nothing (like GNU ld's
     * {@code --start-group ... --end-group}). Members are pulled in index order, which keeps the
     * result deterministic.
     */
    private static void pullArchiveMembers(List<Archive> libraries, SymbolTable table, List<Input> inputs) {
        Set<String> pulled = new LinkedHashSet<>(); // "library number:member number"
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int lib = 0; lib < libraries.size(); lib++) {
                Archive a = libraries.get(lib);
                for (Map.Entry<String, Integer> e : a.index().entrySet()) {
                    if (!table.isUndefined(e.getKey()) || !pulled.add(lib + ":" + e.getValue())) continue;
                    ObjectFile member = a.members().get(e.getValue());
                    Input in = new Input(member, a.name() + "(" + member.name + ")");
                    inputs.add(in);
                    table.add(in);
                    changed = true;
                }
            }
        }
    }

    /**
     * One message per object, function and name it uses that nothing defines, in input
     * order: "ld: prog.c: in function 'main': undefined reference to 'foo'". The object is
     * named by its source file when it records one, and the function is the one whose code
     * holds the relocation (see {@link Input#functionAt}); a reference from outside any
     * function (from data, or an undefined symbol no relocation uses) names only the object.
     */
    private static void reportUndefined(List<Input> inputs, SymbolTable table, List<String> errors) {
        for (Input in : inputs) {
            Set<String> missing = new LinkedHashSet<>();
            for (String name : in.externalReferences()) if (table.resolve(in, name) == null) missing.add(name);
            if (missing.isEmpty()) continue;
            String file = in.obj.source().isEmpty() ? in.displayName : in.obj.source();
            Set<String> reported = new LinkedHashSet<>(); // "function\0name"
            Set<String> fromCode = new LinkedHashSet<>();
            for (obj.Relocation r : in.obj.relocations()) {
                if (!missing.contains(r.symbol)) continue;
                Symbol fn = in.functionAt(r.section, r.offset);
                if (fn == null) continue;
                fromCode.add(r.symbol);
                if (reported.add(fn.name + "\0" + r.symbol)) {
                    errors.add("ld: " + file + ": in function '" + fn.name + "': undefined reference to '" + r.symbol + "'");
                }
            }
            for (String name : missing) {
                if (!fromCode.contains(name)) errors.add("ld: " + file + ": undefined reference to '" + name + "'");
            }
        }
    }

    /** The entry symbol's address; it must be a global symbol on an instruction in .text. Returns 0 after an error. */
    private long entryAddress(SymbolTable table, Layout layout, List<String> errors) {
        SymbolTable.Definition d = table.global(entry);
        if (d == null) {
            errors.add("ld: entry symbol '" + entry + "' is not defined");
            return 0;
        }
        if (d.symbol().section != Section.Kind.TEXT) {
            errors.add("ld: " + d.input().displayName + ": entry symbol '" + entry + "' is in "
                    + d.symbol().section.sectionName() + ", not .text");
            return 0;
        }
        if (layout.imageAt(d.address()) == null && layout.end <= Layout.ADDRESS_LIMIT) {
            errors.add("ld: " + d.input().displayName + ": entry symbol '" + entry + "' is at the end of .text, with no code after it");
            return 0;
        }
        return d.address();
    }

    /**
     * The executable's symbol table: every symbol each input defines, locals included, with
     * its final address, in input order; then the linker-provided symbols that were used.
     * Assembler-internal labels ({@code .L...}) are left out, as GNU as does, so that they do
     * not hide function names in backtraces.
     */
    private static List<Symbol> symbolTable(List<Input> inputs, SymbolTable table) {
        List<Symbol> out = new ArrayList<>();
        for (Input in : inputs) {
            for (Symbol s : in.obj.symbols()) {
                if (s.isUndefined() || s.name.startsWith(".L")) continue;
                out.add(new Symbol(s.name, null, in.address(s), s.size, s.binding, s.type));
            }
        }
        for (Map.Entry<String, Long> e : table.provided().entrySet()) {
            out.add(new Symbol(e.getKey(), null, e.getValue(), 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE));
        }
        return out;
    }
}
