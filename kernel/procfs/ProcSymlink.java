package procfs;

import fs.Inode;
import fs.Symlink;
import fs.Vfs;
import java.util.function.Supplier;

/**
 * A /proc symbolic link whose target is computed each time it is followed or read, such as
 * /proc/self, which names the calling process's own directory.
 */
public final class ProcSymlink extends Symlink {
    private final Supplier<String> target;
    private final Supplier<Inode> jump;

    /** A link whose target {@code target} produces at each use. */
    public ProcSymlink(Vfs vfs, Supplier<String> target) {
        this(vfs, target, () -> null);
    }

    /**
     * A magic link: its target, a path, is what readlink shows, but following it leads to
     * the inode {@code jump} gives (see {@link Symlink#jump}), or nowhere (ENOENT) if that is null.
     */
    public ProcSymlink(Vfs vfs, Supplier<String> target, Supplier<Inode> jump) {
        super(vfs, "");
        setOwner(0, 0); // the kernel's, whoever looked it up first
        pinUntilRetired(); // until its process is reaped: fs.Inode#retire
        this.target = target;
        this.jump = jump;
    }

    @Override
    public String target() {
        return target.get();
    }

    @Override
    public Inode jump() {
        return jump.get();
    }

    @Override
    public long dev() {
        return Vfs.PROC_DEV;
    }

    @Override
    public int links() {
        return 1;
    }
}
