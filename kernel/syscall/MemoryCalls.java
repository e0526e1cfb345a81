package syscall;

/**
 * The memory calls: brk, mmap, munmap, mprotect, wired to the caller's mm.Mm. mmap of a
 * descriptor that is not open fails with EBADF here, before mm sees it, as Linux checks the
 * descriptor first.
 */
public final class MemoryCalls {
    private MemoryCalls() {}

    private static final int MAP_ANONYMOUS = 0x20;

    /** Registers the memory calls on {@code table}. */
    public static void register(SyscallTable table) {
        table.register(9, "mmap", (t, a) -> {
            if ((a[3] & MAP_ANONYMOUS) == 0 && !t.files().isOpen(a[4])) return -Errno.EBADF;
            return t.mm().mmap(a[0], a[1], (int) a[2], (int) a[3], a[4], a[5]);
        });
        table.register(10, "mprotect", (t, a) -> t.mm().mprotect(a[0], a[1], (int) a[2]));
        table.register(11, "munmap", (t, a) -> t.mm().munmap(a[0], a[1]));
        table.register(12, "brk", (t, a) -> t.mm().brk(a[0]));
    }
}
