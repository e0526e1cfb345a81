package cc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The host's file system, for the compiler run on the host ({@code ./clonix cc}, the build
 * of the boot image, the tests): relative paths are taken from the working directory given
 * to the constructor, and files are created with the host's default mode. Only regular
 * files are read, so naming a FIFO or a terminal cannot make the compiler wait.
 */
public final class HostCompilerFiles implements CompilerFiles {
    private final Path workingDir;

    /** The host's files, with relative paths taken from {@code workingDir}. */
    public HostCompilerFiles(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        Path p = resolve(path);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isDirectory()) throw new IOException("Is a directory");
            if (!a.isRegularFile()) throw new IOException("not a regular file");
            if (a.size() > limit) throw new FileTooLargeException(limit);
            try (InputStream in = Files.newInputStream(p)) {
                byte[] data = in.readNBytes(limit);
                if (in.read() >= 0) throw new FileTooLargeException(limit);
                return data;
            }
        } catch (FileSystemException e) {
            throw new IOException(reason(e), e);
        }
    }

    @Override
    public boolean isFile(String path) {
        try {
            return Files.isRegularFile(resolve(path));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public OutputStream create(String path, boolean executable) throws IOException {
        try {
            return Files.newOutputStream(resolve(path));
        } catch (FileSystemException e) {
            throw new IOException(reason(e), e);
        }
    }

    /** The host file's device and inode ({@code fileKey}), or its real path if it has none. */
    @Override
    public String identity(String path) {
        try {
            Path p = resolve(path);
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return key != null ? key.toString() : p.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return CompilerFiles.super.identity(path);
        }
    }

    private Path resolve(String path) throws IOException {
        try {
            return workingDir.resolve(path);
        } catch (InvalidPathException e) {
            throw new IOException("Invalid argument", e);
        }
    }

    /** The strerror text for a failed host file operation, as gcc would print it. */
    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof NotDirectoryException) return "Not a directory";
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}
