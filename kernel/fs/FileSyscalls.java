package fs;

import static fs.OpenFlags.*;

import sync.Waiter;
import syscall.Errno;

/**
 * The system calls that work on descriptors: read, write, readv, writev, pread64, pwrite64,
 * lseek, ftruncate, ioctl, close, dup, dup2, dup3, fcntl, pipe and pipe2, with Linux
 * x86-64's semantics and errno values. The data-moving loop is in {@link Transfer}.
 * Each takes the caller's descriptor table, its memory and, if it may sleep, the caller as a
 * {@link Waiter}, plus the raw argument registers; it returns the value for a0: a result
 * &gt;= 0, a {@code -errno}, or {@code -Errno.BLOCKED} after putting the waiter on a wait queue.
 *
 * <p>A descriptor argument is C's {@code unsigned int}: the low 32 bits count, and a negative
 * one is simply not open (EBADF).
 */
public final class FileSyscalls {
    private final Vfs vfs;

    /** The calls for the file system {@code vfs} (pipes are created on it). */
    public FileSyscalls(Vfs vfs) {
        this.vfs = vfs;
    }

    /**
     * Whether a write's result means the caller must now get SIGPIPE: Linux sends it from
     * inside the write of a pipe with no reader, Clonix leaves sending it to the core.
     */
    public static boolean raisesSigpipe(long writeResult) {
        return writeResult == -Errno.EPIPE;
    }

    /**
     * As {@link #raisesSigpipe(long)}, for a write on {@code fd}: a file that moves messages
     * may fail with EPIPE without the signal ({@link MessageIo#sigpipeOnEpipe}: a datagram
     * or seqpacket socket).
     */
    public static boolean raisesSigpipe(FdTable files, long fd, long writeResult) {
        OpenFile f = files.get((int) fd);
        boolean quiet = f != null && f.inode() instanceof MessageIo m && !m.sigpipeOnEpipe();
        return raisesSigpipe(writeResult) && !quiet;
    }

    /** read(fd, buf, count): EBADF, then EFAULT if the buffer is not in user space (vfs_read's order). */
    public long read(FdTable files, UserMemory mem, Waiter waiter, long fd, long buf, long count) {
        OpenFile f = files.get((int) fd);
        if (f == null || !f.isReadable()) return -Errno.EBADF;
        IoVector vec = IoVector.single(buf, count);
        if (vec == null) return -Errno.EFAULT;
        return readAtOffset(f, mem, waiter, vec);
    }

    /** readv(fd, iov, iovcnt): read into several buffers, as one read. */
    public long readv(FdTable files, UserMemory mem, Waiter waiter, long fd, long iov, long iovcnt) {
        OpenFile f = files.get((int) fd);
        if (f == null || !f.isReadable()) return -Errno.EBADF;
        try {
            return readAtOffset(f, mem, waiter, IoVector.read(mem, iov, iovcnt));
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private static long readAtOffset(OpenFile f, UserMemory mem, Waiter waiter, IoVector vec) {
        if (f.inode() instanceof MessageIo m) return m.readMessage(f, mem, waiter, vec);
        boolean seekable = f.inode().isSeekable();
        if (seekable && pastMaxOffset(f.position(), vec)) return -Errno.EINVAL;
        return Transfer.in(f, mem, waiter, vec, seekable ? f.position() : 0, seekable);
    }

    /**
     * Linux's rw_verify_area for a file with offsets: a transfer of the whole buffer from
     * {@code pos} would pass the largest offset (pos + count overflows a loff_t): EINVAL.
     */
    private static boolean pastMaxOffset(long pos, IoVector vec) {
        return pos + vec.total() < 0;
    }

    /**
     * pread64(fd, buf, count, offset): read at an offset without moving the file offset.
     * Linux's order: EINVAL for a negative offset, EBADF, ESPIPE, EBADF if not readable, EFAULT.
     */
    public long pread64(FdTable files, UserMemory mem, Waiter waiter, long fd, long buf, long count, long offset) {
        if (offset < 0) return -Errno.EINVAL;
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (!f.inode().isSeekable()) return -Errno.ESPIPE;
        if (!f.isReadable()) return -Errno.EBADF;
        IoVector vec = IoVector.single(buf, count);
        if (vec == null) return -Errno.EFAULT;
        if (pastMaxOffset(offset, vec)) return -Errno.EINVAL;
        return Transfer.in(f, mem, waiter, vec, offset, false);
    }

    /**
     * write(fd, buf, count): EBADF, then EFAULT if the buffer is not in user space. A result
     * of -EPIPE means SIGPIPE (see {@link #raisesSigpipe}).
     */
    public long write(FdTable files, UserMemory mem, Waiter waiter, long fd, long buf, long count) {
        OpenFile f = files.get((int) fd);
        if (f == null || !f.isWritable()) return -Errno.EBADF;
        IoVector vec = IoVector.single(buf, count);
        if (vec == null) return -Errno.EFAULT;
        return writeAtOffset(f, mem, waiter, vec);
    }

    /**
     * writev(fd, iov, iovcnt): write several buffers as one write (so a total of at most
     * PIPE_BUF bytes is atomic on a pipe). -EPIPE means SIGPIPE, as for write.
     */
    public long writev(FdTable files, UserMemory mem, Waiter waiter, long fd, long iov, long iovcnt) {
        OpenFile f = files.get((int) fd);
        if (f == null || !f.isWritable()) return -Errno.EBADF;
        try {
            return writeAtOffset(f, mem, waiter, IoVector.read(mem, iov, iovcnt));
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private static long writeAtOffset(OpenFile f, UserMemory mem, Waiter waiter, IoVector vec) {
        if (f.inode() instanceof MessageIo m) return m.writeMessage(f, mem, waiter, vec);
        boolean seekable = f.inode().isSeekable();
        if (seekable && pastMaxOffset(f.position(), vec)) return -Errno.EINVAL;
        return Transfer.out(f, mem, waiter, vec, seekable ? f.position() : 0, seekable);
    }

    /** pwrite64(fd, buf, count, offset): write at an offset without moving the file offset; errors as pread64. */
    public long pwrite64(FdTable files, UserMemory mem, Waiter waiter, long fd, long buf, long count, long offset) {
        if (offset < 0) return -Errno.EINVAL;
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (!f.inode().isSeekable()) return -Errno.ESPIPE;
        if (!f.isWritable()) return -Errno.EBADF;
        IoVector vec = IoVector.single(buf, count);
        if (vec == null) return -Errno.EFAULT;
        if (pastMaxOffset(offset, vec)) return -Errno.EINVAL;
        return Transfer.out(f, mem, waiter, vec, offset, false);
    }

    /**
     * ftruncate(fd, length): sets a regular file's size. EINVAL for a negative length, a
     * descriptor not open for writing or a file that is not regular, as Linux.
     */
    public long ftruncate(FdTable files, long fd, long length) {
        if (length < 0) return -Errno.EINVAL;
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (!f.isWritable() || !f.inode().isRegular()) return -Errno.EINVAL;
        return f.inode().truncate(length);
    }

    /**
     * ioctl(fd, cmd, arg): passed to the inode's driver ({@link Inode#ioctl}); ENOTTY for a
     * request the file does not understand, as Linux.
     */
    public long ioctl(FdTable files, UserMemory mem, long fd, long cmd, long arg) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        switch ((int) cmd) {
            // The requests every descriptor accepts, handled before the driver (do_vfs_ioctl).
            case Ioctls.FIOCLEX, Ioctls.FIONCLEX -> {
                files.setCloseOnExec((int) fd, (int) cmd == Ioctls.FIOCLEX);
                return 0;
            }
            case Ioctls.FIONBIO -> {
                byte[] on = new byte[4];
                if (mem.copyIn(arg, on, 0, 4) != UserMemory.NO_FAULT) return -Errno.EFAULT;
                boolean set = (on[0] | on[1] | on[2] | on[3]) != 0;
                int others = f.flags() & ~O_NONBLOCK;
                f.setStatusFlags(set ? others | O_NONBLOCK : others);
                return 0;
            }
            default -> {
                return f.inode().ioctl(f, (int) cmd, arg, mem);
            }
        }
    }

    /**
     * lseek(fd, offset, whence): SEEK_SET, SEEK_CUR, SEEK_END, and SEEK_DATA and SEEK_HOLE as
     * Linux's generic_file_llseek answers them for a file without holes (the data runs to
     * the end, where a virtual hole starts; ENXIO at or past the end). Linux's order: EBADF,
     * EINVAL for a whence above SEEK_HOLE (an unsigned int), then ESPIPE on pipes and terminals.
     */
    public long lseek(FdTable files, long fd, long offset, long whence) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        int how = (int) whence;
        if (Integer.compareUnsigned(how, SEEK_HOLE) > 0) return -Errno.EINVAL;
        if (!f.inode().isSeekable()) return -Errno.ESPIPE;
        // As Linux's dcache_dir_lseek: a directory's offset counts entries, not bytes.
        if (f.inode().isDirectory() && how != SEEK_SET && how != SEEK_CUR) return -Errno.EINVAL;
        long base;
        switch (how) {
            case SEEK_SET -> base = 0;
            case SEEK_CUR -> base = f.position();
            case SEEK_END -> base = f.inode().size();
            default -> {
                long size = f.inode().size();
                if (Long.compareUnsigned(offset, size) >= 0) return -Errno.ENXIO;
                base = 0;
                if (how == SEEK_HOLE) offset = size;
            }
        }
        long target;
        try {
            target = Math.addExact(base, offset);
        } catch (ArithmeticException overflow) {
            return -Errno.EINVAL;
        }
        if (target < 0) return -Errno.EINVAL;
        f.setPosition(target);
        return target;
    }

    /** close(fd). */
    public long close(FdTable files, long fd) {
        return files.close((int) fd) ? 0 : -Errno.EBADF;
    }

    /** dup(oldfd): the lowest free descriptor, sharing oldfd's description; close-on-exec clear. */
    public long dup(FdTable files, long oldfd) {
        OpenFile f = files.get((int) oldfd);
        if (f == null) return -Errno.EBADF;
        return installCopy(files, f, 0, false);
    }

    /**
     * dup2(oldfd, newfd): newfd is closed first if open; dup2(fd, fd) just checks fd. A newfd
     * at or above RLIMIT_NOFILE is EBADF, as on Linux.
     */
    public long dup2(FdTable files, long oldfd, long newfd) {
        if ((int) oldfd == (int) newfd) return files.get((int) oldfd) == null ? -Errno.EBADF : (int) newfd;
        return dup3(files, oldfd, newfd, 0);
    }

    /**
     * dup3(oldfd, newfd, flags): as dup2, but flags may hold O_CLOEXEC and oldfd == newfd is
     * EINVAL. The checks are Linux's ksys_dup3, in its order: EINVAL, EBADF for a newfd at or
     * above RLIMIT_NOFILE or a closed oldfd, ENOMEM when the table cannot grow to newfd.
     */
    public long dup3(FdTable files, long oldfd, long newfd, long flags) {
        if ((flags & ~O_CLOEXEC) != 0) return -Errno.EINVAL;
        if ((int) oldfd == (int) newfd) return -Errno.EINVAL;
        int target = (int) newfd;
        if (target < 0 || target >= files.limit()) return -Errno.EBADF;
        OpenFile f = files.get((int) oldfd);
        if (f == null) return -Errno.EBADF;
        int room = files.makeRoom(target);
        if (room < 0) return room;
        files.installAt(target, f.get(), (flags & O_CLOEXEC) != 0);
        return target;
    }

    /**
     * fcntl(fd, cmd, arg) for F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL,
     * and F_SETPIPE_SZ / F_GETPIPE_SZ on a pipe (EBADF on anything else, as Linux).
     */
    public long fcntl(FdTable files, long fd, long cmd, long arg) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        switch ((int) cmd) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                // Linux's f_dupfd takes the low 32 bits as an unsigned int: at or above RLIMIT_NOFILE is EINVAL.
                int from = (int) arg;
                if (from < 0 || from >= files.limit()) return -Errno.EINVAL;
                return installCopy(files, f, from, (int) cmd == F_DUPFD_CLOEXEC);
            }
            case F_GETFD -> {
                return files.isCloseOnExec((int) fd) ? FD_CLOEXEC : 0;
            }
            case F_SETFD -> {
                files.setCloseOnExec((int) fd, (arg & FD_CLOEXEC) != 0);
                return 0;
            }
            case F_GETFL -> {
                return f.flags();
            }
            case F_SETFL -> {
                f.setStatusFlags((int) arg);
                return 0;
            }
            case F_SETPIPE_SZ -> {
                // Linux's pipe_fcntl takes the size as an unsigned int.
                return f.inode() instanceof Pipe p ? p.setSize(arg & 0xFFFF_FFFFL) : -Errno.EBADF;
            }
            case F_GETPIPE_SZ -> {
                return f.inode() instanceof Pipe p ? p.bufferSize() : -Errno.EBADF;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
    }

    private static long installCopy(FdTable files, OpenFile f, int from, boolean cloexec) {
        int fd = files.lowestFree(from);
        if (fd < 0) return fd; // EMFILE, or ENOMEM
        files.installAt(fd, f.get(), cloexec);
        return fd;
    }

    /** pipe(fds): pipe2 with no flags. */
    public long pipe(FdTable files, UserMemory mem, long fdsAddr) {
        return pipe2(files, mem, fdsAddr, 0);
    }

    /**
     * pipe2(fds, flags): makes a pipe and stores {read end, write end} as two ints at
     * {@code fdsAddr}; flags may hold O_CLOEXEC and O_NONBLOCK. Linux's order: EINVAL, then
     * ENFILE when the pipe or its two descriptions cannot be had (ENOMEM for descriptions
     * without memory), EMFILE, EFAULT. On EFAULT no descriptor is left open, as on Linux
     * (descriptors are installed only after the copy).
     */
    public long pipe2(FdTable files, UserMemory mem, long fdsAddr, long flags) {
        if ((flags & ~(long) (O_CLOEXEC | O_NONBLOCK)) != 0) return -Errno.EINVAL;
        long err = Pipe.newPipeError(vfs);
        if (err == 0) err = vfs.memory().newFileError(2);
        if (err < 0) return err;
        int readFd = files.lowestFree(0);
        if (readFd < 0) return readFd; // EMFILE, or ENOMEM
        int writeFd = files.lowestFree(readFd + 1);
        if (writeFd < 0) return writeFd;
        byte[] pair = new byte[8];
        putInt(pair, 0, readFd);
        putInt(pair, 4, writeFd);
        if (mem.copyOut(fdsAddr, pair, 0, 8) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        Pipe pipe = new Pipe(vfs);
        int status = (int) flags & O_NONBLOCK;
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        files.installAt(readFd, new OpenFile(pipe, O_RDONLY | status), cloexec);
        files.installAt(writeFd, new OpenFile(pipe, O_WRONLY | status), cloexec);
        return 0;
    }

    /** execve: closes the descriptors marked close-on-exec. */
    public static void closeOnExec(FdTable files) {
        files.closeOnExec();
    }

    static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
