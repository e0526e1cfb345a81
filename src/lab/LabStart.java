package lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lab start NAME}: turns a project's working tree into the starting point of one lab.
 * Every block of the lab is rewritten into its stub ({@link StartingPoint}), and the lab's name
 * is added to {@link Labs#STARTED}. Since that throws the reference code away, it refuses
 * unless git could give it back: the project must be a git work tree with nothing
 * uncommitted ({@code --force} skips that check, for a tree that is not under git).
 */
public final class LabStart {
    private LabStart() {}

    /**
     * Starts lab {@code name} in {@code project} and reports the files it changed on {@code out}.
     *
     * @throws LabError status 2 when there is no such lab; status 1 when the lab is already
     *     started, the tree has uncommitted changes or is not a git work tree (without
     *     {@code force}), or a marker is malformed (then nothing is changed)
     */
    public static void start(Path project, String name, boolean force, PrintWriter out)
            throws IOException, InterruptedException, LabError {
        project = project.toAbsolutePath().normalize();
        Labs labs = Labs.of(project);
        if (labs.find(name).isEmpty()) {
            List<String> names = labs.all().stream().map(Lab::name).toList();
            throw new LabError(2, "no lab called '" + name + "' (the labs are: " + String.join(", ", names) + ")");
        }
        if (labs.started().contains(name)) throw new LabError(1, "lab " + name + " is already at its starting point");
        if (!force) requireCleanWorkTree(project);
        List<String> changed = StartingPoint.apply(project, List.of(name));
        List<String> started = new ArrayList<>(labs.started());
        started.add(name);
        Path list = project.resolve(Labs.STARTED);
        Files.writeString(list, String.join("\n", started) + "\n", StandardCharsets.UTF_8);
        out.println("lab " + name + ": " + changed.size() + (changed.size() == 1 ? " file" : " files")
                + " set to the starting point" + (changed.isEmpty() ? "" : ":"));
        for (String f : changed) out.println("  " + f);
        out.println("  " + Labs.STARTED + " (lists " + name + ")");
        out.println("The handout is " + labs.find(name).get().handout() + "; ./clonix grade " + name + " grades it.");
    }

    /** Refuses a tree whose uncommitted changes lab start could overwrite, or that git does not track. */
    private static void requireCleanWorkTree(Path project) throws IOException, InterruptedException, LabError {
        if (!Git.isWorkTree(project)) {
            throw new LabError(1, project + " is not a git work tree (or git is missing), so the reference"
                    + " code could not be recovered; use --force to start the lab anyway");
        }
        Git.Result status = Git.run(project, "status", "--porcelain", "--", ".");
        if (status == null || !status.ok()) throw new LabError(1, "git status failed: " + (status == null ? "no git" : status.err()));
        if (!status.out().isBlank()) {
            long n = status.out().lines().count();
            throw new LabError(1, "the working tree has uncommitted changes (" + n + (n == 1 ? " file" : " files")
                    + ", see git status); commit or stash them first");
        }
    }
}
