package lab;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The course's labs: every {@code labs/NAME/lab.properties} of a project, in course order.
 * The project is a source tree (a clone of the repository or a student edition); the lab
 * commands and the grader all start here.
 */
public final class Labs {
    /** The file that lists the labs at their starting point, one name per line. */
    public static final String STARTED = "labs/STARTED";

    private final Path project;
    private final List<Lab> labs;

    private Labs(Path project, List<Lab> labs) {
        this.project = project;
        this.labs = labs;
    }

    /** Reads the catalogue of {@code project}; a project without {@code labs/} has no labs. */
    public static Labs of(Path project) throws IOException {
        List<Lab> labs = new ArrayList<>();
        Path dir = project.resolve("labs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path d : entries.sorted().toList()) {
                    Path props = d.resolve("lab.properties");
                    if (Files.isRegularFile(props)) labs.add(read(d, props));
                }
            }
        }
        labs.sort(Comparator.comparingInt(Lab::order).thenComparing(Lab::name));
        return new Labs(project, List.copyOf(labs));
    }

    private static Lab read(Path dir, Path props) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String name = dir.getFileName().toString();
        int order;
        try {
            order = Integer.parseInt(p.getProperty("order", "").trim());
        } catch (NumberFormatException e) {
            throw new IOException(props + ": 'order' must be a number");
        }
        return new Lab(name, order, p.getProperty("title", name).trim(), p.getProperty("summary", "").trim(), dir);
    }

    /** The project directory the catalogue was read from. */
    public Path project() {
        return project;
    }

    /** All labs, in course order. */
    public List<Lab> all() {
        return labs;
    }

    /** The lab called {@code name}, if there is one. */
    public Optional<Lab> find(String name) {
        return labs.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /**
     * The names of the labs at their starting point in this tree (listed in
     * {@link #STARTED} by {@code lab start} and {@code lab export}).
     */
    public List<String> started() throws IOException {
        Path f = project.resolve(STARTED);
        if (!Files.isRegularFile(f)) return List.of();
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
}
