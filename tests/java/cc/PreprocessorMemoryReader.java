package cc;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** A {@link SourceReader} over files held in memory, for preprocessor tests. */
final class PreprocessorMemoryReader implements SourceReader {
    private final Map<String, String> files = new TreeMap<>();

    /** Adds (or replaces) the file at {@code path}. */
    PreprocessorMemoryReader put(String path, String text) {
        files.put(path, text);
        return this;
    }

    @Override
    public String read(String path) throws IOException {
        String text = files.get(path);
        if (text == null) throw new FileNotFoundException(path);
        return text;
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }
}
