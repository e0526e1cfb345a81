package syscall;

import fs.OpenFile;

/**
 * The memory calls: brk, mmap, munmap, mprotect, wired to the caller's mm.Mm.
 *
 * <p>Clonix maps no files, only anonymous memory, so mmap of a descriptor always fails; it
 * fails as Linux's would for the same arguments up to the point where Linux would ask the
 * file to map itself (ENODEV for a file that cannot): an unaligned offset (EINVAL, checked
 * first by x86-64's sys_mmap), a descriptor that is not open (EBADF), a length of 0
 * (EINVAL) or one that overflows when rounded to pages (ENOMEM), a mapping type that is
 * none of MAP_SHARED, MAP_SHARED_VALIDATE and MAP_PRIVATE (EINVAL), a shared writable
 * mapping of a descriptor not open for writing or any mapping of one not open for reading
 * (EACCES); then ENODEV.
 */
public final class MemoryCalls {
    private MemoryCalls() {}

    private static final int MAP_SHARED = 0x01, MAP_SHARED_VALIDATE = 0x03, MAP_PRIVATE = 0x02, MAP_TYPE = 0x0f,
            MAP_ANONYMOUS = 0x20, PROT_WRITE = 0x2;
    private static final long PAGE = vm.AddressSpace.PAGE_SIZE;

    /** Registers the memory calls on {@code table}. */
    public static void register(SyscallTable table) {
        table.register(9, "mmap", (t, a) -> {
            int flags = (int) a[3];
            if ((flags & MAP_ANONYMOUS) == 0) return fileMapping(t.files().get((int) a[4]), a[1], (int) a[2], flags, a[5]);
            return t.mm().mmap(a[0], a[1], (int) a[2], flags, a[4], a[5]);
        });
        table.register(10, "mprotect", (t, a) -> t.mm().mprotect(a[0], a[1], (int) a[2]));
        table.register(11, "munmap", (t, a) -> t.mm().munmap(a[0], a[1]));
        table.register(12, "brk", (t, a) -> t.mm().brk(a[0]));
    }

    /** mmap of descriptor {@code file} (null: not open): the errno Linux gives, in its order (see the class comment). */
    private static long fileMapping(OpenFile file, long length, int prot, int flags, long offset) {
        if ((offset & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (file == null) return -Errno.EBADF;
        if (length == 0) return -Errno.EINVAL;
        if (Long.compareUnsigned(length, -PAGE) > 0) return -Errno.ENOMEM; // rounding up to pages overflows
        int type = flags & MAP_TYPE;
        if (type != MAP_SHARED && type != MAP_SHARED_VALIDATE && type != MAP_PRIVATE) return -Errno.EINVAL;
        if (type != MAP_PRIVATE && (prot & PROT_WRITE) != 0 && !file.isWritable()) return -Errno.EACCES;
        if (!file.isReadable()) return -Errno.EACCES;
        return -Errno.ENODEV;
    }
}
