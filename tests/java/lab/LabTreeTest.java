package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clonix.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clonix lab list|start|export} on a small fixture project under git: two labs with
 * blocks in Java, C and assembly. Start rewrites only its lab's blocks, records it in
 * labs/STARTED and refuses whatever could lose work; export leaves no reference code and no
 * history.
 */
class LabTreeTest {
    private static final String B = " BEGIN", S = " STUB", E = " END";

    @TempDir Path tmp;
    private Path project;
    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private static final String FORK = String.join("\n",
            "package mm;",
            "final class Fork {",
            "    static int pages() {",
            "        // LAB cow" + B + ": share the pages",
            "        return 1;",
            "        // LAB cow" + S,
            "        // return 2;",
            "        // LAB cow" + E,
            "    }",
            "}", "");
    private static final String FORK_STARTED = String.join("\n",
            "package mm;",
            "final class Fork {",
            "    static int pages() {",
            "        // LAB cow: share the pages",
            "        return 2;",
            "    }",
            "}", "");
    private static final String LOTTERY = String.join("\n",
            "int draw(void) {",
            "    // LAB sched" + B + ": draw a ticket",
            "    return 7;",
            "    // LAB sched" + E,
            "}", "");

    @BeforeEach
    void makeProject() throws Exception {
        project = tmp.resolve("project");
        write("labs/cow/lab.properties", "order=2\ntitle=Copy-on-write fork\n");
        write("labs/sched/lab.properties", "order=1\ntitle=Lottery\n");
        write("labs/cow/tests/a.ck", "title: a\npoints: 60\n");
        write("labs/cow/tests/b.ck", "# a comment\ntitle: b\npoints:40\n");
        write("labs/cow/tests/a.c", "int main(void) { return 0; }\n");
        write("labs/cow/tests/b.c", "int main(void) { return 0; }\n");
        write("kernel/mm/Fork.java", FORK);
        write("userland/lib/lottery.c", LOTTERY);
        write("userland/lib/futex.s", "# LAB cow" + B + "\n    ecall\n# LAB cow" + E + "\n");
        write("README.md", "A handout may show the syntax:\n\n    // LAB cow" + B + ": ...\n");
        write("clonix", "#!/bin/sh\necho clonix\n");
        Files.setPosixFilePermissions(project.resolve("clonix"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        git(project, "init", "-q");
        git(project, "add", "-A");
        commit(project, "the reference tree");
    }

    private void write(String name, String text) throws IOException {
        Path p = project.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private String read(Path root, String name) throws IOException {
        return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
    }

    private static String git(Path dir, String... args) throws Exception {
        Git.Result r = Git.run(dir, args);
        assertTrue(r != null && r.ok(), () -> "git " + String.join(" ", args) + ": " + (r == null ? "no git" : r.err()));
        return r.out();
    }

    private static void commit(Path dir, String message) throws Exception {
        git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    private int lab(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "lab";
        all[1] = "-C";
        all[2] = project.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void listGivesEachLabInCourseOrderWithItsPointsAndWhetherItIsStarted() throws Exception {
        assertEquals(0, lab("list"));
        assertEquals("sched    0 points  Lottery\ncow    100 points  Copy-on-write fork\n", out.toString());
        write(Labs.STARTED, "cow\n");
        out.getBuffer().setLength(0);
        assertEquals(0, lab("list"));
        assertEquals("sched    0 points  Lottery\ncow    100 points  Copy-on-write fork  (started)\n", out.toString());
    }

    @Test
    void startRewritesOnlyItsLabsBlocksAndRecordsIt() throws Exception {
        assertEquals(0, lab("start", "cow"), err::toString);
        assertEquals(FORK_STARTED, read(project, "kernel/mm/Fork.java"));
        assertEquals("# LAB cow\n", read(project, "userland/lib/futex.s"));
        assertEquals(LOTTERY, read(project, "userland/lib/lottery.c"));
        assertTrue(read(project, "README.md").contains("LAB cow" + B), "Markdown is not source: start leaves it");
        assertEquals("cow\n", read(project, Labs.STARTED));
        assertEquals(List.of("cow"), Labs.of(project).started());
        String said = out.toString();
        assertTrue(said.contains("kernel/mm/Fork.java") && said.contains("userland/lib/futex.s")
                && !said.contains("lottery.c"), said);

        git(project, "add", "-A");
        commit(project, "cow started");
        assertEquals(1, lab("start", "cow"));
        assertEquals("clonix lab start: lab cow is already at its starting point\n", err.toString());
        assertEquals(0, lab("start", "sched"), err::toString);
        assertEquals("int draw(void) {\n    // LAB sched: draw a ticket\n}\n", read(project, "userland/lib/lottery.c"));
        assertEquals("cow\nsched\n", read(project, Labs.STARTED));
    }

    @Test
    void startRefusesUncommittedChangesAndChangesNothing() throws Exception {
        write("kernel/mm/Other.java", "class Other {}\n");
        assertEquals(1, lab("start", "cow"));
        assertEquals("clonix lab start: the working tree has uncommitted changes (1 file, see git status);"
                + " commit or stash them first\n", err.toString());
        assertEquals(FORK, read(project, "kernel/mm/Fork.java"));
        assertFalse(Files.exists(project.resolve(Labs.STARTED)));
    }

    @Test
    void startRefusesATreeGitDoesNotTrackUnlessForced() throws Exception {
        deleteTree(project.resolve(".git"));
        assertEquals(1, lab("start", "cow"));
        assertTrue(err.toString().contains("is not a git work tree") && err.toString().contains("--force"), err.toString());
        assertEquals(FORK, read(project, "kernel/mm/Fork.java"));
        assertEquals(0, lab("start", "--force", "cow"), err::toString);
        assertEquals(FORK_STARTED, read(project, "kernel/mm/Fork.java"));
    }

    @Test
    void startOfAnUnknownLabIsAUsageError() {
        assertEquals(2, lab("start", "nosuch"));
        assertEquals("clonix lab start: no lab called 'nosuch' (the labs are: sched, cow)\n", err.toString());
    }

    @Test
    void aMalformedMarkerIsReportedAndNothingIsWritten() throws Exception {
        // Fork.java comes before the bad file in the walk, so it would be written first if
        // start did not check every file before writing any.
        write("userland/lib/zz.c", "x\n// LAB cow" + B + "\n");
        commit(project, "add a bad file", "userland/lib/zz.c");
        assertEquals(1, lab("start", "cow"));
        assertEquals("clonix lab start: userland/lib/zz.c:2: LAB cow BEGIN without an END\n", err.toString());
        assertEquals(FORK, read(project, "kernel/mm/Fork.java"));
        assertEquals("", git(project, "status", "--porcelain"));
    }

    private static void commit(Path dir, String message, String file) throws Exception {
        git(dir, "add", file);
        commit(dir, message);
    }

    @Test
    void exportWritesEveryLabAtItsStartingPointInANewOneCommitRepository() throws Exception {
        write("untracked.txt", "not in git\n");
        Path student = tmp.resolve("student");
        assertEquals(0, lab("export", student.toString()), err::toString);
        assertEquals(FORK_STARTED, read(student, "kernel/mm/Fork.java"));
        assertEquals("int draw(void) {\n    // LAB sched: draw a ticket\n}\n", read(student, "userland/lib/lottery.c"));
        assertEquals("sched\ncow\n", read(student, Labs.STARTED));
        assertEquals(List.of(), StartingPoint.remainingBlocks(student));
        assertFalse(Files.exists(student.resolve("untracked.txt")), "only what git tracks is exported");
        assertTrue(Files.getPosixFilePermissions(student.resolve("clonix")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertEquals("1", git(student, "rev-list", "--count", "HEAD").strip(), "one commit");
        assertEquals("", git(student, "status", "--porcelain"), "everything written is committed");
        // The original's history, which has the reference code, is not there.
        String original = git(project, "rev-parse", "HEAD").strip();
        Git.Result r = Git.run(student, "cat-file", "-e", original);
        assertTrue(r != null && !r.ok(), "the original's commit is not in the student edition");
        // The source tree is as it was.
        assertEquals(FORK, read(project, "kernel/mm/Fork.java"));
    }

    @Test
    void exportRefusesADirectoryThatIsNotEmpty() throws Exception {
        Path student = Files.createDirectories(tmp.resolve("student"));
        Files.writeString(student.resolve("keep"), "mine");
        assertEquals(1, lab("export", student.toString()));
        assertEquals("clonix lab export: " + student + " exists and is not an empty directory\n", err.toString());
        assertEquals("mine", Files.readString(student.resolve("keep")));
    }

    @Test
    void exportFailsAndDeletesItsCopyWhenReferenceCodeWouldBeLeft() throws Exception {
        // Blocks outside the directories start rewrites stay, and export must catch them.
        write("tests/Check.java", "// LAB cow" + B + "\nclass Check {}\n// LAB cow" + E + "\n");
        commit(project, "a block where start does not look", "tests/Check.java");
        Path student = tmp.resolve("student");
        assertEquals(1, lab("export", student.toString()));
        assertEquals("clonix lab export: reference code would be left in the student edition, so it was deleted:"
                + " tests/Check.java: lab cow\n", err.toString());
        assertTrue(Files.isDirectory(student));
        try (var s = Files.list(student)) {
            assertEquals(0, s.count());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
