package cc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only files held in memory at absolute paths, in front of another
 * {@link CompilerFiles}: a path that names one of them (after "." and ".." steps are taken
 * out) is served from memory, every other path and every output goes to the files
 * underneath. The host-side driver reads the boot image's headers, crt0.o and libc.a this
 * way, at their guest paths (/usr/include, /usr/lib), as a cross compiler reads its
 * sysroot, with no copy of them on disk.
 */
public final class MemoryFiles implements CompilerFiles {
    private final Map<String, byte[]> files;
    private final CompilerFiles under;

    /** {@code files} (absolute path to contents) in front of {@code under}. */
    public MemoryFiles(Map<String, byte[]> files, CompilerFiles under) {
        this.files = new TreeMap<>(files);
        this.under = under;
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        byte[] data = lookup(path);
        if (data == null) return under.read(path, limit);
        if (data.length > limit) throw new FileTooLargeException(limit);
        return data.clone();
    }

    @Override
    public boolean isFile(String path) {
        return lookup(path) != null || under.isFile(path);
    }

    @Override
    public OutputStream create(String path, boolean executable) throws IOException {
        if (lookup(path) != null) throw new IOException("Read-only file system");
        return under.create(path, executable);
    }

    /** A file in memory is known by its normalized path; any other by the files underneath. */
    @Override
    public String identity(String path) {
        return lookup(path) != null ? "memory:" + IncludeResolver.normalize(path) : under.identity(path);
    }

    /** The contents of the file in memory at {@code path}, or null if it is not one of them. */
    private byte[] lookup(String path) {
        return path.startsWith("/") ? files.get(IncludeResolver.normalize(path)) : null;
    }
}
