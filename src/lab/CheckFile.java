package lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a check file ({@code T.ck}): lines of {@code key: value}, {@code #} starting a
 * comment line, as Pintos's {@code .ck} files say how a test's output is judged. The keys
 * and their defaults are in docs/labs/README.md ("Writing a test"). Every mistake in a
 * check file (an unknown or repeated key, a bad number or pattern, a file that is not
 * there) is refused with the file and line, so that a teacher's typo never silently
 * changes what a test accepts.
 */
public final class CheckFile {
    /** A check file the grader cannot use; the message names the file and line. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The keys that may be given more than once. */
    private static final Set<String> REPEATABLE = Set.of("expect", "match", "reject");
    private static final Set<String> KEYS = Set.of("title", "points", "program", "args", "stdin", "options", "seeds",
            "cpus", "timeout", "time-limit", "max-output", "exit", "expect", "sorted", "match", "reject", "explore");
    /** Machine options a check file sets with keys of their own, since every run gets its own value. */
    private static final Map<String, String> OWN_KEYS = Map.of("--seed", "seeds", "--cpus", "cpus", "--time-limit", "time-limit");

    /** The longest host timeout of a run: an hour. */
    private static final long MAX_TIMEOUT = 3600;
    /** The most schedules one test may explore. */
    private static final long MAX_EXPLORE = 100_000;
    /** The longest time limit, {@code ./clonix run}'s largest --time-limit (a million virtual seconds). */
    private static final long MAX_TIME_LIMIT = 1_000_000;

    private final Path file;
    private int line;

    private CheckFile(Path file) {
        this.file = file;
    }

    /** Reads {@code ck}, a test of lab {@code lab}; {@code hidden} for a teacher's hidden test. */
    public static GradedTest read(String lab, Path ck, boolean hidden) throws IOException, Invalid {
        return new CheckFile(ck).parse(lab, hidden, Files.readAllLines(ck, StandardCharsets.UTF_8));
    }

    private GradedTest parse(String lab, boolean hidden, List<String> lines) throws Invalid {
        String name = file.getFileName().toString().replaceFirst("\\.ck$", "");
        Path dir = file.toAbsolutePath().getParent();
        String title = null;
        Integer points = null;
        Path program = dir.resolve(name + ".c");
        List<String> args = List.of();
        Path stdin = null;
        List<String> options = List.of();
        List<Long> seeds = List.of(1L, 2L, 3L);
        List<Integer> cpus = List.of(1, 4);
        double timeout = 20, timeLimit = 10;
        int maxOutput = 65536, exit = 0, explore = 0;
        boolean sorted = false;
        List<Path> expects = new ArrayList<>();
        List<Pattern> matches = new ArrayList<>(), rejects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        line = 0;
        for (String raw : lines) {
            line++;
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            int colon = text.indexOf(':');
            if (colon < 0) throw invalid("expected 'key: value', got '" + text + "'");
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (!KEYS.contains(key)) throw invalid("unknown key '" + key + "'");
            if (!seen.add(key) && !REPEATABLE.contains(key)) throw invalid("'" + key + "' is given twice");
            switch (key) {
                case "title" -> title = nonEmpty(key, value);
                case "points" -> points = (int) number(key, value, 0, 1000);
                case "program" -> program = existing(dir, key, value);
                case "args" -> args = words(value);
                case "stdin" -> stdin = existing(dir, key, value);
                case "options" -> options = machineOptions(value);
                case "seeds" -> seeds = longs(key, value);
                case "cpus" -> {
                    List<Integer> counts = new ArrayList<>();
                    for (long c : longs(key, value)) counts.add((int) check(key, c, 1, 64));
                    cpus = counts;
                }
                case "timeout" -> timeout = seconds(key, value, MAX_TIMEOUT);
                case "time-limit" -> timeLimit = seconds(key, value, MAX_TIME_LIMIT);
                case "max-output" -> maxOutput = (int) number(key, value, 1, 16 << 20);
                case "exit" -> exit = (int) number(key, value, 0, 255);
                case "expect" -> expects.add(existing(dir, key, value));
                case "sorted" -> sorted = yesNo(key, value);
                case "match" -> matches.add(pattern(key, value));
                case "reject" -> rejects.add(pattern(key, value));
                case "explore" -> explore = (int) number(key, value, 1, MAX_EXPLORE);
                default -> throw new IllegalStateException(key);
            }
        }
        line = 0;
        if (title == null) throw invalid("no 'title'");
        if (points == null) throw invalid("no 'points'");
        if (seeds.isEmpty()) throw invalid("'seeds' lists no seed");
        if (cpus.isEmpty()) throw invalid("'cpus' lists no CPU count");
        if (!Files.isRegularFile(program)) throw invalid("its program " + program.getFileName() + " is not there");
        // Explored schedules run with no input, as clonix explore runs them.
        if (explore > 0 && stdin != null) throw invalid("'explore' cannot be combined with 'stdin'");
        // An expected output beside the test that nothing compares with is a test that checks
        // less than its author believes: a check file without 'expect' grades the exit status only.
        Path expected = dir.resolve(name + ".expected");
        if (Files.isRegularFile(expected) && expects.stream().noneMatch(e -> e.equals(expected))) {
            throw invalid(expected.getFileName() + " is there but no 'expect' names it");
        }
        return new GradedTest(lab, name, file, hidden, title, points, program, args, stdin, options, seeds, cpus,
                timeout, timeLimit, maxOutput, exit, List.copyOf(expects), sorted, List.copyOf(matches),
                List.copyOf(rejects), explore);
    }

    private Invalid invalid(String message) {
        return new Invalid(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    private String nonEmpty(String key, String value) throws Invalid {
        if (value.isEmpty()) throw invalid("'" + key + "' is empty");
        return value;
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    private long number(String key, String value, long min, long max) throws Invalid {
        try {
            return check(key, Long.parseLong(value), min, max);
        } catch (NumberFormatException e) {
            throw invalid("'" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    private long check(String key, long n, long min, long max) throws Invalid {
        if (n < min || n > max) throw invalid("'" + key + "' must be between " + min + " and " + max);
        return n;
    }

    private List<Long> longs(String key, String value) throws Invalid {
        List<Long> out = new ArrayList<>();
        for (String w : words(value)) out.add(number(key, w, Long.MIN_VALUE, Long.MAX_VALUE));
        return out;
    }

    private double seconds(String key, String value, long max) throws Invalid {
        try {
            double s = Double.parseDouble(value);
            if (s > 0 && s <= max) return s;
        } catch (NumberFormatException e) {
            // refused below, with the same message as a number out of range
        }
        throw invalid("'" + key + "' must be a number of seconds above 0 and at most " + max + ", not '" + value + "'");
    }

    private boolean yesNo(String key, String value) throws Invalid {
        if (value.equals("yes")) return true;
        if (value.equals("no")) return false;
        throw invalid("'" + key + "' must be yes or no, not '" + value + "'");
    }

    private Pattern pattern(String key, String value) throws Invalid {
        try {
            return Pattern.compile(nonEmpty(key, value));
        } catch (PatternSyntaxException e) {
            throw invalid("'" + key + "': bad pattern: " + e.getDescription());
        }
    }

    private Path existing(Path dir, String key, String value) throws Invalid {
        Path p = dir.resolve(nonEmpty(key, value)).normalize();
        if (!Files.isRegularFile(p)) throw invalid("'" + key + "': no file " + value + " next to the test");
        return p;
    }

    /** The machine options, minus those that have keys of their own. */
    private List<String> machineOptions(String value) throws Invalid {
        List<String> options = words(value);
        for (String o : options) {
            String option = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
            if (OWN_KEYS.containsKey(option)) {
                throw invalid("'options' may not set " + option + ": use the '" + OWN_KEYS.get(option) + "' key");
            }
        }
        return options;
    }
}
