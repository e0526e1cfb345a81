package fs;

/**
 * A symbolic link: an inode whose contents are a path. Path resolution follows it (at most
 * {@link PathWalker#MAX_SYMLINK_FOLLOWS} times per lookup, ELOOP beyond), except as the last
 * component of an lstat, unlink, rename or O_NOFOLLOW open.
 *
 * <p>The target, up to 4095 bytes, is charged to the kernel's slab with the inode (tmpfs
 * keeps a long one in a page of its own); symlink(2) checks first that it fits.
 */
public class Symlink extends Inode {
    private final String target;
    private final long charged;

    /** A new, unlinked symlink to {@code target} (permissions are always 0777, as on Linux). */
    public Symlink(Vfs vfs, String target) {
        super(vfs, Mode.S_IFLNK | 0777);
        this.target = target;
        long bytes = bytesOf(target);
        this.charged = vfs.memory().charge(bytes) ? bytes : 0;
    }

    /** What a target costs in the slab: its bytes and the NUL. */
    static long bytesOf(String target) {
        return target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
    }

    @Override
    protected void evict() {
        vfs().memory().uncharge(charged);
    }

    /** The path the link holds, exactly as given to symlink(2). A /proc link computes it. */
    public String target() {
        return target;
    }

    /**
     * For a "magic" link (/proc/PID/fd/N, exe): the inode that following it reaches
     * directly, whatever its path shows (Linux's nd_jump_link), so that a deleted file or a
     * pipe can still be opened through it. Null for an ordinary link, whose target is a path.
     */
    public Inode jump() {
        return null;
    }

    @Override
    public long size() {
        return target().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
