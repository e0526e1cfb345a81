package cc;

/**
 * Dynamic stack allocation, for {@code alloca} (and for anything else whose size is known
 * only at run time): memory carved off the stack below the frame, freed when the function
 * returns.
 *
 * <p>The frame (locals, spill slots) is addressed from fp, so moving sp does not disturb it;
 * calls address their stack arguments from sp, so they go below the allocation. The only
 * code that assumes sp is at the bottom of the frame is the epilogue, which therefore
 * resets sp from fp in a function that allocated ({@link Codegen#dynamicStack}).
 */
final class StackAlloc {
    private StackAlloc() {}

    /**
     * Emits the allocation of the number of bytes held in register {@code r}, rounded up to
     * a multiple of 16 so that sp stays aligned for calls (and the block is aligned for any
     * type), and leaves the block's address in {@code r}.
     */
    static void allocate(Codegen g, String r) {
        g.emit("addi\t" + r + ", " + r + ", 15");
        g.emit("andi\t" + r + ", " + r + ", -16");
        g.emit("sub\tsp, sp, " + r);
        g.emit("mv\t" + r + ", sp");
        g.dynamicStack = true;
    }
}
