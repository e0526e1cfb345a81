package shell;

/**
 * The words the shell prints for error numbers and signals: glibc's strerror and
 * strsignal texts (the ones the shell can meet), and signal names for {@code kill -l}.
 */
final class Messages {
    private Messages() {}

    private static final String[] ERRORS = {
        "Success", "Operation not permitted", "No such file or directory", "No such process",
        "Interrupted system call", "Input/output error", "No such device or address", "Argument list too long",
        "Exec format error", "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
        "Cannot allocate memory", "Permission denied", "Bad address", "Block device required",
        "Device or resource busy", "File exists", "Invalid cross-device link", "No such device", "Not a directory",
        "Is a directory", "Invalid argument", "Too many open files in system", "Too many open files",
        "Inappropriate ioctl for device", "Text file busy", "File too large", "No space left on device",
        "Illegal seek", "Read-only file system", "Too many links", "Broken pipe", "Numerical argument out of domain",
        "Numerical result out of range", "Resource deadlock avoided", "File name too long", "No locks available",
        "Function not implemented", "Directory not empty", "Too many levels of symbolic links"};

    /** Signal names without "SIG", indexed by number (Linux x86-64), as {@code kill -l} lists them. */
    static final String[] SIGNALS = {
        null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
        "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
        "PROF", "WINCH", "IO", "PWR", "SYS"};

    private static final String[] DESCRIPTIONS = {
        null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
        "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
        "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
        "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};

    /** strerror(errno). */
    static String error(int errno) {
        if (errno >= 0 && errno < ERRORS.length) return ERRORS[errno];
        return switch (errno) { // the kernel's errnos above ELOOP
            case syscall.Errno.ENOTSUP -> "Operation not supported";
            case syscall.Errno.ETIMEDOUT -> "Connection timed out";
            case syscall.Errno.ESTALE -> "Stale file handle";
            case syscall.Errno.EDQUOT -> "Disk quota exceeded";
            default -> "Unknown error " + errno;
        };
    }

    /** strsignal(sig), as bash reports a job killed by it. */
    static String signal(int sig) {
        return sig > 0 && sig < DESCRIPTIONS.length ? DESCRIPTIONS[sig] : "Signal " + sig;
    }

    /** The number of a signal given as "9", "KILL", "SIGKILL" or "kill" (bash ignores case); -1 if there is none. */
    static int signalNumber(String s) {
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        String name = upper.startsWith("SIG") ? upper.substring(3) : upper;
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(name);
                return n >= 0 && n <= task.Signals.NSIG ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        for (int i = 1; i < SIGNALS.length; i++) if (SIGNALS[i].equals(name)) return i;
        return -1;
    }

    /**
     * How bash describes a finished job's wait status: "Done", "Exit N", or the signal's
     * description with " (core dumped)" when the core bit is set.
     */
    static String jobState(int waitStatus) {
        int sig = waitStatus & 0x7f;
        if (sig == 0) {
            int code = waitStatus >> 8 & 0xff;
            return code == 0 ? "Done" : "Exit " + code;
        }
        return signal(sig) + ((waitStatus & task.Signals.CORE_BIT) != 0 ? " (core dumped)" : "");
    }
}
