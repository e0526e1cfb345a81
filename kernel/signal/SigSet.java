package signal;

import task.Signals;

/**
 * Signal sets as the kernel keeps them: one 64-bit word, bit (sig - 1) for signal sig
 * (Linux's {@code sigset_t} on a 64-bit machine), and the classes of signals that Linux's
 * {@code sig_kernel_*} macros name: which ones no one may catch, which stop, which are
 * ignored by default and which dump core.
 */
public final class SigSet {
    private SigSet() {}

    /** Signals 32..64 are the real-time ones (SIGRTMIN..SIGRTMAX). */
    public static final int SIGRTMIN = 32;
    public static final int SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25,
            SIGWINCH = 28, SIGSYS = 31;

    /** SIGKILL and SIGSTOP: never caught, blocked or ignored (sig_kernel_only). */
    public static final long KERNEL_ONLY = bit(Signals.SIGKILL) | bit(Signals.SIGSTOP);
    /** The stop signals (sig_kernel_stop). */
    public static final long STOP = bit(Signals.SIGSTOP) | bit(Signals.SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
    /** Ignored when their action is SIG_DFL (sig_kernel_ignore). */
    public static final long IGNORE = bit(Signals.SIGCONT) | bit(Signals.SIGCHLD) | bit(SIGWINCH) | bit(SIGURG);
    /** Terminate with a core dump when their action is SIG_DFL (sig_kernel_coredump). */
    public static final long COREDUMP = bit(Signals.SIGQUIT) | bit(Signals.SIGILL) | bit(Signals.SIGTRAP)
            | bit(Signals.SIGABRT) | bit(Signals.SIGFPE) | bit(Signals.SIGSEGV) | bit(Signals.SIGBUS)
            | bit(SIGSYS) | bit(SIGXCPU) | bit(SIGXFSZ);
    /** Signals a fault raises, which Linux dequeues before the others (SYNCHRONOUS_MASK). */
    public static final long SYNCHRONOUS = bit(Signals.SIGSEGV) | bit(Signals.SIGBUS) | bit(Signals.SIGILL)
            | bit(Signals.SIGTRAP) | bit(Signals.SIGFPE) | bit(SIGSYS);

    /** What SIG_DFL does for a signal (man 7 signal). */
    public enum DefaultAction { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    /** The set holding only {@code sig} (1..64). */
    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    /** True if {@code sig} is a signal number (1..64). */
    public static boolean valid(int sig) {
        return sig >= 1 && sig <= Signals.NSIG;
    }

    /** True if {@code set} holds {@code sig}. */
    public static boolean has(long set, int sig) {
        return (set & bit(sig)) != 0;
    }

    /** The default action of {@code sig}. */
    public static DefaultAction defaultAction(int sig) {
        if (sig == Signals.SIGCONT) return DefaultAction.CONTINUE;
        if (has(STOP, sig)) return DefaultAction.STOP;
        if (has(IGNORE, sig)) return DefaultAction.IGNORE;
        if (has(COREDUMP, sig)) return DefaultAction.CORE;
        return DefaultAction.TERMINATE;
    }

    private static final String[] NAMES = {"", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    /** The name strace prints: "SIGCHLD"; "SIGRT_2" for 34 (counted from 32); "SIG<n>" if out of range. */
    public static String name(int sig) {
        if (sig > 0 && sig < NAMES.length) return NAMES[sig];
        if (sig >= SIGRTMIN && sig <= Signals.NSIG) return "SIGRT_" + (sig - SIGRTMIN);
        return "SIG" + sig;
    }
}
