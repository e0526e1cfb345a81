package cc;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** {@link CompilerFiles} held in memory, by path exactly as given, for preprocessor and driver tests. */
final class PreprocessorMemoryReader implements CompilerFiles {
    private final Map<String, byte[]> files = new TreeMap<>();

    /** Adds (or replaces) the file at {@code path}. */
    PreprocessorMemoryReader put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The file at {@code path} as text, or null if there is none. */
    String get(String path) {
        byte[] data = files.get(path);
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        byte[] data = files.get(path);
        if (data == null) throw new FileNotFoundException("No such file or directory");
        if (data.length > limit) throw new FileTooLargeException(limit);
        return data;
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(path);
    }

    @Override
    public OutputStream create(String path, boolean executable) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(path, toByteArray());
            }
        };
    }
}
