package syscall;

import fs.PathWalker;
import fs.UserMemory;
import mm.Mm;
import mm.MmException;

/** The calling task's address space as the file system calls see it (fs.UserMemory over mm.Mm). */
public final class MmUserMemory implements UserMemory {
    private final Mm mm;

    /** User memory of {@code mm}. */
    public MmUserMemory(Mm mm) {
        this.mm = mm;
    }

    @Override
    public long copyIn(long va, byte[] dst, int off, int len) {
        return mm.copyIn(va, dst, off, len);
    }

    @Override
    public long copyOut(long va, byte[] src, int off, int len) {
        return mm.copyOut(va, src, off, len);
    }

    @Override
    public String readPath(long va) throws PathFault {
        try {
            return mm.readCString(va, PathWalker.PATH_MAX - 1);
        } catch (MmException e) {
            throw new PathFault(e.errno());
        }
    }
}
