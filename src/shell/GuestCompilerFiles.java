package shell;

import boot.GuestFiles;
import cc.CompilerFiles;
import fs.FsException;
import fs.FsStruct;
import fs.Inode;
import fs.OpenFile;
import fs.OpenFlags;
import fs.PathWalker;
import fs.Vfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import syscall.Errno;

/**
 * The guest's files, for the shell's {@code cc}: every path is resolved through the guest's
 * VFS from the shell task's fs_struct (its cwd and root) by the path walker of open(2), and
 * every file is opened through openat itself, so the compiler sees exactly what a guest
 * program would: "..", absolute paths and symbolic links stay inside the guest's root,
 * /mnt/host is reached only through the mount's own confinement, and /proc and /dev are
 * the guest's. Only regular files are read (a device or a FIFO could block for ever).
 * Outputs are created as open(O_WRONLY|O_CREAT|O_TRUNC) creates them, mode 0755 for an
 * executable and 0644 otherwise, less the umask; like GNU ld, an executable that replaces
 * an existing file also gets the execute bits.
 *
 * <p>Errors carry strerror's text for the errno the guest would get. Like every shell
 * built-in, this runs between the machine's steps, never while a CPU runs.
 */
final class GuestCompilerFiles implements CompilerFiles {
    private final Vfs vfs;
    private final FsStruct fs;

    /** The guest's files as the task with {@code fs} sees them in {@code vfs}. */
    GuestCompilerFiles(Vfs vfs, FsStruct fs) {
        this.vfs = vfs;
        this.fs = fs;
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        Inode inode = lookup(path);
        if (inode.isDirectory()) throw new IOException(Messages.error(Errno.EISDIR));
        if (!inode.isRegular()) throw new IOException("not a regular file");
        if (inode.size() > limit) throw new FileTooLargeException(limit);
        OpenFile file = open(path, OpenFlags.O_RDONLY, 0);
        try {
            // Read as read(2) would: /proc files report size 0, and a host file may grow.
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            for (long pos = 0;;) {
                long n = inode.read(file, pos, buf, 0, buf.length, null);
                if (n < 0) throw new IOException(Messages.error((int) -n));
                if (n == 0) return data.toByteArray();
                if (pos + n > limit) throw new FileTooLargeException(limit);
                data.write(buf, 0, (int) n);
                pos += n;
            }
        } finally {
            file.put();
        }
    }

    @Override
    public boolean isFile(String path) {
        try {
            return lookup(path).isRegular();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public OutputStream create(String path, boolean executable) throws IOException {
        int mode = executable ? 0755 : 0644;
        OpenFile file = open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode);
        Inode inode = file.inode();
        // As fchmod(2) does, leave the modes of /proc's files to the kernel.
        if (executable && inode.isRegular() && inode.dev() != Vfs.PROC_DEV) inode.setPermissions(mode & ~fs.umask());
        return new GuestOutput(file);
    }

    /** The guest inode's device and inode numbers, as stat(2) gives them. */
    @Override
    public String identity(String path) {
        try {
            Inode inode = lookup(path);
            return inode.dev() + ":" + inode.ino();
        } catch (IOException e) {
            return CompilerFiles.super.identity(path);
        }
    }

    /** The inode {@code path} names, symbolic links followed. */
    private Inode lookup(String path) throws IOException {
        try {
            return PathWalker.resolve(fs, fs.cwd(), path, true);
        } catch (FsException e) {
            throw new IOException(Messages.error(e.errno()));
        }
    }

    private OpenFile open(String path, int flags, int mode) throws IOException {
        try {
            return GuestFiles.open(vfs, fs, path, flags, mode);
        } catch (FsException e) {
            throw new IOException(Messages.error(e.errno()));
        }
    }

    /** Writes an open guest file as write(2) would, never sleeping; closing drops the description. */
    private static final class GuestOutput extends OutputStream {
        private final OpenFile file;
        private boolean closed;

        GuestOutput(OpenFile file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Inode inode = file.inode();
            while (len > 0) {
                long pos = file.isAppend() && inode.isSeekable() ? inode.size() : file.position();
                long n = inode.write(file, pos, b, off, len, null);
                if (n < 0) throw new IOException(Messages.error((int) -n));
                if (n == 0) throw new IOException(Messages.error(Errno.ENOSPC));
                if (inode.isSeekable()) file.setPosition(pos + n);
                off += (int) n;
                len -= (int) n;
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            file.put();
        }
    }
}
