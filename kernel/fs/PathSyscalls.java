package fs;

import static fs.OpenFlags.*;

import java.nio.charset.StandardCharsets;
import sync.Waiter;
import syscall.Errno;

/**
 * The system calls that take a path: openat, mkdirat, unlinkat, renameat, symlinkat,
 * readlinkat, faccessat, truncate, chdir, fchdir, getcwd and umask, plus their older forms
 * (open, creat, mkdir, rmdir, unlink, rename, symlink, readlink, access), with Linux
 * x86-64's semantics and errno values. They return the value for a0: a result &gt;= 0 or
 * {@code -errno}. Only open and openat of a FIFO can sleep ({@code -Errno.BLOCKED}).
 *
 * <p>Permissions are not checked: every Clonix task runs as root (uid 0), which on Linux
 * passes every read/write check. Modes are still stored, shown by stat and honoured by
 * access(X_OK).
 */
public final class PathSyscalls {
    private final Vfs vfs;

    /** The calls for the file system {@code vfs} (new inodes are created on it). */
    public PathSyscalls(Vfs vfs) {
        this.vfs = vfs;
    }

    /**
     * The directory a relative path starts from: the cwd for AT_FDCWD, else dirfd's directory
     * (EBADF, ENOTDIR). An empty path is ENOENT before dirfd is even looked at, as in Linux.
     */
    static Directory startDir(FdTable files, FsStruct fs, long dirfd, String path) throws FsException {
        if (path.isEmpty()) throw new FsException(Errno.ENOENT);
        if (path.startsWith("/") || (int) dirfd == AT_FDCWD) return fs.cwd();
        OpenFile f = files.get((int) dirfd);
        if (f == null) throw new FsException(Errno.EBADF);
        if (!(f.inode() instanceof Directory d)) throw new FsException(Errno.ENOTDIR);
        return d;
    }

    /** open(path, flags, mode). */
    public long open(FdTable files, FsStruct fs, UserMemory mem, Waiter waiter, long path, long flags, long mode) {
        return openat(files, fs, mem, waiter, AT_FDCWD, path, flags, mode);
    }

    /** open without a waiter: an open that would sleep (a FIFO's) behaves as with O_NONBLOCK. */
    public long open(FdTable files, FsStruct fs, UserMemory mem, long path, long flags, long mode) {
        return openat(files, fs, mem, null, AT_FDCWD, path, flags, mode);
    }

    /** creat(path, mode): open with O_CREAT|O_WRONLY|O_TRUNC. */
    public long creat(FdTable files, FsStruct fs, UserMemory mem, long path, long mode) {
        return openat(files, fs, mem, null, AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
    }

    /** openat without a waiter, as {@link #open(FdTable, FsStruct, UserMemory, long, long, long)}. */
    public long openat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long flags, long mode) {
        return openat(files, fs, mem, null, dirfd, path, flags, mode);
    }

    /**
     * openat(dirfd, path, flags, mode): the lowest free descriptor for the file at path,
     * created (regular, mode &amp; ~umask) with O_CREAT. Honours O_EXCL, O_TRUNC, O_APPEND,
     * O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC. Opening a FIFO may sleep until the
     * other end opens (-Errno.BLOCKED, see {@link Fifo}); a null waiter never sleeps.
     */
    public long openat(FdTable files, FsStruct fs, UserMemory mem, Waiter waiter, long dirfd, long path,
            long flags, long mode) {
        try {
            String p = mem.readPath(path);
            int fl = (int) flags;
            // Linux (since 6.4) refuses to create something it would then refuse to open.
            if ((fl & O_CREAT) != 0 && (fl & O_DIRECTORY) != 0) return -Errno.EINVAL;
            int fd = files.lowestFree(0);
            if (fd < 0) return fd; // EMFILE (RLIMIT_NOFILE), or ENOMEM
            long nofile = vfs.memory().newFileError(1); // ENFILE, ENOMEM: Linux's alloc_empty_file
            if (nofile < 0) return nofile;
            Directory start = startDir(files, fs, dirfd, p);
            Inode inode = (fl & O_CREAT) != 0 ? openCreate(fs, start, p, fl, (int) mode)
                    : PathWalker.resolve(fs, start, p, (fl & O_NOFOLLOW) == 0);
            if (inode instanceof Symlink) return -Errno.ELOOP; // O_NOFOLLOW on a symlink
            if ((fl & O_DIRECTORY) != 0 && !inode.isDirectory()) return -Errno.ENOTDIR;
            int acc = fl & O_ACCMODE;
            boolean wantsWrite = acc != O_RDONLY || (fl & O_TRUNC) != 0;
            if (inode.isDirectory() && wantsWrite) return -Errno.EISDIR;
            long ready = inode.mayOpen(fl, (fl & O_NONBLOCK) != 0 ? null : waiter);
            if (ready < 0) return ready;
            if ((fl & O_TRUNC) != 0 && inode.isRegular()) inode.truncate(0);
            Dentry name = inode.isDirectory() ? null : PathWalker.locate(fs, start, p, inode);
            OpenFile file = new OpenFile(inode, fl | O_LARGEFILE);
            file.setDentry(name);
            files.installAt(fd, file, (fl & O_CLOEXEC) != 0);
            return fd;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private Inode openCreate(FsStruct fs, Directory start, String path, int flags, int mode) throws FsException {
        PathWalker.Parent p = PathWalker.resolveParent(fs, start, path);
        Inode existing = lookupIn(fs, p);
        if (existing != null) {
            if ((flags & O_EXCL) != 0) throw new FsException(Errno.EEXIST);
            Inode target = existing instanceof Symlink && (flags & O_NOFOLLOW) == 0
                    ? PathWalker.resolve(fs, p.dir(), p.name(), true) : existing;
            if (target.isDirectory()) throw new FsException(Errno.EISDIR);
            return target;
        }
        if (p.trailingSlash()) throw new FsException(Errno.EISDIR);
        p.dir().checkCanCreate(p.name());
        return p.dir().createFile(p.name(), mode & ~fs.umask());
    }

    /** The inode named by a Parent's last component ("." and ".." included), or null. */
    private static Inode lookupIn(FsStruct fs, PathWalker.Parent p) throws FsException {
        if (p.name().equals(".")) return p.dir();
        if (p.name().equals("..")) return p.dir() == fs.root() ? p.dir() : p.dir().parent();
        return p.dir().lookup(p.name());
    }

    /**
     * Whether {@code inode} is the root of a file system mounted in the tree (/proc, the host
     * directory at /mnt/host): a directory on another device than its parent. Like Linux's
     * mount points, it cannot be removed or renamed (EBUSY).
     */
    private static boolean isMountPoint(Inode inode) {
        return inode instanceof Directory d && d.parent() != null && d.parent() != d && d.parent().dev() != d.dev();
    }

    private static boolean isDotOrDotDot(String name) {
        return name.equals(".") || name.equals("..");
    }

    /** mkdir(path, mode). */
    public long mkdir(FdTable files, FsStruct fs, UserMemory mem, long path, long mode) {
        return mkdirat(files, fs, mem, AT_FDCWD, path, mode);
    }

    /** mkdirat(dirfd, path, mode): a new empty directory with mode &amp; ~umask; EEXIST if the name is taken. */
    public long mkdirat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long mode) {
        try {
            String s = mem.readPath(path);
            PathWalker.Parent p = PathWalker.resolveParent(fs, startDir(files, fs, dirfd, s), s);
            if (lookupIn(fs, p) != null) return -Errno.EEXIST;
            p.dir().checkCanCreate(p.name());
            p.dir().createDirectory(p.name(), (int) mode & 01777 & ~fs.umask());
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** unlink(path). */
    public long unlink(FdTable files, FsStruct fs, UserMemory mem, long path) {
        return unlinkat(files, fs, mem, AT_FDCWD, path, 0);
    }

    /** rmdir(path). */
    public long rmdir(FdTable files, FsStruct fs, UserMemory mem, long path) {
        return unlinkat(files, fs, mem, AT_FDCWD, path, AT_REMOVEDIR);
    }

    /**
     * unlinkat(dirfd, path, flags): removes a name; with AT_REMOVEDIR an empty directory
     * (rmdir: ENOTDIR, ENOTEMPTY, EINVAL for ".", EBUSY for a root or a mount point), otherwise a
     * non-directory (EISDIR for a directory).
     */
    public long unlinkat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long flags) {
        try {
            if ((flags & ~(long) AT_REMOVEDIR) != 0) return -Errno.EINVAL;
            String s = mem.readPath(path);
            PathWalker.Parent p = PathWalker.resolveParent(fs, startDir(files, fs, dirfd, s), s);
            boolean rmdir = (flags & AT_REMOVEDIR) != 0;
            if (rmdir) {
                if (s.equals("/") || PathWalker.components(s).isEmpty()) return -Errno.EBUSY;
                if (p.name().equals(".")) return -Errno.EINVAL;
                if (p.name().equals("..")) return -Errno.ENOTEMPTY;
            } else if (isDotOrDotDot(p.name())) {
                return -Errno.EISDIR;
            }
            Inode victim = p.dir().lookup(p.name());
            if (victim == null) return -Errno.ENOENT;
            if (rmdir) {
                if (!victim.isDirectory()) return -Errno.ENOTDIR;
                if (victim == fs.root() || victim == vfs.root() || isMountPoint(victim)) return -Errno.EBUSY;
            } else {
                if (victim.isDirectory()) return -Errno.EISDIR;
                if (p.trailingSlash()) return -Errno.ENOTDIR;
            }
            p.dir().unlink(p.name());
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** rename(oldpath, newpath). */
    public long rename(FdTable files, FsStruct fs, UserMemory mem, long oldPath, long newPath) {
        return renameat(files, fs, mem, AT_FDCWD, oldPath, AT_FDCWD, newPath);
    }

    /**
     * renameat(olddirfd, oldpath, newdirfd, newpath): moves a name, replacing the target if
     * compatible (file over file, directory over empty directory). EISDIR, ENOTDIR,
     * ENOTEMPTY as Linux; EINVAL when moving a directory below itself; EBUSY for "." and "..",
     * and for a mount point (/proc, /mnt/host) as source or target;
     * EXDEV between file systems.
     */
    public long renameat(FdTable files, FsStruct fs, UserMemory mem, long oldDirfd, long oldPath,
            long newDirfd, long newPath) {
        try {
            String os = mem.readPath(oldPath);
            String ns = mem.readPath(newPath);
            PathWalker.Parent op = PathWalker.resolveParent(fs, startDir(files, fs, oldDirfd, os), os);
            PathWalker.Parent np = PathWalker.resolveParent(fs, startDir(files, fs, newDirfd, ns), ns);
            if (isDotOrDotDot(op.name()) || isDotOrDotDot(np.name())) return -Errno.EBUSY;
            if (op.dir().dev() != np.dir().dev()) return -Errno.EXDEV; // e.g. between /tmp and /proc
            Inode src = op.dir().lookup(op.name());
            if (src == null) return -Errno.ENOENT;
            if ((op.trailingSlash() || np.trailingSlash()) && !src.isDirectory()) return -Errno.ENOTDIR;
            Inode dst = np.dir().lookup(np.name());
            if (dst == src) return 0;
            if (isMountPoint(src) || isMountPoint(dst)) return -Errno.EBUSY;
            if (src instanceof Directory dir) {
                if (np.dir().isWithin(dir)) return -Errno.EINVAL;
                if (dst != null && !dst.isDirectory()) return -Errno.ENOTDIR;
                if (dst instanceof Directory target && !target.isEmpty()) return -Errno.ENOTEMPTY;
            } else if (dst != null && dst.isDirectory()) {
                return -Errno.EISDIR;
            }
            if (np.dir().isDead()) return -Errno.ENOENT;
            np.dir().checkRoomForName(np.name()); // before the target goes: the move cannot fail
            if (dst != null) np.dir().unlink(np.name());
            op.dir().move(op.name(), np.dir(), np.name());
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** symlink(target, linkpath). */
    public long symlink(FdTable files, FsStruct fs, UserMemory mem, long target, long linkPath) {
        return symlinkat(files, fs, mem, target, AT_FDCWD, linkPath);
    }

    /** symlinkat(target, newdirfd, linkpath): a symbolic link holding target (not checked). */
    public long symlinkat(FdTable files, FsStruct fs, UserMemory mem, long target, long dirfd, long linkPath) {
        try {
            String t = mem.readPath(target);
            if (t.isEmpty()) return -Errno.ENOENT;
            String s = mem.readPath(linkPath);
            PathWalker.Parent p = PathWalker.resolveParent(fs, startDir(files, fs, dirfd, s), s);
            if (lookupIn(fs, p) != null) return -Errno.EEXIST;
            p.dir().checkCanLink(p.name());
            long cost = FsMemory.INODE_BYTES + FsMemory.dentryBytes(p.name()) + Symlink.bytesOf(t);
            if (!vfs.memory().canCharge(cost)) return -Errno.ENOSPC; // tmpfs has no page for the target
            p.dir().link(p.name(), new Symlink(vfs, t));
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** readlink(path, buf, size). */
    public long readlink(FdTable files, FsStruct fs, UserMemory mem, long path, long buf, long size) {
        return readlinkat(files, fs, mem, AT_FDCWD, path, buf, size);
    }

    /**
     * readlinkat(dirfd, path, buf, size): the link's target, truncated to size, without a NUL;
     * ENOENT for a link without one (/proc/PID/cwd of a task that has exited).
     */
    public long readlinkat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long buf, long size) {
        try {
            if (size <= 0 || size > Integer.MAX_VALUE) return -Errno.EINVAL;
            String s = mem.readPath(path);
            Inode inode = PathWalker.resolve(fs, startDir(files, fs, dirfd, s), s, false);
            if (!(inode instanceof Symlink link)) return -Errno.EINVAL;
            byte[] bytes = link.target().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) return -Errno.ENOENT; // a /proc link of a task that is gone
            int n = (int) Math.min(bytes.length, size);
            if (mem.copyOut(buf, bytes, 0, n) != UserMemory.NO_FAULT) return -Errno.EFAULT;
            return n;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** access(path, mode). */
    public long access(FdTable files, FsStruct fs, UserMemory mem, long path, long mode) {
        return faccessat(files, fs, mem, AT_FDCWD, path, mode);
    }

    /**
     * faccessat(dirfd, path, mode): 0 if the file exists and, as root, may be accessed:
     * F_OK, R_OK and W_OK always; X_OK if some execute bit is set or it is a directory.
     */
    public long faccessat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long mode) {
        try {
            if ((mode & ~7L) != 0) return -Errno.EINVAL;
            String s = mem.readPath(path);
            Inode inode = PathWalker.resolve(fs, startDir(files, fs, dirfd, s), s, true);
            boolean wantsExec = (mode & 1) != 0;
            if (wantsExec && !inode.isDirectory() && (inode.mode() & 0111) == 0) return -Errno.EACCES;
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** chdir(path): ENOTDIR unless path names a directory. */
    public long chdir(FsStruct fs, UserMemory mem, long path) {
        try {
            String s = mem.readPath(path);
            Inode inode = PathWalker.resolve(fs, fs.cwd(), s, true);
            if (!(inode instanceof Directory dir)) return -Errno.ENOTDIR;
            fs.setCwd(dir);
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** fchdir(fd): the cwd becomes the directory open at fd. */
    public long fchdir(FdTable files, FsStruct fs, long fd) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (!(f.inode() instanceof Directory dir)) return -Errno.ENOTDIR;
        fs.setCwd(dir);
        return 0;
    }

    /**
     * getcwd(buf, size), the raw system call: stores the cwd's absolute path with its NUL and
     * returns its length including the NUL; ERANGE if size is too small, ENOENT if the cwd
     * was removed, ENAMETOOLONG if the path is longer than PATH_MAX.
     */
    public long getcwd(FsStruct fs, UserMemory mem, long buf, long size) {
        if (fs.cwd().isDead()) return -Errno.ENOENT;
        byte[] path = (PathWalker.pathOf(fs.cwd(), fs.root()) + "\0").getBytes(StandardCharsets.UTF_8);
        if (path.length > PathWalker.PATH_MAX) return -Errno.ENAMETOOLONG; // Linux: longer than a page
        if (Long.compareUnsigned(size, path.length) < 0) return -Errno.ERANGE; // size is a size_t
        if (mem.copyOut(buf, path, 0, path.length) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        return path.length;
    }

    /**
     * truncate(path, length): sets the size of the regular file at path. EINVAL for a
     * negative length or a file that is not regular, EISDIR for a directory.
     */
    public long truncate(FdTable files, FsStruct fs, UserMemory mem, long path, long length) {
        try {
            String s = mem.readPath(path);
            if (length < 0) return -Errno.EINVAL;
            Inode inode = PathWalker.resolve(fs, startDir(files, fs, AT_FDCWD, s), s, true);
            if (inode.isDirectory()) return -Errno.EISDIR;
            if (!inode.isRegular()) return -Errno.EINVAL;
            return inode.truncate(length);
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** umask(mask): sets the creation mask to mask &amp; 0777 and returns the old one. */
    public long umask(FsStruct fs, long mask) {
        return fs.setUmask((int) mask);
    }
}
