package lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that replays one run of a graded test by hand: {@code ./clonix run} with the
 * run's seed, CPU count and time limit and the test's options, program, arguments and
 * input. The machine is deterministic, so it prints what the failing run printed. For an
 * exploration it is {@code ./clonix explore} with the same schedules, which finds the same
 * failing schedule and shows it in source lines with its own replay command.
 */
public final class Replay {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private Replay() {}

    /** The command, to be typed in {@code project}. */
    public static String command(Path project, GradedTest test, GradedTest.Run run) {
        List<String> words = run.schedules() > 0
                ? new ArrayList<>(List.of("./clonix", "explore", "--runs", Integer.toString(run.schedules()),
                        "--seed", Long.toString(run.seed()), "--time-limit", TestProcess.seconds(test.timeLimitSeconds())))
                : new ArrayList<>(List.of("./clonix", "run", "--seed", Long.toString(run.seed()),
                        "--cpus", Integer.toString(run.cpus()), "--time-limit", TestProcess.seconds(test.timeLimitSeconds())));
        words.addAll(test.options());
        words.add(path(project, test.program()));
        words.addAll(test.args());
        StringBuilder s = new StringBuilder();
        for (String w : words) s.append(s.length() == 0 ? "" : " ").append(quote(w));
        if (test.stdin() != null) s.append(" < ").append(quote(path(project, test.stdin())));
        return s.toString();
    }

    /** {@code p} relative to {@code project} if it is inside it (as a student types it), else absolute. */
    static String path(Path project, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path root = project.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /** A word as the shell must be given it: quoted unless it is plain. */
    static String quote(String w) {
        return PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'";
    }
}
