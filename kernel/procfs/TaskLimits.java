package procfs;

import task.ResourceLimits;

/**
 * The text of /proc/PID/limits, as Linux's fs/proc/base.c {@code proc_pid_limits} prints
 * it: a header, then one line per resource with its name, soft limit, hard limit and unit,
 * in columns of 25, 20, 20 and 10 characters ("unlimited" for RLIM_INFINITY; no unit for the
 * nice and real-time priorities).
 */
final class TaskLimits {
    private TaskLimits() {}

    /** Linux's lnames: each resource's name and unit, in resource order. */
    private static final String[][] NAMES = {
        {"Max cpu time", "seconds"}, {"Max file size", "bytes"}, {"Max data size", "bytes"},
        {"Max stack size", "bytes"}, {"Max core file size", "bytes"}, {"Max resident set", "bytes"},
        {"Max processes", "processes"}, {"Max open files", "files"}, {"Max locked memory", "bytes"},
        {"Max address space", "bytes"}, {"Max file locks", "locks"}, {"Max pending signals", "signals"},
        {"Max msgqueue size", "bytes"}, {"Max nice priority", null}, {"Max realtime priority", null},
        {"Max realtime timeout", "us"},
    };

    /** The limits text of a process whose limits are {@code limits}. */
    static String format(ResourceLimits limits) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units"));
        for (int r = 0; r < ResourceLimits.RLIM_NLIMITS; r++) {
            sb.append(String.format("%-25s %-20s %-20s ", NAMES[r][0], value(limits.cur(r)), value(limits.max(r))));
            if (NAMES[r][1] != null) sb.append(String.format("%-10s", NAMES[r][1]));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A limit as Linux prints it: "unlimited", or the unsigned decimal number. */
    private static String value(long limit) {
        return limit == ResourceLimits.RLIM_INFINITY ? "unlimited" : Long.toUnsignedString(limit);
    }
}
