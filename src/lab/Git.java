package lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few git commands the lab commands need, run as host processes in one directory. Git is
 * optional: {@link #run} returns null when it is not installed, and callers decide what that
 * means (lab start refuses unless forced; lab export copies files without making a commit).
 */
final class Git {
    private Git() {}

    /** What a git command printed on standard output, and how it exited. */
    record Result(int status, String out, String err) {
        boolean ok() {
            return status == 0;
        }
    }

    /** Runs {@code git ARGS} in {@code dir}, with no standard input; null if git cannot be started. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            return null;
        }
        p.getOutputStream().close();
        // Standard error is read on a thread of its own so that neither pipe can fill up and
        // stall git while the other is being read.
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                err[0] = new byte[0];
            }
        });
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        errReader.join();
        return new Result(status, out, new String(err[0], StandardCharsets.UTF_8).strip());
    }

    /** True if {@code dir} is inside a git work tree (and git is installed). */
    static boolean isWorkTree(Path dir) throws IOException, InterruptedException {
        Result r = run(dir, "rev-parse", "--is-inside-work-tree");
        return r != null && r.ok() && r.out().strip().equals("true");
    }
}
