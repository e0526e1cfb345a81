package cc;

import java.io.IOException;

/**
 * Where the preprocessor reads source files from. The host compiler reads the host file
 * system ({@link HostSourceReader}); the compiler running inside Clonix can read the
 * kernel's file system through the same interface. Paths use '/' as separator.
 */
public interface SourceReader {
    /** The whole text of the file at {@code path}, or an IOException if it cannot be read. */
    String read(String path) throws IOException;

    /** True if {@code path} names a regular file that {@link #read} could read. */
    boolean exists(String path);
}
