package explore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How one run ended, which is what {@code clonix explore} compares runs by: the kind of end,
 * the status ({@code clonix run}'s: the exit code, or 128 + the killing signal), and every
 * byte the program wrote to its console (standard output and error, in the order written,
 * with the kernel's deadlock or time-limit report if there was one), and, under
 * {@code explore --race}, how many data races the run reported. Two runs have the same
 * outcome when all four are equal.
 */
public record Outcome(Kind kind, int status, byte[] output, int races) {
    /** The kinds of end, the good one first. */
    public enum Kind {
        /** exit(0) or a return from main with 0. */
        EXIT_OK("exit 0"),
        /** Another exit status. */
        EXIT("exit"),
        /** abort() after a failed assert(): SIGABRT with glibc's "Assertion `...' failed." message. */
        ASSERTION("assertion failed"),
        /** Killed by a signal. */
        SIGNAL("killed by signal"),
        /** Every task left was waiting for another: the kernel's deadlock report. */
        DEADLOCK("deadlock"),
        /** The run used up its virtual time (--time-limit). */
        TIME_LIMIT("time limit");

        final String label;

        Kind(String label) { this.label = label; }
    }

    /** Classifies a run that ended with {@code status}, wrote {@code output}, and made the kernel write {@code reports}. */
    public static Outcome of(int status, byte[] output, List<String> reports) {
        return of(status, output, reports, 0);
    }

    /** {@link #of(int, byte[], List)} for a run that reported {@code races} data races. */
    public static Outcome of(int status, byte[] output, List<String> reports, int races) {
        String text = new String(output, StandardCharsets.UTF_8);
        Kind kind;
        if (reports.stream().anyMatch(r -> r.startsWith("clonix: deadlock"))) kind = Kind.DEADLOCK;
        else if (reports.stream().anyMatch(r -> r.startsWith("clonix: time limit"))) kind = Kind.TIME_LIMIT;
        else if (status == 128 + task.Signals.SIGABRT && text.contains("Assertion `")) kind = Kind.ASSERTION;
        else if (status > 128) kind = Kind.SIGNAL;
        else kind = status == 0 ? Kind.EXIT_OK : Kind.EXIT;
        return new Outcome(kind, status, output, races);
    }

    /** True unless the program exited with status 0 and no data race was reported. */
    public boolean failed() {
        return kind != Kind.EXIT_OK || races > 0;
    }

    /** One line for the histogram: the kind, the status or signal, the assertion, and the start of the output. */
    public String describe() {
        String text = new String(output, StandardCharsets.UTF_8);
        String head = switch (kind) {
            case EXIT_OK -> "exit 0";
            case EXIT -> "exit " + status;
            case SIGNAL -> "killed by " + signal.SigSet.name(status - 128);
            case ASSERTION -> "assertion failed: " + assertionLine(text);
            case DEADLOCK -> "deadlock";
            case TIME_LIMIT -> "time limit";
        };
        return head + ", output " + quote(text, 60) + " (" + output.length + " bytes)"
                + (races > 0 ? ", " + races + " data race(s)" : "");
    }

    private static String assertionLine(String text) {
        for (String line : text.split("\n")) if (line.contains("Assertion `")) return line;
        return "";
    }

    /** {@code s} in double quotes with C escapes, cut to {@code max} characters with "...". */
    static String quote(String s, int max) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < ' ' ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return b.append(b.length() >= max ? "...\"" : "\"").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && kind == other.kind && status == other.status && races == other.races
                && Arrays.equals(output, other.output);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + status) * 31 + races) * 31 + Arrays.hashCode(output);
    }
}
