package lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code lab export DIR}: writes the student edition of a project into DIR. It holds the
 * project's files as they are in the working tree (the files git tracks, or when the project
 * is not under git every file but {@code target/} and {@code .git/}), with every lab at its
 * starting point and {@link Labs#STARTED} listing them all. Before anything else happens to it
 * the copy is scanned, and if any reference block is left (documentation's included) the
 * export is deleted and the command fails. Then, when git is installed, DIR becomes a new
 * repository with one commit: none of the original history, which holds the reference code,
 * goes with it.
 */
public final class LabExport {
    private LabExport() {}

    /** The author of the student edition's one commit, so that no git identity is needed. */
    private static final String[] AUTHOR = {"-c", "user.name=Clonix", "-c", "user.email=clonix@localhost",
        "-c", "commit.gpgsign=false"};

    /**
     * Exports {@code project} into {@code dir} and reports what it wrote on {@code out}.
     *
     * @throws LabError (status 1) when dir exists and is not an empty directory, a marker is
     *     malformed, reference code is left after the rewrite, or git fails
     */
    public static void export(Path project, Path dir, PrintWriter out) throws IOException, InterruptedException, LabError {
        project = project.toAbsolutePath().normalize();
        dir = dir.toAbsolutePath().normalize();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(dir)) {
            throw new LabError(1, dir + " exists and is not an empty directory");
        }
        List<String> files = projectFiles(project, dir);
        Files.createDirectories(dir);
        for (String f : files) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(project.resolve(f), target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<String> labs = Labs.of(dir).all().stream().map(Lab::name).toList();
        List<String> changed;
        try {
            changed = StartingPoint.apply(dir, labs);
        } catch (LabError e) {
            deleteContents(dir);
            throw e;
        }
        Files.createDirectories(dir.resolve(Labs.STARTED).getParent());
        Files.writeString(dir.resolve(Labs.STARTED), labs.isEmpty() ? "" : String.join("\n", labs) + "\n", StandardCharsets.UTF_8);
        List<String> left = StartingPoint.remainingBlocks(dir);
        if (!left.isEmpty()) {
            deleteContents(dir);
            throw new LabError(1, "reference code would be left in the student edition, so it was deleted: "
                    + String.join("; ", left));
        }
        out.println("student edition written to " + dir + ": " + files.size() + " files, "
                + changed.size() + " of them set to a lab's starting point (labs: " + String.join(", ", labs) + ")");
        commit(dir, out);
    }

    /** The files to export, relative to the project with '/', sorted; never anything under {@code dir}. */
    private static List<String> projectFiles(Path project, Path dir) throws IOException, InterruptedException, LabError {
        List<String> files = new ArrayList<>();
        if (Git.isWorkTree(project)) {
            Git.Result r = Git.run(project, "ls-files", "-z");
            if (r == null || !r.ok()) throw new LabError(1, "git ls-files failed: " + (r == null ? "no git" : r.err()));
            for (String f : r.out().split("\0")) {
                // A tracked file deleted from the working tree is not part of it any more.
                if (!f.isEmpty() && Files.exists(project.resolve(f), LinkOption.NOFOLLOW_LINKS)) files.add(f);
            }
        } else {
            for (Path p : StartingPoint.files(project, List.of("."))) {
                String f = StartingPoint.relative(project, p);
                if (!f.startsWith("target/") && !f.startsWith(".git/")) files.add(f);
            }
        }
        return files.stream().filter(f -> !project.resolve(f).normalize().startsWith(dir)).sorted().toList();
    }

    /** Makes {@code dir} a repository whose only commit is the student edition, if git is installed. */
    private static void commit(Path dir, PrintWriter out) throws IOException, InterruptedException, LabError {
        Git.Result init = Git.run(dir, "-c", "init.defaultBranch=main", "init", "-q");
        if (init == null) {
            out.println("git is not installed: " + dir + " is a plain directory, not a repository");
            return;
        }
        if (!init.ok()) throw new LabError(1, "git init failed: " + init.err());
        Git.Result add = Git.run(dir, "add", "-A");
        if (!add.ok()) throw new LabError(1, "git add failed: " + add.err());
        List<String> args = new ArrayList<>(List.of(AUTHOR));
        args.addAll(List.of("commit", "-q", "-m", "The student edition of Clonix: every lab at its starting point"));
        Git.Result commit = Git.run(dir, args.toArray(String[]::new));
        if (!commit.ok()) throw new LabError(1, "git commit failed: " + commit.err());
        out.println("and made it a new git repository with one commit (none of this project's history)");
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes everything this command wrote into {@code dir} (which was empty or absent before). */
    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        }
    }
}
