package lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges one run of a graded test: how it ended, then what it printed, against the test's
 * check file. The first thing wrong is the reason the run fails; a run that broke the
 * rules of every test (a flood, a kernel bug, a deadlock, its time limit) fails for that
 * whatever it printed. {@link #failure} is null for a run that passes.
 *
 * @param reason one line: why the run failed
 * @param detail the evidence, a few bounded lines: expected and actual output, or what came out
 */
public record Verdict(String reason, String detail) {
    /** Lines of output shown as evidence at most. */
    static final int EXCERPT_LINES = 20;
    /** Characters of one line shown at most. */
    static final int LINE_CHARS = 200;

    /** Why {@code r}, a run of {@code test}, fails; null if it passes. */
    public static Verdict failure(GradedTest test, RunReport r) throws IOException {
        String out = r.output();
        if (r.flooded()) {
            return new Verdict("output flood: it wrote more than " + test.maxOutput() + " bytes", "its output began:\n"
                    + excerpt(head(lines(out))));
        }
        if (!r.javaError().isEmpty()) return new Verdict("the kernel's Java failed: " + firstLine(r.javaError()), r.javaError());
        if (!r.oopses().isEmpty()) return new Verdict(firstLine(r.oopses()).replaceFirst("^clonix: ", ""), tail(out));
        if (r.reports().contains("time limit of")) {
            return new Verdict("ran past its time limit of " + TestProcess.seconds(test.timeLimitSeconds())
                    + " s of virtual time", tail(out));
        }
        if (r.reports().contains("deadlock")) {
            return new Verdict("deadlock: no task can run again", r.reports().replaceFirst("^clonix: [^\n]*\n", "")
                    .strip() + "\n" + tail(out));
        }
        if (r.status() != test.exit()) {
            return new Verdict("exit status " + status(r.status()) + ", expected " + status(test.exit()), tail(out));
        }
        List<String> actual = lines(out);
        if (!test.expects().isEmpty()) {
            Verdict v = compare(test, actual);
            if (v != null) return v;
        }
        for (Pattern p : test.matches()) {
            if (actual.stream().noneMatch(l -> p.matcher(l).find())) {
                return new Verdict("no line of the output matches /" + p + "/", tail(out));
            }
        }
        for (Pattern p : test.rejects()) {
            for (int i = 0; i < actual.size(); i++) {
                if (p.matcher(actual.get(i)).find()) {
                    return new Verdict("line " + (i + 1) + " matches /" + p + "/, which it must not",
                            clip(actual.get(i)));
                }
            }
        }
        return null;
    }

    /** Null if the output equals one of the accepted files; else the difference from the first. */
    private static Verdict compare(GradedTest test, List<String> actual) throws IOException {
        List<String> got = test.sorted() ? sorted(actual) : actual;
        List<String> first = null;
        for (Path e : test.expects()) {
            List<String> want = lines(Files.readString(e, StandardCharsets.UTF_8));
            if (test.sorted()) want = sorted(want);
            if (want.equals(got)) return null;
            if (first == null) first = want;
        }
        String which = test.expects().get(0).getFileName().toString();
        String reason = "the output" + (test.sorted() ? ", its lines sorted," : "") + " differs from " + which
                + (test.expects().size() > 1 ? " (and from the " + (test.expects().size() - 1) + " other accepted outputs)" : "");
        return new Verdict(reason, OutputDiff.excerpt(first, got));
    }

    private static String status(int s) {
        if (s > 128 && s < 128 + 65) return s + " (killed by " + signal.SigSet.name(s - 128) + ")";
        return s < 0 ? "none" : Integer.toString(s);
    }

    /**
     * The lines of {@code text}: a final newline ends the last line rather than starting an
     * empty one; a last line without one is a line still.
     */
    static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(t.split("\n", -1));
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    private static List<String> head(List<String> l) {
        return l.subList(0, Math.min(l.size(), EXCERPT_LINES));
    }

    /** The last lines of the output, where a crash or a hang shows. */
    private static String tail(String out) {
        List<String> l = lines(out);
        if (l.isEmpty()) return "it printed nothing";
        List<String> t = l.subList(Math.max(0, l.size() - EXCERPT_LINES), l.size());
        return (t.size() < l.size() ? "the last " + t.size() + " of its " + l.size() + " lines of output:\n"
                : "its output:\n") + excerpt(t);
    }

    private static String excerpt(List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (String l : lines) s.append("  | ").append(clip(l)).append('\n');
        return s.toString().stripTrailing();
    }

    /** One line, shortened to {@link #LINE_CHARS}. */
    static String clip(String line) {
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
