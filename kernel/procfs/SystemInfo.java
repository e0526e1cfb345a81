package procfs;

/**
 * What the system-wide /proc files report, provided by the kernel core. All times are the
 * machine's virtual time, so the files read the same in every run with the same seed.
 */
public interface SystemInfo {
    /** The number of virtual CPUs (one "processor" block each in /proc/cpuinfo). */
    int cpuCount();

    /** Virtual nanoseconds since boot (first field of /proc/uptime). */
    long uptimeNanos();

    /** Virtual nanoseconds the CPUs have spent idle, summed over CPUs (second field of /proc/uptime). */
    long idleNanos();

    /** The 1, 5 and 15 minute load averages in hundredths (so 1.05 is 105). */
    long[] loadAveragesHundredths();

    /** Tasks currently runnable (or running). */
    int runnableTasks();

    /** All tasks (threads included) that exist. */
    int totalTasks();

    /** The most recently allocated pid. */
    int lastPid();

    /** The process (tgid) making the current system call: what /proc/self points to. */
    int callerPid();

    /**
     * The thread making the current system call: what /proc/thread-self points to
     * (PID/task/TID). By default the caller is taken to be single-threaded.
     */
    default int callerTid() {
        return callerPid();
    }
}
