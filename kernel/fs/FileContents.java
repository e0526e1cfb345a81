package fs;

import java.io.ByteArrayOutputStream;
import syscall.Errno;

/**
 * The whole contents of a regular file, for the kernel's own readers (execve loading a
 * program, the shell's cc reading a source file). A file of the in-memory file system hands
 * over its bytes at once; any other regular file (one in a mounted host directory) is read
 * through its inode's read, with an open file description of its own as read(2) would have
 * (a /proc file keeps its snapshot there), so every file system that can be read can also
 * hold programs.
 */
public final class FileContents {
    /** Largest file read this way, as RegularFile.MAX_SIZE bounds a file's size. */
    private static final int CHUNK = 64 * 1024;

    private FileContents() {}

    /** The bytes of {@code inode}; EISDIR for a directory, EACCES for a non-regular file, or the read's errno. */
    public static byte[] of(Inode inode) throws FsException {
        if (inode.isDirectory()) throw new FsException(Errno.EISDIR);
        if (inode instanceof RegularFile file) return file.contents();
        if (!inode.isRegular()) throw new FsException(Errno.EACCES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[CHUNK];
        OpenFile file = new OpenFile(inode, OpenFlags.O_RDONLY);
        try {
            long pos = 0;
            while (pos < RegularFile.MAX_SIZE) {
                long n = inode.read(file, pos, buf, 0, buf.length, null);
                if (n < 0) throw new FsException((int) -n);
                if (n == 0) break;
                out.write(buf, 0, (int) n);
                pos += n;
            }
        } finally {
            file.put();
        }
        return out.toByteArray();
    }
}
