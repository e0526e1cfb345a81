package lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts labs at their starting point in a source tree: every marker block of those labs (see
 * {@link Markers}) in the files under {@link #ROOTS} is rewritten into its stub. All files are
 * read and checked before any is written, so a malformed block anywhere leaves the tree as it
 * was. Used by {@code lab start} on the project itself and by {@code lab export} on the
 * student edition.
 */
public final class StartingPoint {
    private StartingPoint() {}

    /**
     * The directories, relative to the project, where reference code may sit between markers,
     * and the documentation that may describe it.
     */
    public static final List<String> ROOTS = List.of("src", "kernel", "userland", "resources", "docs");

    /**
     * Rewrites every block of {@code labs} in the files under {@link #ROOTS} of {@code root};
     * returns the files it changed, relative to {@code root} with {@code /}, sorted.
     *
     * @throws LabError (status 1) naming file:line when a file's markers are malformed;
     *     nothing has been written then
     */
    public static List<String> apply(Path root, Collection<String> labs) throws IOException, LabError {
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Path file : files(root, ROOTS)) {
            String text = readText(file);
            if (text == null || !Markers.mayHaveMarkers(text)) continue;
            String name = relative(root, file);
            String started = text;
            try {
                for (String lab : labs) started = Markers.start(name, started, lab);
            } catch (Markers.MarkerException e) {
                throw new LabError(1, e.getMessage());
            }
            if (!started.equals(text)) changed.put(file, started);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<Path, String> e : changed.entrySet()) {
            Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            names.add(relative(root, e.getKey()));
        }
        names.sort(null);
        return names;
    }

    /**
     * The reference blocks left anywhere in {@code root} (in Markdown, only its own markers
     * count, so a handout may show the source syntax): one {@code file: lab ...} line per file that still has a BEGIN marker,
     * or a malformed one. Empty when no reference code is left.
     */
    public static List<String> remainingBlocks(Path root) throws IOException {
        List<String> left = new ArrayList<>();
        for (Path file : files(root, List.of("."))) {
            String name = relative(root, file);
            if (name.startsWith(".git/")) continue;
            String text = readText(file);
            if (text == null || !Markers.mayHaveMarkers(text)) continue;
            try {
                List<String> labs = Markers.labsWithBlocks(name, text);
                if (!labs.isEmpty()) left.add(name + ": lab " + String.join(", lab ", labs));
            } catch (Markers.MarkerException e) {
                left.add(e.getMessage());
            }
        }
        return left;
    }

    /** The regular files under the given directories of {@code root}, sorted. */
    static List<Path> files(Path root, List<String> dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String d : dirs) {
            Path dir = root.resolve(d).normalize();
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The file's text, or null when it is not UTF-8 text (a binary file holds no markers). */
    private static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
