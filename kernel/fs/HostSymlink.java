package fs;

/**
 * A symbolic link of a mounted host directory (see {@link HostDirFs}). The host never
 * follows it: its target, read from the host each time the guest looks the link up, is
 * interpreted by the guest's own path walker, so an absolute target names a guest path and
 * ".." steps through the guest's tree, exactly as for a link the guest made itself.
 */
final class HostSymlink extends Symlink {
    private String target;

    HostSymlink(Vfs vfs, String target) {
        super(vfs, "");
        this.target = target;
    }

    /** The target the host link has now (a host link never changes, but its inode number may be reused). */
    void setTarget(String target) {
        this.target = target;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public long dev() {
        return Vfs.HOSTFS_DEV;
    }
}
