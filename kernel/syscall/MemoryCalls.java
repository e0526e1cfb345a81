package syscall;

import fs.OpenFile;

/**
 * The memory calls: brk, mmap, munmap, mprotect, wired to the caller's mm.Mm.
 *
 * <p>mmap of a descriptor checks first, as x86-64's sys_mmap does, that the offset is
 * page-aligned (EINVAL), then that the descriptor is open (EBADF); the rest is mm.Mmap's.
 */
public final class MemoryCalls {
    private MemoryCalls() {}

    private static final int MAP_ANONYMOUS = 0x20;
    private static final long PAGE = vm.AddressSpace.PAGE_SIZE;

    /** Registers the memory calls on {@code table}. */
    public static void register(SyscallTable table) {
        table.register(9, "mmap", (t, a) -> {
            int flags = (int) a[3];
            if ((flags & MAP_ANONYMOUS) != 0) return t.mm().mmap(a[0], a[1], (int) a[2], flags, a[4], a[5]);
            if ((a[5] & (PAGE - 1)) != 0) return -Errno.EINVAL;
            OpenFile file = t.files().get((int) a[4]); // Linux takes fd as an unsigned int
            if (file == null) return -Errno.EBADF;
            return t.mm().mmapFile(a[0], a[1], (int) a[2], flags, file, a[5]);
        });
        table.register(10, "mprotect", (t, a) -> t.mm().mprotect(a[0], a[1], (int) a[2]));
        table.register(11, "munmap", (t, a) -> t.mm().munmap(a[0], a[1]));
        table.register(12, "brk", (t, a) -> t.mm().brk(a[0]));
    }
}
