package fs;

/**
 * A name by which a file was reached, as much of Linux's {@code struct dentry} as is needed
 * to print it again later: the directory it was found in, the name there, and the inode.
 * An open file keeps the one it was opened by, and an mm the one of its program, so that
 * /proc/PID/fd/N and /proc/PID/exe can show a path (Linux's d_path).
 *
 * <p>A rename within the directory is noticed the next time the path is asked for (the new
 * name is found among the directory's entries and kept), so that a later unlink shows the
 * latest name followed by " (deleted)", as Linux's dentry, which a rename moves, does.
 * Every open of a file by the same name shares one Dentry ({@link #of}), so all of them
 * see what one noticed.
 */
public final class Dentry {
    private final Directory parent;
    private final Inode inode;
    private String name;

    private Dentry(Directory parent, String name, Inode inode) {
        this.parent = parent;
        this.name = name;
        this.inode = inode;
    }

    /** The name {@code name} in {@code parent} for {@code inode}: the inode's last one if it is that name. */
    static Dentry of(Directory parent, String name, Inode inode) {
        Dentry last = inode.lastDentry;
        if (last != null && last.parent == parent && last.name.equals(name)) return last;
        inode.lastDentry = new Dentry(parent, name, inode);
        return inode.lastDentry;
    }

    /** The file this name is for. */
    public Inode inode() {
        return inode;
    }

    /**
     * The path of the file seen from {@code root}, as d_path prints it: " (deleted)" after it
     * once the file has no name in its directory any more. A directory is printed from its
     * own place in the tree.
     */
    public String path(Directory root) {
        if (inode instanceof Directory d) {
            String p = PathWalker.pathOf(d, root);
            return d.isDead() ? p + " (deleted)" : p;
        }
        String current = currentName();
        if (current != null) name = current;
        String dir = PathWalker.pathOf(parent, root);
        String p = (dir.equals("/") ? "" : dir) + "/" + name;
        return current == null || parent.isDead() ? p + " (deleted)" : p;
    }

    /** The name the inode has in {@code parent} now, or null if it has none there. */
    private String currentName() {
        try {
            if (parent.lookup(name) == inode) return name;
            for (Directory.Entry e : parent.entries()) if (e.inode() == inode) return e.name();
        } catch (FsException e) {
            // A directory that cannot be read any more (a vanished host directory): no name.
        }
        return null;
    }
}
