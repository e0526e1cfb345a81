package clonix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    static byte[] read(Path p) throws UserError {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UserError(p + ": no such file");
        } catch (IOException e) {
            throw new UserError(p + ": cannot read: " + e.getMessage());
        }
    }

    static String readText(Path p) throws UserError {
        return new String(read(p), java.nio.charset.StandardCharsets.UTF_8);
    }

    static void write(Path p, byte[] data) throws UserError {
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new UserError(p + ": cannot write: " + e.getMessage());
        }
    }
}
