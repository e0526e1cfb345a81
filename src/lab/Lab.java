package lab;

import java.nio.file.Path;

/**
 * One lab of the course, as described by {@code labs/NAME/lab.properties}: its name (the
 * directory's), its place in the course, a one-line title and summary, and where its handout
 * and graded tests live.
 *
 * @param name the lab's name, e.g. {@code cow}; also the word in its markers ({@code LAB cow BEGIN})
 * @param order its place in the course (labs are listed and graded in this order)
 * @param title a few words, for tables
 * @param summary one line saying what the student builds
 * @param dir {@code labs/NAME} in the project
 */
public record Lab(String name, int order, String title, String summary, Path dir) {
    /** The graded tests: {@code labs/NAME/tests}, one {@code .ck} file per test. */
    public Path testsDir() {
        return dir.resolve("tests");
    }

    /** The handout, relative to the project: {@code docs/labs/NAME.md}. */
    public String handout() {
        return "docs/labs/" + name + ".md";
    }
}
