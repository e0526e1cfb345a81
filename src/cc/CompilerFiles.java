package cc;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Every file the compiler driver touches goes through this interface: sources and headers,
 * the existence checks of the include and library searches, object files and archives,
 * crt0.o and libc.a, and the outputs. There are no others, and no temporary files: the
 * driver keeps everything between its stages in memory.
 *
 * <p>Two implementations matter. {@link HostCompilerFiles} is the host's file system, for
 * {@code ./clonix cc}; the shell's in-guest {@code cc} uses one that resolves every path
 * through the guest's VFS, as a guest program's open(2) would, so that a compiler running
 * "inside" Clonix sees only the guest's files.
 *
 * <p>Paths are strings with '/' separators, exactly as the user typed them (or as an
 * {@code #include} built them), and relative paths are taken from the implementation's
 * working directory. Error messages are those of strerror ("No such file or directory"),
 * or "not a regular file" for a device, a FIFO or a socket, which the compiler never reads:
 * reading one could block for ever.
 */
public interface CompilerFiles {
    /**
     * The whole contents of the regular file at {@code path}. Throws a
     * {@link FileTooLargeException} if it holds more than {@code limit} bytes (checked
     * before anything is read when the size is known), and an IOException whose message
     * says why for any other failure.
     */
    byte[] read(String path, int limit) throws IOException;

    /** True if {@code path} names a regular file (for the #include and -l searches). */
    boolean isFile(String path);

    /**
     * Creates the file at {@code path}, or truncates it if it exists, and returns a stream
     * that writes it; closing the stream finishes the file. An executable is created with
     * mode 0755 and anything else with 0644, both less the umask, on a file system that has
     * modes. Throws an IOException whose message says why the file cannot be opened.
     */
    OutputStream create(String path, boolean executable) throws IOException;

    /**
     * A name for the file {@code path} itself, the same for every path that reaches it
     * ("a/../x.h", "./x.h", a symbolic link): what {@code #pragma once} remembers. Like
     * stat(2)'s device and inode numbers where the implementation has them; by default the
     * path with its "." and ".." steps taken out, which is right for files without links.
     */
    default String identity(String path) {
        return IncludeResolver.normalize(path);
    }

    /** The file at hand holds more bytes than the caller's limit for its kind of file. */
    final class FileTooLargeException extends IOException {
        /** {@code limit} is the largest size, in bytes, the caller accepts. */
        public FileTooLargeException(int limit) {
            super("file too large (the limit is " + Limits.describe(limit) + ")");
        }
    }
}
