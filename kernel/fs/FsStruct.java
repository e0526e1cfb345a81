package fs;

/**
 * A task's file-system context, as Linux's {@code fs_struct}: its root directory (changed by
 * chroot), its current working directory and its umask.
 *
 * <p><b>Sharing.</b> Reference-counted by the tasks using it: clone with CLONE_FS calls
 * {@link #share()} (a chdir in one is seen by the other); without it the child gets
 * {@link #copy()}, an independent copy. Each user calls {@link #release()} once.
 */
public final class FsStruct {
    private Directory root;
    private Directory cwd;
    private int umask;
    private int users = 1;

    /** A context with the given root, the cwd at the root, and umask 022 (Linux's default). */
    public FsStruct(Directory root) {
        this.root = root;
        this.cwd = root;
        this.umask = 022;
    }

    /** CLONE_FS: one more task uses this context; returns this. */
    public FsStruct share() {
        checkAlive();
        users++;
        return this;
    }

    /** Without CLONE_FS: an independent copy (one user) with the same root, cwd and umask. */
    public FsStruct copy() {
        checkAlive();
        FsStruct c = new FsStruct(root);
        c.cwd = cwd;
        c.umask = umask;
        return c;
    }

    /** A task stops using this context; the last user drops its directories. */
    public void release() {
        checkAlive();
        if (--users == 0) {
            root = null;
            cwd = null;
        }
    }

    /** How many tasks use this context. */
    public int users() {
        return users;
    }

    private void checkAlive() {
        if (users <= 0) throw new IllegalStateException("fs_struct already released");
    }

    /** The root directory: absolute paths start here, and ".." never climbs above it. */
    public Directory root() {
        return root;
    }

    /** The current working directory: relative paths start here. */
    public Directory cwd() {
        return cwd;
    }

    /** chdir: makes {@code dir} the current directory. */
    public void setCwd(Directory dir) {
        cwd = dir;
    }

    /** chroot: makes {@code dir} the root directory. */
    public void setRoot(Directory dir) {
        root = dir;
    }

    /** The file mode creation mask. */
    public int umask() {
        return umask;
    }

    /** umask(2): sets the mask (only its 0777 bits) and returns the old one. */
    public int setUmask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }
}
