package procfs;

/**
 * The system-wide files of /proc, in Linux's formats: {@code cpuinfo}, {@code uptime} and
 * {@code loadavg}, the {@code self} link to the calling process's directory and the
 * {@code thread-self} link to the calling thread's. The core calls {@link #install} once at
 * boot with its {@link SystemInfo};
 * per-process directories are added by the core through {@link ProcDirectory#setSource}.
 */
public final class ProcFs {
    private ProcFs() {}

    /** Adds cpuinfo, uptime, loadavg, self and thread-self to the /proc directory {@code proc}, reading {@code info}. */
    public static void install(ProcDirectory proc, SystemInfo info) {
        proc.addFile("cpuinfo", () -> cpuinfo(info));
        proc.addFile("uptime", () -> uptime(info));
        proc.addFile("loadavg", () -> loadavg(info));
        proc.addSymlink("self", () -> Integer.toString(info.callerPid()));
        proc.addSymlink("thread-self", () -> info.callerPid() + "/task/" + info.callerTid());
    }

    /** /proc/cpuinfo: one block per CPU, blank-line separated, "key\t: value" lines as Linux prints. */
    public static String cpuinfo(SystemInfo info) {
        StringBuilder sb = new StringBuilder();
        int cpus = info.cpuCount();
        for (int cpu = 0; cpu < cpus; cpu++) {
            sb.append("processor\t: ").append(cpu).append('\n');
            sb.append("vendor_id\t: Clonix\n");
            sb.append("model name\t: Clonix virtual CPU\n");
            sb.append("physical id\t: 0\n");
            sb.append("siblings\t: ").append(cpus).append('\n');
            sb.append("core id\t\t: ").append(cpu).append('\n');
            sb.append("cpu cores\t: ").append(cpus).append('\n');
            sb.append("flags\t\t: atomics\n");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** /proc/uptime: "seconds.hundredths idle-seconds.hundredths\n". */
    public static String uptime(SystemInfo info) {
        return seconds(info.uptimeNanos()) + " " + seconds(info.idleNanos()) + "\n";
    }

    /** /proc/loadavg: "1min 5min 15min runnable/total lastpid\n", as Linux's. */
    public static String loadavg(SystemInfo info) {
        long[] avg = info.loadAveragesHundredths();
        return hundredths(avg[0]) + " " + hundredths(avg[1]) + " " + hundredths(avg[2]) + " "
                + info.runnableTasks() + "/" + info.totalTasks() + " " + info.lastPid() + "\n";
    }

    private static String seconds(long nanos) {
        return hundredths(nanos / 10_000_000L);
    }

    private static String hundredths(long v) {
        long whole = v / 100;
        long frac = v % 100;
        return whole + "." + (frac < 10 ? "0" : "") + frac;
    }
}
