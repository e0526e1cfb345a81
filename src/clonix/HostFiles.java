package clonix;

import cc.HostCompilerFiles;
import cc.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing host files for the command line, with one-line error messages. */
final class HostFiles {
    private HostFiles() {}

    /** A problem the user can fix (missing file, bad format); main prints just the message. */
    static final class UserError extends Exception {
        UserError(String message) {
            super(message);
        }
    }

    /**
     * The bytes of the regular file {@code p}, an object file, archive or executable: at
     * most {@link Limits#MAX_OBJECT_FILE_BYTES}, the largest file the guest can hold. A
     * device or FIFO is refused rather than read, so it cannot make the tool wait.
     */
    static byte[] read(Path p) throws UserError {
        return read(p, Limits.MAX_OBJECT_FILE_BYTES);
    }

    /** The text of the assembly source {@code p}, at most {@link Limits#MAX_ASSEMBLY_BYTES}. */
    static String readText(Path p) throws UserError {
        return new String(read(p, Limits.MAX_ASSEMBLY_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] read(Path p, int limit) throws UserError {
        try {
            return new HostCompilerFiles(Path.of("")).read(p.toString(), limit);
        } catch (IOException e) {
            throw new UserError(p + ": " + e.getMessage());
        }
    }

    static void write(Path p, byte[] data) throws UserError {
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new UserError(p + ": cannot write: " + e.getMessage());
        }
    }
}
