package exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import obj.Segment;
import vm.AddressSpace;
import vm.Pte;

/**
 * Puts an executable into an empty address space and builds the initial user stack, the
 * way Linux's ELF loader does for execve: each segment becomes pages with the segment's
 * permissions, the file bytes are copied in, the rest (bss) stays zero, and the stack holds
 * argc, argv, envp and an auxiliary vector.
 *
 * <p>Called by the bare-machine runner and by the kernel's execve. The caller owns the
 * address space; on failure the loader may leave some pages mapped, and the caller is
 * expected to {@link AddressSpace#clear()} it.
 */
public final class Loader {
    private Loader() {}

    /** Top of the user stack: just below 2^47, as on Linux x86-64. */
    public static final long STACK_TOP = 0x7fff_ffff_f000L;
    /** Pages mapped for the initial stack. */
    public static final long STACK_PAGES = 64;

    /** Auxiliary vector types, as Linux numbers them. */
    public static final long AT_NULL = 0, AT_PAGESZ = 6, AT_ENTRY = 9;

    /** Why loading failed; execve turns it into ENOMEM, ENOEXEC or E2BIG. */
    public enum Reason { OUT_OF_MEMORY, BAD_IMAGE, ARGUMENTS_TOO_LONG }

    /** The loader ran out of physical memory or met a segment it cannot map. */
    public static final class LoadException extends Exception {
        private final Reason reason;

        /** A failure for a bad image. */
        public LoadException(String message) {
            this(Reason.BAD_IMAGE, message);
        }

        /** A failure for the given reason. */
        public LoadException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** Why loading failed. */
        public Reason reason() {
            return reason;
        }
    }

    /** Where the program starts: its entry point, first stack pointer and program break. */
    public record Image(long entry, long stackPointer, long brk) {}

    /**
     * Maps every segment of {@code exe} into {@code mm}, maps a stack with {@code argv} and
     * {@code envp} on it, and returns the entry point, stack pointer and initial break (the
     * first page above the highest segment).
     */
    public static Image load(Executable exe, AddressSpace mm, List<String> argv, List<String> envp)
            throws LoadException {
        long brk = 0;
        for (Segment s : exe.segments()) {
            mapSegment(mm, s);
            brk = Math.max(brk, pageUp(s.end()));
        }
        long sp = buildStack(mm, exe.entry(), argv, envp);
        return new Image(exe.entry(), sp, brk);
    }

    /** Maps one segment: writable while its bytes are copied in, then its real permissions. */
    private static void mapSegment(AddressSpace mm, Segment s) throws LoadException {
        if (s.vaddr() % AddressSpace.PAGE_SIZE != 0) {
            throw new LoadException(String.format("segment at 0x%x is not page-aligned", s.vaddr()));
        }
        long pages = pageUp(s.memSize()) / AddressSpace.PAGE_SIZE;
        if (!mm.map(s.vaddr(), pages, Pte.READ | Pte.WRITE)) throw new LoadException(Reason.OUT_OF_MEMORY, "out of memory");
        byte[] data = s.data();
        if (mm.copyOut(s.vaddr(), data, 0, data.length) != AddressSpace.NO_FAULT) {
            throw new LoadException(String.format("cannot write segment at 0x%x", s.vaddr()));
        }
        long perms = (s.readable() ? Pte.READ : 0) | (s.writable() ? Pte.WRITE : 0) | (s.executable() ? Pte.EXEC : 0);
        mm.protect(s.vaddr(), pages, perms);
    }

    /**
     * Builds the initial stack as the System V ABI lays it out (and as crt0 expects):
     * <pre>
     *   sp -> argc
     *         argv[0] .. argv[argc-1], NULL
     *         envp[0] .. envp[n-1], NULL
     *         auxv pairs (AT_PAGESZ, AT_ENTRY), AT_NULL
     *         ... the strings themselves, near the top
     * </pre>
     * sp is 16-byte aligned.
     */
    private static long buildStack(AddressSpace mm, long entry, List<String> argv, List<String> envp)
            throws LoadException {
        long bottom = STACK_TOP - STACK_PAGES * AddressSpace.PAGE_SIZE;
        if (!mm.map(bottom, STACK_PAGES, Pte.READ | Pte.WRITE)) throw new LoadException(Reason.OUT_OF_MEMORY, "out of memory");
        long p = STACK_TOP;
        List<Long> argPtrs = new ArrayList<>();
        List<Long> envPtrs = new ArrayList<>();
        for (String s : envp) envPtrs.add(p = pushString(mm, p, s, bottom));
        for (String s : argv) argPtrs.add(p = pushString(mm, p, s, bottom));
        // Words: argc, argv..., NULL, envp..., NULL, two aux pairs, AT_NULL pair.
        List<Long> words = new ArrayList<>();
        words.add((long) argv.size());
        words.addAll(argPtrs);
        words.add(0L);
        words.addAll(envPtrs);
        words.add(0L);
        words.add(AT_PAGESZ);
        words.add((long) AddressSpace.PAGE_SIZE);
        words.add(AT_ENTRY);
        words.add(entry);
        words.add(AT_NULL);
        words.add(0L);
        long sp = (p - 8L * words.size()) & ~15L;
        if (sp < bottom) throw new LoadException(Reason.ARGUMENTS_TOO_LONG, "arguments do not fit on the stack");
        byte[] block = new byte[8 * words.size()];
        for (int i = 0; i < words.size(); i++) putLong(block, 8 * i, words.get(i));
        if (mm.copyOut(sp, block, 0, block.length) != AddressSpace.NO_FAULT) throw new LoadException("stack fault");
        return sp;
    }

    /** Copies a NUL-terminated string just below {@code top}; returns its address. */
    private static long pushString(AddressSpace mm, long top, String s, long bottom) throws LoadException {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
        long at = top - b.length;
        if (at < bottom + 4096) throw new LoadException(Reason.ARGUMENTS_TOO_LONG, "arguments do not fit on the stack");
        if (mm.copyOut(at, b, 0, b.length) != AddressSpace.NO_FAULT) throw new LoadException("stack fault");
        return at;
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static long pageUp(long x) {
        return (x + AddressSpace.PAGE_SIZE - 1) & -(long) AddressSpace.PAGE_SIZE;
    }
}
