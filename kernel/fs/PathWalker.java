package fs;

import java.util.ArrayList;
import java.util.List;
import syscall.Errno;

/**
 * Path resolution, Linux's namei: turns a path into an inode, starting at the root for an
 * absolute path and at a start directory (the cwd, or a dirfd's directory) otherwise.
 *
 * <p>The rules, all Linux's: an empty path is ENOENT; a path of {@link #PATH_MAX} bytes or
 * more, or a component longer than {@link #NAME_MAX}, is ENAMETOOLONG; repeated slashes
 * count as one; "." stays, ".." goes to the parent but never above the caller's root; a
 * non-directory in the middle of a path is ENOTDIR, and so is a trailing slash after a
 * non-directory; symbolic links are followed, ELOOP after {@link #MAX_SYMLINK_FOLLOWS};
 * a "magic" link of /proc leads straight to its inode ({@link Symlink#jump}).
 */
public final class PathWalker {
    /** Maximal path length including the terminating NUL, as Linux's PATH_MAX. */
    public static final int PATH_MAX = 4096;
    /** Maximal length of one component, as Linux's NAME_MAX. */
    public static final int NAME_MAX = 255;
    /** How many symlinks one lookup may follow, as Linux's MAXSYMLINKS. */
    public static final int MAX_SYMLINK_FOLLOWS = 40;

    private PathWalker() {}

    /**
     * The last component of a path and the directory that should contain it, for calls that
     * create or remove names. {@code name} may be "." or ".." (callers refuse those), and
     * {@code trailingSlash} says the path ended with '/'.
     */
    public record Parent(Directory dir, String name, boolean trailingSlash) {}

    /** Resolves {@code path}; {@code followLast} says whether a final symlink is followed. */
    public static Inode resolve(FsStruct fs, Directory start, String path, boolean followLast)
            throws FsException {
        return walk(fs, start, path, followLast, new int[1]);
    }

    /** Resolves all but the last component of {@code path}, which must be a directory. */
    public static Parent resolveParent(FsStruct fs, Directory start, String path) throws FsException {
        checkLength(path);
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        boolean trailingSlash = end < path.length();
        String trimmed = path.substring(0, end);
        int slash = trimmed.lastIndexOf('/');
        String name = trimmed.substring(slash + 1);
        if (trimmed.equals("/")) name = ".";
        if (name.length() > NAME_MAX) throw new FsException(Errno.ENAMETOOLONG);
        Inode dir;
        if (slash < 0) {
            dir = start;
        } else {
            dir = walk(fs, start, slash == 0 ? "/" : trimmed.substring(0, slash), true, new int[1]);
        }
        if (!(dir instanceof Directory d)) throw new FsException(Errno.ENOTDIR);
        return new Parent(d, name, trailingSlash);
    }

    /**
     * The name by which {@code path} reaches {@code inode} (which resolving it with symlinks
     * followed gave): the directory and name of the last link in the chain, for /proc's fd
     * and exe links. Null if the path no longer leads there.
     */
    public static Dentry locate(FsStruct fs, Directory start, String path, Inode inode) throws FsException {
        for (int i = 0; i <= MAX_SYMLINK_FOLLOWS; i++) {
            Parent p = resolveParent(fs, start, path);
            Inode entry = p.name().equals(".") || p.name().equals("..") ? null : p.dir().lookup(p.name());
            if (entry == inode) return Dentry.of(p.dir(), p.name(), inode);
            if (!(entry instanceof Symlink link)) return null;
            start = p.dir();
            path = link.target();
        }
        return null;
    }

    private static void checkLength(String path) throws FsException {
        if (path.isEmpty()) throw new FsException(Errno.ENOENT);
        if (path.length() >= PATH_MAX) throw new FsException(Errno.ENAMETOOLONG);
    }

    private static Inode walk(FsStruct fs, Directory start, String path, boolean followLast, int[] follows)
            throws FsException {
        checkLength(path);
        List<String> parts = components(path);
        boolean trailingSlash = path.endsWith("/");
        Inode node = path.startsWith("/") ? fs.root() : start;
        for (int i = 0; i < parts.size(); i++) {
            if (!(node instanceof Directory dir)) throw new FsException(Errno.ENOTDIR);
            String name = parts.get(i);
            if (name.length() > NAME_MAX) throw new FsException(Errno.ENAMETOOLONG);
            boolean last = i == parts.size() - 1;
            Inode next;
            if (name.equals(".")) {
                next = dir;
            } else if (name.equals("..")) {
                next = dir == fs.root() ? dir : dir.parent();
            } else {
                next = dir.lookup(name);
                if (next == null) throw new FsException(Errno.ENOENT);
            }
            if (next instanceof Symlink link && (!last || followLast || trailingSlash)) {
                if (++follows[0] > MAX_SYMLINK_FOLLOWS) throw new FsException(Errno.ELOOP);
                Inode jumped = link.jump();
                next = jumped != null ? jumped : walk(fs, dir, link.target(), true, follows);
            }
            node = next;
        }
        if (trailingSlash && !(node instanceof Directory)) throw new FsException(Errno.ENOTDIR);
        return node;
    }

    /** The non-empty components of a path: "//a/./b/" gives [a, ., b]. */
    static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) if (!p.isEmpty()) parts.add(p);
        return parts;
    }

    /**
     * The absolute path of {@code dir} as seen from {@code root} (getcwd): its names from
     * {@code root} down. A directory outside {@code root} is shown from the real root, as
     * Linux does for a cwd outside a chroot.
     */
    public static String pathOf(Directory dir, Directory root) {
        List<String> names = new ArrayList<>();
        Directory d = dir;
        while (d != root && d.parent() != d) {
            names.add(d.name());
            d = d.parent();
        }
        if (names.isEmpty()) return "/";
        StringBuilder sb = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) sb.append('/').append(names.get(i));
        return sb.toString();
    }
}
