package cc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads source files from the host file system, as UTF-8 (a malformed byte becomes U+FFFD
 * and then a "stray character" error, never an exception from decoding).
 */
public final class HostSourceReader implements SourceReader {
    /** Reads the file at {@code path}, relative to the host's working directory. */
    @Override
    public String read(String path) throws IOException {
        try {
            return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
        } catch (InvalidPathException e) {
            throw new IOException("invalid path: " + path, e);
        }
    }

    /** True if {@code path} is a regular file. */
    @Override
    public boolean exists(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
