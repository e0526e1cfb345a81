package signal;

import task.Signals;

/**
 * What the kernel knows about one sent signal, Linux's {@code kernel_siginfo}: the number,
 * an errno, the code saying who or what sent it, and the fields of the code's kind (the
 * sender's pid and uid, and sigqueue's value; a child's status and times; a fault address). {@link #toBytes}
 * lays it out as x86-64's 128-byte {@code siginfo_t}.
 */
public record SigInfo(int signo, int errno, int code, int pid, int uid, int status, long addr,
        long utime, long stime, long value) {
    /** si_code values for signals sent by a process (include/uapi/asm-generic/siginfo.h). */
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_TKILL = -6;
    /** si_code values of faults; each family counts from 1. */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, ILL_ILLOPC = 1,
            FPE_INTDIV = 1, TRAP_BRKPT = 1;
    /** si_code values of SIGCHLD. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;
    /** sizeof(siginfo_t). */
    public static final int SIZE = 128;
    /** USER_HZ: si_utime and si_stime count clock ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** A signal sent by kill (SI_USER) or tgkill/tkill (SI_TKILL) from process {@code pid} of real user {@code uid}. */
    public static SigInfo user(int sig, int code, int pid, int uid) {
        return new SigInfo(sig, 0, code, pid, uid, 0, 0, 0, 0, 0);
    }

    /** A signal the kernel sends on its own account (SIGPIPE, SIGALRM, job control): SI_KERNEL. */
    public static SigInfo kernel(int sig) {
        return new SigInfo(sig, 0, SI_KERNEL, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A POSIX timer's expiry (SI_TIMER): the kernel's id of timer {@code timerId} in si_timerid
     * and the expiries missed since the last one was taken in si_overrun (the pid and uid
     * slots at 16 and 20), and the timer's sigev_value in si_value.
     */
    public static SigInfo timer(int sig, int timerId, int overrun, long value) {
        return new SigInfo(sig, 0, SI_TIMER, timerId, overrun, 0, 0, 0, 0, value);
    }

    /** A fault's signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP) with its code and address. */
    public static SigInfo fault(int sig, int code, long addr) {
        return new SigInfo(sig, 0, code, 0, 0, 0, addr, 0, 0, 0);
    }

    /** SIGCHLD about child {@code pid} of real user {@code uid}: a CLD_* code, the exit code or signal, its CPU times in cycles. */
    public static SigInfo child(int sig, int code, int pid, int uid, int status, long utimeCycles, long stimeCycles) {
        return new SigInfo(sig, 0, code, pid, uid, status, 0, utimeCycles, stimeCycles, 0);
    }

    /**
     * The siginfo of sigqueue (rt_sigqueueinfo) as the sender wrote it in {@code b}, 128
     * bytes: its code, pid, uid and si_value (at 24), for signal {@code sig}.
     */
    public static SigInfo queued(int sig, byte[] b) {
        return new SigInfo(sig, 0, getInt(b, 8), getInt(b, 16), getInt(b, 20), 0, 0, 0, 0,
                getInt(b, 24) & 0xffff_ffffL | (long) getInt(b, 28) << 32);
    }

    /** True for the codes of a fault, whose union member is si_addr. */
    public boolean isFault() {
        return code > 0 && code < SI_KERNEL && SigSet.has(SigSet.SYNCHRONOUS, signo);
    }

    /**
     * The 128 bytes of x86-64's siginfo_t: si_signo at 0, si_errno at 4, si_code at 8, and
     * the union at 16: si_addr (8 bytes) for a fault; si_pid, si_uid, si_status at 16, 20,
     * 24 and si_utime, si_stime at 32, 40 for SIGCHLD; si_pid, si_uid and si_value (at 24)
     * for the others.
     */
    public byte[] toBytes() {
        byte[] b = new byte[SIZE];
        putInt(b, 0, signo);
        putInt(b, 4, errno);
        putInt(b, 8, code);
        if (isFault()) {
            putLong(b, 16, addr);
        } else {
            putInt(b, 16, pid);
            putInt(b, 20, uid);
            if (signo == Signals.SIGCHLD && code > 0 && code < SI_KERNEL) {
                putInt(b, 24, status);
                putLong(b, 32, utime / NANOS_PER_TICK);
                putLong(b, 40, stime / NANOS_PER_TICK);
            } else {
                putLong(b, 24, value); // si_value of sigqueue; 0 for the others
            }
        }
        return b;
    }

    static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
