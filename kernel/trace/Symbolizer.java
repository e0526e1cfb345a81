package trace;

import fs.FileContents;
import fs.FsException;
import fs.Inode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import mm.Mm;
import obj.Executable;
import obj.ExecutableFormat;
import obj.FormatException;
import obj.Segment;
import obj.SymbolOffset;
import task.Task;
import vm.AddressSpace;
import vm.Isa;
import vm.MemoryFault;

/**
 * Names the addresses of a program for people: code as "function file:line" or
 * "function+0x1c", data as "counter" or "buf+16", and the return addresses of a stack as a
 * backtrace. The kernel's reports (a fatal signal, a deadlock, a data race, strace -k) and
 * the host tools use it.
 *
 * <p>The symbols and lines come from the executable's symbol table and line table
 * (obj.LineTable), which the loader never reads
 * (docs/executable.md): a task's symbolizer is read from the file its mm was made from
 * (Linux's mm->exe_file) the first time it is asked for, and cached per file, so a report
 * costs nothing until it is made. The cache holds the file weakly and is checked against
 * its modification time and size: a rewritten program is read again. Linux refuses to write
 * a running program (ETXTBSY) and Clonix does not, so a program rewritten while it runs is
 * described by its new contents.
 *
 * <p>A symbolizer is immutable, and the cache is synchronized, so machines running on
 * several host threads may share them.
 */
public final class Symbolizer {
    /** How the boot image names the C library's sources (image.BootImageBuilder): code from them is libc's. */
    public static final String LIBC_SOURCES = "userland/lib/";

    /** Knows no symbols: every address is described by its number. */
    private static final Symbolizer NONE = new Symbolizer(null);

    /** A program file's symbolizer and the state of the file it was read from. */
    private record Cached(long mtime, long size, Symbolizer symbolizer) {}

    private static final Map<Inode, Cached> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** The executable's symbols and segment layout, without the segments' contents; null for none. */
    private final Executable exe;

    private Symbolizer(Executable exe) {
        this.exe = exe;
    }

    /** The symbols and line table of the executable task t runs (cached per executable); never null. */
    public static Symbolizer of(Task t) {
        Mm mm = t.mm();
        if (mm == null || mm.exeFile() == null) return NONE;
        Inode file = mm.exeFile().inode();
        Cached c = CACHE.get(file);
        if (c != null && c.mtime == file.mtime() && c.size == file.size()) return c.symbolizer;
        Symbolizer s;
        try {
            s = of(ExecutableFormat.read("the program", FileContents.of(file)));
        } catch (FsException | FormatException e) {
            s = NONE; // no longer readable or no longer a program: describe by numbers
        }
        CACHE.put(file, new Cached(file.mtime(), file.size(), s));
        return s;
    }

    /** The symbolizer of an executable the caller holds (the host tools, tests). */
    public static Symbolizer of(Executable exe) {
        List<Segment> layout = new ArrayList<>();
        for (Segment seg : exe.segments()) layout.add(new Segment(seg.vaddr(), seg.memSize(), new byte[0], seg.flags()));
        return new Symbolizer(new Executable(exe.entry(), layout, exe.symbols(), exe.lines()));
    }

    /** "worker race.c:12" (function and source line), "worker+0x1c" without line info, "0x401234" without a symbol. */
    public String where(long pc) {
        Optional<SourceLine> line = line(pc);
        if (line.isPresent()) return describe(line.get());
        return symbolOffset(pc).orElse(hex(pc));
    }

    /** The source line of pc, if the executable has a line table covering it. */
    public Optional<SourceLine> line(long pc) {
        if (exe == null) return Optional.empty();
        return exe.lines().lookup(pc).map(l -> new SourceLine(l.file(), l.line(),
                exe.symbolAt(pc).map(s -> s.symbol().name).orElse("")));
    }

    /** The code symbol and offset of pc, "worker+0x1c" ("worker" at its first byte), as objdump and strace -k print it. */
    public Optional<String> symbolOffset(long pc) {
        if (exe == null) return Optional.empty();
        return exe.symbolAt(pc).map(SymbolOffset::toString);
    }

    /** The data symbol holding addr: "counter", "buf+16", or empty (heap, stack). */
    public Optional<String> dataSymbol(long addr) {
        if (exe == null) return Optional.empty();
        Segment seg = exe.segmentAt(addr);
        if (seg == null || seg.executable()) return Optional.empty();
        return exe.symbolAt(addr).map(s -> s.offset() == 0 ? s.symbol().name : s.symbol().name + "+" + s.offset());
    }

    /**
     * Each frame of a {@link #backtrace} described as {@link #where} does, newest first. The
     * frames after the first are return addresses, so their source line is looked up at the
     * call instruction just before (as gdb does): the line of the call, not of what follows
     * it. Their symbol offset stays the return address's, as in gdb's and strace's frames.
     */
    public List<String> describe(long[] frames) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            Optional<SourceLine> line = frameLine(frames, i);
            out.add(line.isPresent() ? describe(line.get()) : symbolOffset(frames[i]).orElse(hex(frames[i])));
        }
        return out;
    }

    /**
     * The innermost frame of a {@link #backtrace} in the program's own code, described as
     * {@link #where} does ("main deadlock.c:17"): the first with a source line outside the C
     * library ({@link #LIBC_SOURCES}), which is where the program called into libc. Empty if
     * no frame has such a line (a program without a line table).
     */
    public Optional<String> ownFrame(long[] frames) {
        for (int i = 0; i < frames.length; i++) {
            Optional<SourceLine> line = frameLine(frames, i);
            if (line.isPresent() && !line.get().file().startsWith(LIBC_SOURCES)) return Optional.of(describe(line.get()));
        }
        return Optional.empty();
    }

    /** The line of frame i: at the pc for the first, at the call before the return address for the others. */
    private Optional<SourceLine> frameLine(long[] frames, int i) {
        return line(i == 0 ? frames[i] : frames[i] - Isa.INSN_BYTES);
    }

    /**
     * Return addresses up the frame-pointer chain of t from (pc, fp), pc first, at most max;
     * stops at a bad frame.
     *
     * <p>The code generator's frame (src/cc/Codegen.java) keeps the return address at fp-8
     * and the caller's fp at fp-16, so the chain is followed by two loads per frame. It ends
     * at a zero fp (the outermost frame, _start's), a zero return address, a frame that
     * cannot be read, or a caller's fp that is not above this one (a stack grows down, so a
     * corrupt chain that loops or descends is cut off there). The walk reads the task's page
     * table directly and never faults a page in, so it changes nothing the guest can see.
     *
     * <p>Without the ra register this cannot see the caller of a function that has not set
     * up a frame of its own (libc's assembly, such as the system-call stub, or code stopped
     * in a prologue): use {@link #backtrace(Task, long, long, long, int)} when ra is known.
     */
    public static long[] backtrace(Task t, long pc, long fp, int max) {
        return walk(t, pc, fp, 0, max);
    }

    /**
     * {@link #backtrace(Task, long, long, int)} with the ra register too, so that a function
     * without a frame of its own still shows its caller. A function whose frame is set up has
     * stored ra at fp-8; if the word there is not ra, and ra does not point into the
     * function at pc (where a call it made has returned to), then the function at pc has no
     * frame yet, or no longer has one, and ra is the return address into its caller. This
     * needs no frame tables: it holds for a frameless leaf, for a prologue before it sets fp
     * and for an epilogue after it has reloaded fp.
     */
    public static long[] backtrace(Task t, long pc, long fp, long ra, int max) {
        return walk(t, pc, fp, ra, max);
    }

    /** The walk of both backtraces; {@code ra} 0 when unknown. */
    private static long[] walk(Task t, long pc, long fp, long ra, int max) {
        if (max <= 0) return new long[0];
        long[] frames = new long[max];
        int n = 0;
        frames[n++] = pc;
        Mm mm = t.mm();
        AddressSpace as = mm == null ? null : mm.addressSpace();
        if (as == null) return Arrays.copyOf(frames, n);
        if (ra != 0 && n < max
                && (of(t).recursedBeforeFrame(as, pc, ra) || !savedAt(as, fp, ra) && !of(t).sameFunction(pc, ra))) {
            frames[n++] = ra;
        }
        while (n < max && fp != 0 && (fp & 7) == 0) {
            long saved, callerFp;
            try {
                saved = as.read64(fp - 8);
                callerFp = as.read64(fp - 16);
            } catch (MemoryFault e) {
                break;
            }
            if (saved == 0) break;
            frames[n++] = saved;
            if (Long.compareUnsigned(callerFp, fp) <= 0) break;
            fp = callerFp;
        }
        return Arrays.copyOf(frames, n);
    }

    /** True if the frame at {@code fp} holds {@code ra} as its return address. */
    private static boolean savedAt(AddressSpace as, long fp, long ra) {
        try {
            return fp != 0 && as.read64(fp - 8) == ra;
        } catch (MemoryFault e) {
            return false;
        }
    }

    /** True if a symbol covers both addresses: a return address inside the function itself. */
    private boolean sameFunction(long pc, long ra) {
        if (exe == null) return false;
        Optional<SymbolOffset> a = exe.symbolAt(pc), b = exe.symbolAt(ra);
        return a.isPresent() && b.isPresent() && a.get().symbol() == b.get().symbol();
    }

    /**
     * True if {@code ra} is the return address of a call that the function at {@code pc}
     * made to itself, and that function has not set up its frame before pc (no
     * {@code addi fp, sp, N} between its start and pc): a recursive call stopped in the
     * early returns that the code generator puts ahead of the prologue. ra is then the
     * caller's return point, although it points into the function itself, and the caller's
     * frame at fp holds that same address as its own return address, which is why neither
     * {@link #savedAt} nor {@link #sameFunction} can tell. Code that cannot be read counts as
     * not this case.
     */
    private boolean recursedBeforeFrame(AddressSpace as, long pc, long ra) {
        if (!sameFunction(pc, ra)) return false;
        long start = exe.symbolAt(pc).orElseThrow().symbol().value;
        try {
            long call = as.read64(ra - Isa.INSN_BYTES);
            if (Isa.op(call) != Isa.JAL || Isa.rd(call) != Isa.RA || ra - Isa.INSN_BYTES + Isa.imm(call) != start) return false;
            for (long a = start; a < pc; a += Isa.INSN_BYTES) {
                long w = as.read64(a);
                if (Isa.op(w) == Isa.ADDI && Isa.rd(w) == Isa.FP && Isa.rs1(w) == Isa.SP) return false;
            }
            return true;
        } catch (MemoryFault e) {
            return false;
        }
    }

    private static String describe(SourceLine line) {
        return line.function().isEmpty() ? line.toString() : line.function() + " " + line;
    }

    private static String hex(long addr) {
        return "0x" + Long.toHexString(addr);
    }
}
