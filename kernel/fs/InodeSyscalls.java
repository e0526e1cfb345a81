package fs;

import static fs.OpenFlags.*;

import syscall.Errno;

/**
 * The system calls that make inodes other than files and directories, add names to an
 * existing inode or change its attributes: mknod, mknodat, link, linkat, chmod, fchmod and
 * fchmodat, with Linux x86-64's semantics and errno values. They return the value for a0:
 * a result &gt;= 0 or {@code -errno}; none of them sleeps.
 */
public final class InodeSyscalls {
    /** The flag linkat accepts besides AT_EMPTY_PATH: follow a final symlink in oldpath. */
    public static final int AT_SYMLINK_FOLLOW = 0x400;

    private final Vfs vfs;

    /** The calls for the file system {@code vfs} (new inodes are created on it). */
    public InodeSyscalls(Vfs vfs) {
        this.vfs = vfs;
    }

    /** mknod(path, mode, dev). */
    public long mknod(FdTable files, FsStruct fs, UserMemory mem, long path, long mode, long dev) {
        return mknodat(files, fs, mem, AT_FDCWD, path, mode, dev);
    }

    /**
     * mknodat(dirfd, path, mode, dev): creates a FIFO (S_IFIFO) or an empty regular file
     * (S_IFREG or type 0) with mode &amp; ~umask. Device and socket nodes are EPERM: Clonix's
     * devices exist only in /dev and new ones cannot be made. EPERM for S_IFDIR (use mkdir)
     * and EINVAL for other types, as Linux; EEXIST if the name is taken.
     */
    public long mknodat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long mode, long dev) {
        try {
            String s = mem.readPath(path);
            int type = (int) mode & Mode.S_IFMT;
            int perms = (int) mode & Mode.PERMISSIONS & ~fs.umask();
            if (type == Mode.S_IFCHR || type == Mode.S_IFBLK || type == Mode.S_IFSOCK || type == Mode.S_IFDIR) {
                return -Errno.EPERM;
            }
            if (type != 0 && type != Mode.S_IFREG && type != Mode.S_IFIFO) return -Errno.EINVAL;
            PathWalker.Parent p = PathWalker.resolveParent(fs, PathSyscalls.startDir(files, fs, dirfd, s), s);
            if (p.name().equals(".") || p.name().equals("..")) return -Errno.EEXIST;
            p.dir().checkCanLink(p.name());
            if (p.trailingSlash()) return -Errno.ENOENT;
            Inode inode = type == Mode.S_IFIFO ? new Fifo(vfs, perms) : new RegularFile(vfs, perms);
            p.dir().link(p.name(), inode);
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** link(oldpath, newpath). */
    public long link(FdTable files, FsStruct fs, UserMemory mem, long oldPath, long newPath) {
        return linkat(files, fs, mem, AT_FDCWD, oldPath, AT_FDCWD, newPath, 0);
    }

    /**
     * linkat(olddirfd, oldpath, newdirfd, newpath, flags): a new name (hard link) for an
     * existing file. EPERM for a directory (no hard links to directories), EEXIST if the new
     * name is taken, EXDEV across file systems (a /proc file, a pipe), EINVAL for unknown
     * flags. A final symlink in oldpath is linked itself unless AT_SYMLINK_FOLLOW is given.
     */
    public long linkat(FdTable files, FsStruct fs, UserMemory mem, long oldDirfd, long oldPath,
            long newDirfd, long newPath, long flags) {
        try {
            if ((flags & ~(long) (AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
            String os = mem.readPath(oldPath);
            String ns = mem.readPath(newPath);
            Inode src;
            if (os.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
                OpenFile f = files.get((int) oldDirfd);
                if (f == null) return -Errno.EBADF;
                src = f.inode();
            } else {
                Directory start = PathSyscalls.startDir(files, fs, oldDirfd, os);
                src = PathWalker.resolve(fs, start, os, (flags & AT_SYMLINK_FOLLOW) != 0);
            }
            PathWalker.Parent np = PathWalker.resolveParent(fs, PathSyscalls.startDir(files, fs, newDirfd, ns), ns);
            // Linux's order: the new name first, then the file systems, then the inode.
            if (np.name().equals(".") || np.name().equals("..") || np.dir().lookup(np.name()) != null) {
                return -Errno.EEXIST;
            }
            if (np.trailingSlash()) return -Errno.ENOENT;
            if (src.dev() != np.dir().dev()) return -Errno.EXDEV; // a pipe, /proc
            if (src.isDirectory()) return -Errno.EPERM;
            if (src.links() == 0) return -Errno.ENOENT; // its last name is gone: it cannot come back
            np.dir().link(np.name(), src);
            return 0;
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** chmod(path, mode). */
    public long chmod(FdTable files, FsStruct fs, UserMemory mem, long path, long mode) {
        return fchmodat(files, fs, mem, AT_FDCWD, path, mode);
    }

    /** fchmodat(dirfd, path, mode): sets the permission bits (mode &amp; 07777), following symlinks. */
    public long fchmodat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long mode) {
        try {
            String s = mem.readPath(path);
            Inode inode = PathWalker.resolve(fs, PathSyscalls.startDir(files, fs, dirfd, s), s, true);
            return setMode(inode, mode);
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** fchmod(fd, mode). */
    public long fchmod(FdTable files, long fd, long mode) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        return setMode(f.inode(), mode);
    }

    /** /proc's modes are fixed by the kernel; everything else takes the new bits. */
    private static long setMode(Inode inode, long mode) {
        if (inode.dev() == Vfs.PROC_DEV) return -Errno.EPERM;
        inode.setPermissions((int) mode & Mode.PERMISSIONS);
        return 0;
    }
}
