package trace;

import java.util.List;

/**
 * Export to the Chrome trace-event JSON format, which ui.perfetto.dev and chrome://tracing
 * open: {@code {"traceEvents":[...]}}. The machine appears as one process, pid 0 "CPUs",
 * with one thread track per CPU (tid = CPU number). Each run slice of a task is a complete
 * event ({@code "ph":"X"}) named "comm (tid N)" on its CPU's track; wake-ups, new tasks,
 * migrations, exits and fatal signals are thread-scoped instant events ({@code "ph":"i"}).
 * Idle stretches are left out, so idle time shows as gaps. Timestamps are microseconds, as
 * the format requires, written with three decimals so that no virtual nanosecond is lost.
 */
public final class ChromeTrace {
    private ChromeTrace() {}

    /** The JSON document for {@code events} on {@code cpus} CPUs. */
    public static String render(List<TraceEvent> events, int cpus) {
        StringBuilder out = new StringBuilder("{\"traceEvents\":[\n");
        Separator sep = new Separator(out);
        sep.next();
        out.append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"tid\":0,\"args\":{\"name\":\"CPUs\"}}");
        for (int cpu = 0; cpu < cpus; cpu++) {
            sep.next();
            out.append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":").append(cpu)
                    .append(",\"args\":{\"name\":\"CPU ").append(cpu).append("\"}}");
        }
        for (RunSlice s : RunSlice.of(events, cpus, RunSlice.endOf(events))) {
            if (s.isIdle()) continue;
            sep.next();
            out.append("{\"name\":").append(string(s.comm() + " (tid " + s.tid() + ")"))
                    .append(",\"cat\":\"sched\",\"ph\":\"X\",\"ts\":").append(micros(s.start()))
                    .append(",\"dur\":").append(micros(s.end() - s.start()))
                    .append(",\"pid\":0,\"tid\":").append(s.cpu())
                    .append(",\"args\":{\"tid\":").append(s.tid()).append(",\"tgid\":").append(s.tgid()).append("}}");
        }
        for (TraceEvent e : events) {
            String what = instantName(e.kind());
            if (what == null) continue;
            sep.next();
            out.append("{\"name\":").append(string(what + " " + e.comm() + " (tid " + e.tid() + ")"))
                    .append(",\"cat\":\"sched\",\"ph\":\"i\",\"s\":\"t\",\"ts\":").append(micros(e.time()))
                    .append(",\"pid\":0,\"tid\":").append(e.cpu())
                    .append(",\"args\":{\"tid\":").append(e.tid()).append(",\"tgid\":").append(e.tgid())
                    .append(",\"arg\":").append(e.arg()).append("}}");
        }
        return out.append("\n]}\n").toString();
    }

    /** The instant-event name of a kind, or null for kinds drawn otherwise (switches) or not at all (syscalls). */
    private static String instantName(TraceKind kind) {
        return switch (kind) {
            case WAKEUP -> "wakeup";
            case NEW_TASK -> "new task";
            case MIGRATE -> "migrate";
            case EXIT -> "exit";
            case SIGNAL -> "signal";
            case SWITCH, SYSCALL_ENTER, SYSCALL_EXIT -> null;
        };
    }

    /** Nanoseconds as microseconds with exactly three decimals, e.g. 1234 -> 1.234. */
    static String micros(long ns) {
        return ns / 1000 + "." + String.format("%03d", ns % 1000);
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (the grader's results.json uses it too). */
    public static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** Writes the comma between array elements, and a newline for readability. */
    private static final class Separator {
        private final StringBuilder out;
        private boolean first = true;

        Separator(StringBuilder out) { this.out = out; }

        void next() {
            if (!first) out.append(",\n");
            first = false;
        }
    }
}
