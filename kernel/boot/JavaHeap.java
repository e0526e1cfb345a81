package boot;

/**
 * How much Java heap a machine needs, so that Clonix refuses at boot a --mem the JVM could
 * not hold rather than dying of OutOfMemoryError when a guest fills its memory, and runs no
 * more machines side by side ({@code clonix explore}'s jobs, the shell's explore and replay
 * beside the session's own machine) than the heap holds when every guest fills its memory.
 *
 * <p>Everything a guest can multiply is paid for in the machine's frames (docs/kernel.md,
 * "Budgets"), so the heap a full machine takes is its frames times what a frame costs the
 * host, plus what the kernel holds whatever the guest does. The figures were measured by
 * allocating many of each object in a JVM and comparing the heap in use after a full GC
 * ({@code Runtime.totalMemory() - freeMemory()}) before and after, divided by the count:
 * a frame of data costs 4,130 bytes (its array and header) and 17 more of bookkeeping; a
 * frame of shared anonymous memory 72 more for its index entry; a page-table frame 4,137;
 * and every object charged to the slab costs the host less than its charge (a VMA 116 bytes
 * for 200 charged, a pipe with its two descriptions 386 for 1,413, a file and its name 482
 * for 792, a queued signal 78 for 80, a 255-byte hard link 352 for 448).
 */
public final class JavaHeap {
    /** Host bytes per frame of the machine, the largest measured cost rounded up (3% above 4096). */
    static final long HOST_BYTES_PER_FRAME = 4224;
    /**
     * Host bytes the kernel needs beyond its frames: the boot image as loaded from the jar
     * (3.4 MB), the shell and the compiler, and the copies exec makes of the largest
     * possible program (the file's bytes and the parsed image: twice RegularFile.MAX_SIZE).
     */
    static final long FIXED_BYTES = 192L << 20;

    private JavaHeap() {}

    /** The heap, in MiB, a machine of {@code memMiB} MiB needs. */
    public static long neededMiB(long memMiB) {
        long frames = (memMiB << 20) / vm.PhysicalMemory.FRAME_SIZE;
        return (frames * HOST_BYTES_PER_FRAME + FIXED_BYTES + (1 << 20) - 1) >> 20;
    }

    /**
     * Null if a heap of {@code maxHeapBytes} (the JVM's Runtime.maxMemory()) holds a machine of
     * {@code memMiB} MiB; otherwise the one line that refuses it and says what to do.
     */
    public static String refusal(long memMiB, long maxHeapBytes) {
        long needed = neededMiB(memMiB);
        if (maxHeapBytes >= needed << 20) return null;
        return "--mem " + memMiB + " MiB needs a Java heap of at least " + needed
                + " MiB (this JVM has " + (maxHeapBytes >> 20) + " MiB); set CLONIX_JAVA_OPTS=-Xmx" + needed + "m";
    }

    /**
     * How many machines of {@code memMiB} MiB a heap of {@code maxHeapBytes} holds beside
     * {@code otherMachines} machines of {@code otherMiB} MiB each that are already running
     * (0 or more): the most that may run at once if every guest may fill its memory.
     */
    public static int machinesThatFit(long memMiB, long maxHeapBytes, int otherMachines, long otherMiB) {
        long free = (maxHeapBytes >> 20) - otherMachines * neededMiB(otherMiB);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, free / neededMiB(memMiB)));
    }

    /**
     * The one line saying that {@code requested} jobs of machines of {@code memMiB} MiB were
     * lowered to {@code fit} (see {@link #machinesThatFit}, with the same other machines),
     * and which -Xmx would run them all.
     */
    public static String lowered(int requested, int fit, long memMiB, long maxHeapBytes, int otherMachines, long otherMiB) {
        long needed = requested * neededMiB(memMiB) + otherMachines * neededMiB(otherMiB);
        return "--jobs " + requested + " lowered to " + fit + ": a Java heap of " + (maxHeapBytes >> 20) + " MiB holds "
                + fit + " machine(s) of " + memMiB + " MiB at a time" + (otherMachines > 0 ? " beside the session's" : "")
                + "; CLONIX_JAVA_OPTS=-Xmx" + needed + "m would hold " + requested;
    }
}
