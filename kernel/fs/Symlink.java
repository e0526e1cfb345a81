package fs;

/**
 * A symbolic link: an inode whose contents are a path. Path resolution follows it (at most
 * {@link PathWalker#MAX_SYMLINK_FOLLOWS} times per lookup, ELOOP beyond), except as the last
 * component of an lstat, unlink, rename or O_NOFOLLOW open.
 */
public class Symlink extends Inode {
    private final String target;

    /** A new, unlinked symlink to {@code target} (permissions are always 0777, as on Linux). */
    public Symlink(Vfs vfs, String target) {
        super(vfs, Mode.S_IFLNK | 0777);
        this.target = target;
    }

    /** The path the link holds, exactly as given to symlink(2). A /proc link computes it. */
    public String target() {
        return target;
    }

    @Override
    public long size() {
        return target().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
