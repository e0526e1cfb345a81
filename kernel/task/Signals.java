package task;

/**
 * Signal numbers (Linux x86-64) and the wait-status encodings the task code needs: which
 * default actions dump core, and the statuses of a killed or exited task. The signal
 * machinery itself is in package signal (docs/kernel.md, "Signals").
 */
public final class Signals {
    private Signals() {}

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGXCPU = 24,
            SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGSYS = 31;

    /** The highest signal number: signals are 1..NSIG, as Linux's _NSIG = 64. */
    public static final int NSIG = 64;

    /** The "core dumped" bit of a wait status (WCOREDUMP). */
    public static final int CORE_BIT = 0x80;

    /**
     * True if the default action of {@code sig} is to terminate with a core dump (man 7
     * signal: "Core"). Clonix writes no core file, but sets the core bit in the wait status
     * as Linux does when dumping is enabled, so {@code WCOREDUMP} reports what Linux would.
     */
    public static boolean dumpsCore(int sig) {
        return switch (sig) {
            case SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS -> true;
            default -> false;
        };
    }

    /** The wait status of a task killed by {@code sig}: the number, with the core bit if it dumps. */
    public static int killedStatus(int sig) {
        return (sig & 0x7f) | (dumpsCore(sig) ? CORE_BIT : 0);
    }

    /** The wait status of a task that called exit(code): (code &amp; 0xff) &lt;&lt; 8. */
    public static int exitedStatus(int code) {
        return (code & 0xff) << 8;
    }

    /** The status a shell reports for a wait status: the exit code, or 128 + the signal. */
    public static int shellStatus(int waitStatus) {
        int sig = waitStatus & 0x7f;
        return sig == 0 ? (waitStatus >> 8) & 0xff : 128 + sig;
    }
}
