package boot;

import fs.Directory;
import fs.FdTable;
import fs.FsException;
import fs.FsStruct;
import fs.Inode;
import fs.OpenFile;
import fs.OpenFlags;
import fs.PathSyscalls;
import fs.PathWalker;
import fs.UserMemory;
import fs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import syscall.Errno;

/**
 * File operations the shell performs in the guest file system on a task's behalf: opening a
 * redirection target, writing a built-in's output, reading and writing whole files, listing
 * a directory for completion. Paths are resolved against a task's {@link FsStruct}, with
 * exactly the rules (and errno values) of the system calls, because opening goes through
 * {@link PathSyscalls#openat} itself.
 */
public final class GuestFiles {
    private GuestFiles() {}

    /**
     * open(2) of {@code path} relative to {@code fs}'s cwd with open(2)'s {@code flags} and
     * {@code mode}: a new description with one reference, owned by the caller. Throws an
     * FsException with the errno open(2) would return. Never sleeps (a FIFO without a
     * partner fails with ENXIO as with O_NONBLOCK).
     */
    public static OpenFile open(Vfs vfs, FsStruct fs, String path, int flags, int mode) throws FsException {
        FdTable scratch = new FdTable();
        try {
            long fd = new PathSyscalls(vfs).openat(scratch, fs, new KernelPath(path), null, OpenFlags.AT_FDCWD, 0,
                    flags, mode);
            if (fd < 0) throw new FsException((int) -fd);
            return scratch.get(fd).get();
        } finally {
            scratch.release();
        }
    }

    /**
     * Writes all of {@code data} to {@code file} at its offset (or its end with O_APPEND),
     * moving the offset. Returns the bytes written, or -errno; a pipe takes what fits.
     */
    public static long write(OpenFile file, byte[] data) {
        if (!file.isWritable()) return -Errno.EBADF;
        Inode inode = file.inode();
        long pos = file.isAppend() && inode.isSeekable() ? inode.size() : file.position();
        long n = inode.write(file, pos, data, 0, data.length, null);
        if (n > 0 && inode.isSeekable()) file.setPosition(pos + n);
        return n;
    }

    /** The directory at {@code path}, or an FsException (ENOENT, ENOTDIR). */
    public static Directory directory(FsStruct fs, String path) throws FsException {
        Inode inode = PathWalker.resolve(fs, fs.cwd(), path, true);
        if (!(inode instanceof Directory dir)) throw new FsException(Errno.ENOTDIR);
        return dir;
    }

    /** The names in the directory at {@code path}, directories with a trailing slash; empty if it is not one. */
    public static List<String> list(FsStruct fs, String path) {
        List<String> names = new ArrayList<>();
        try {
            for (Directory.Entry e : directory(fs, path).entries()) {
                names.add(e.inode().isDirectory() ? e.name() + "/" : e.name());
            }
        } catch (FsException e) {
            // Nothing to complete.
        }
        return names;
    }

    /** True if {@code path} names a regular file with an execute bit. */
    public static boolean isExecutable(FsStruct fs, String path) {
        return execError(fs, path) == 0;
    }

    /**
     * Why {@code path} cannot be run: 0 if it names a regular file with an execute bit, else
     * the errno of the walk (ENOENT, ENOTDIR, ELOOP...), EISDIR for a directory (what a shell
     * reports, where execve says EACCES) or EACCES for any other file.
     */
    public static int execError(FsStruct fs, String path) {
        try {
            Inode inode = PathWalker.resolve(fs, fs.cwd(), path, true);
            if (inode.isDirectory()) return Errno.EISDIR;
            return inode.isRegular() && (inode.mode() & 0111) != 0 ? 0 : Errno.EACCES;
        } catch (FsException e) {
            return e.errno();
        }
    }

    /** The absolute path of {@code fs}'s cwd, as getcwd(2) gives it. */
    public static String cwd(FsStruct fs) {
        return PathWalker.pathOf(fs.cwd(), fs.root());
    }

    /** A path held in kernel memory, served to the system-call code as if it were user memory at address 0. */
    private record KernelPath(String path) implements UserMemory {
        @Override
        public long copyIn(long va, byte[] dst, int off, int len) {
            return va;
        }

        @Override
        public long copyOut(long va, byte[] src, int off, int len) {
            return va;
        }

        @Override
        public String readPath(long va) throws PathFault {
            if (path.getBytes(StandardCharsets.UTF_8).length >= PathWalker.PATH_MAX) throw new PathFault(Errno.ENAMETOOLONG);
            return path;
        }
    }
}
