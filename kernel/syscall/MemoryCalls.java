package syscall;

import fs.OpenFile;
import fs.Vfs;
import mm.Memfd;

/**
 * The memory calls, wired to the caller's mm.Mm: brk, mmap, munmap, mprotect, mremap,
 * msync, mincore, madvise, and memfd_create (mm.Memfd), which makes the anonymous files
 * that shared memory between processes is usually built on.
 *
 * <p>mmap of a descriptor checks first, as x86-64's sys_mmap does, that the offset is
 * page-aligned (EINVAL), then that the descriptor is open (EBADF); the rest is mm.Mmap's.
 */
public final class MemoryCalls {
    private MemoryCalls() {}

    private static final int MAP_ANONYMOUS = 0x20;
    private static final long PAGE = vm.AddressSpace.PAGE_SIZE;

    /** Registers the memory calls on {@code table}; memfd_create makes its files in {@code vfs}. */
    public static void register(SyscallTable table, Vfs vfs) {
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
        table.register(25, "mremap", (t, a) -> t.mm().mremap(a[0], a[1], a[2], (int) a[3], a[4]));
        table.register(26, "msync", (t, a) -> t.mm().msync(a[0], a[1], (int) a[2]));
        table.register(27, "mincore", (t, a) -> t.mm().mincore(a[0], a[1], a[2]));
        table.register(28, "madvise", (t, a) -> t.mm().madvise(a[0], a[1], (int) a[2]));
        table.register(319, "memfd_create", (t, a) -> Memfd.create(vfs, t.files(), t.mm(), a[0], a[1]));
    }
}
