package race;

/**
 * One remembered access to a granule, kept while a later access could still race with it:
 * who made it (the thread's slot and its epoch then), which of the granule's 8 bytes it
 * touched ({@code mask}), whether it wrote and whether it was atomic, and what to print
 * about it (address, size, and the pc with the return addresses above it).
 */
final class Access {
    final int slot;
    int epoch;
    int mask;
    final boolean write, atomic;
    final long address;
    final int size;
    /** The pc of the access, then the return addresses of the frames above it. */
    long[] stack;

    Access(int slot, int epoch, int mask, boolean write, boolean atomic, long address, int size, long[] stack) {
        this.slot = slot;
        this.epoch = epoch;
        this.mask = mask;
        this.write = write;
        this.atomic = atomic;
        this.address = address;
        this.size = size;
        this.stack = stack;
    }

    /** Whether this access happens before the thread whose clock is {@code vc}. */
    boolean happensBefore(VectorClock vc) {
        return epoch <= vc.get(slot);
    }
}
