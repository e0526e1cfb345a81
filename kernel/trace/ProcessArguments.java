package trace;

import signal.SigSet;
import vm.AddressSpace;

/**
 * The arguments of the calls lab programs make about processes, signals, files' status,
 * limits, priorities and time, decoded as strace decodes them: {@code wait4(3,
 * [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL)}, {@code stat("/tmp/f", {st_mode=S_IFREG|0644,
 * st_size=12, ...})}, {@code rt_sigaction(SIGINT, {sa_handler=0x401000, ...}, NULL, 8)},
 * {@code prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=1024, rlim_max=1024})},
 * {@code setpriority(PRIO_PROCESS, 0, 5)}, {@code nanosleep({tv_sec=0, tv_nsec=1000}, NULL)}.
 *
 * <p>{@link #atEnter} decodes what the call reads and shows the buffers it will fill as
 * addresses; {@link #atExit} shows those buffers filled once the call has succeeded (a
 * failed call leaves them as addresses, as strace does). A structure the call both reads
 * and fills (rt_sigaction's old action may be its new one) keeps the text decoded at entry
 * for what was read.
 */
final class ProcessArguments {
    private ProcessArguments() {}

    static final int CHMOD = 90, FCHMOD = 91, STAT = 4, FSTAT = 5, LSTAT = 6, LSEEK = 8, BRK = 12, RT_SIGACTION = 13, RT_SIGPROCMASK = 14,
            ACCESS = 21, PIPE = 22, NANOSLEEP = 35, WAIT4 = 61, GETTIMEOFDAY = 96, GETRLIMIT = 97,
            GETPRIORITY = 140, SETPRIORITY = 141, SETRLIMIT = 160, CLOCK_GETTIME = 228, CLOCK_NANOSLEEP = 230,
            NEWFSTATAT = 262, PIPE2 = 293, PRLIMIT64 = 302;

    /** Whether {@code nr} is one of the calls decoded here. */
    static boolean decodes(long nr) {
        return switch ((int) nr) {
            case CHMOD, FCHMOD, STAT, FSTAT, LSTAT, LSEEK, BRK, RT_SIGACTION, RT_SIGPROCMASK, ACCESS, PIPE, NANOSLEEP, WAIT4,
                    GETTIMEOFDAY, GETRLIMIT, GETPRIORITY, SETPRIORITY, SETRLIMIT, CLOCK_GETTIME, CLOCK_NANOSLEEP,
                    NEWFSTATAT, PIPE2, PRLIMIT64 -> true;
            default -> false;
        };
    }

    private static final String[] WHENCE = {"SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE"};
    private static final String[] HOW = {"SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK"};
    private static final String[] WHICH = {"PRIO_PROCESS", "PRIO_PGRP", "PRIO_USER"};
    private static final String[] RESOURCES = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
        "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS",
        "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};
    private static final String[] ACCESS_NAMES = {"R_OK", "W_OK", "X_OK"};
    private static final long[] ACCESS_BITS = {4, 2, 1};
    private static final String[] WAIT_NAMES = {"WNOHANG", "WSTOPPED", "WEXITED", "WCONTINUED", "WNOWAIT",
        "__WNOTHREAD", "__WALL", "__WCLONE"};
    private static final long[] WAIT_BITS = {1, 2, 4, 8, 0x01000000L, 0x20000000L, 0x40000000L, 0x80000000L};
    private static final String[] AT_NAMES = {"AT_SYMLINK_NOFOLLOW", "AT_NO_AUTOMOUNT", "AT_EMPTY_PATH"};
    private static final long[] AT_BITS = {0x100, 0x800, 0x1000};
    private static final String[] PIPE_NAMES = {"O_NONBLOCK", "O_DIRECT", "O_CLOEXEC"};
    private static final long[] PIPE_BITS = {04000, 040000, 02000000};

    /** The decoded arguments of call {@code nr} as it starts (see the class comment). */
    static String atEnter(AddressSpace as, int nr, long[] a) {
        return switch (nr) {
            case CHMOD -> SyscallArguments.string(as, a[0]) + ", " + StructText.permissions((int) a[1]);
            case FCHMOD -> (int) a[0] + ", " + StructText.permissions((int) a[1]);
            case STAT, LSTAT -> SyscallArguments.string(as, a[0]) + ", " + StructText.pointer(a[1]);
            case FSTAT -> (int) a[0] + ", " + StructText.pointer(a[1]);
            case NEWFSTATAT -> SyscallArguments.dirfd(a[0]) + ", " + SyscallArguments.string(as, a[1]) + ", "
                    + StructText.pointer(a[2]) + ", " + StructText.flags(a[3], AT_NAMES, AT_BITS, "AT_");
            case ACCESS -> SyscallArguments.string(as, a[0]) + ", "
                    + ((int) a[1] == 0 ? "F_OK" : StructText.flags(a[1], ACCESS_NAMES, ACCESS_BITS, "?_OK"));
            case LSEEK -> (int) a[0] + ", " + a[1] + ", " + StructText.named((int) a[2], WHENCE, "SEEK_");
            case BRK -> StructText.pointer(a[0]);
            case RT_SIGACTION -> signal(a[0]) + ", " + StructText.sigaction(as, a[1]) + ", " + StructText.pointer(a[2])
                    + ", " + a[3];
            case RT_SIGPROCMASK -> StructText.named((int) a[0], HOW, "SIG_") + ", " + StructText.sigset(as, a[1]) + ", "
                    + StructText.pointer(a[2]) + ", " + a[3];
            case PIPE -> StructText.pointer(a[0]);
            case PIPE2 -> StructText.pointer(a[0]) + ", " + StructText.flags(a[1], PIPE_NAMES, PIPE_BITS, "O_");
            case NANOSLEEP -> StructText.time(as, a[0], "tv_nsec") + ", " + StructText.pointer(a[1]);
            case CLOCK_NANOSLEEP -> SyscallArguments.clock(a[0]) + ", " + ((int) a[1] == 1 ? "TIMER_ABSTIME"
                    : Integer.toString((int) a[1])) + ", " + StructText.time(as, a[2], "tv_nsec") + ", "
                    + StructText.pointer(a[3]);
            case CLOCK_GETTIME -> SyscallArguments.clock(a[0]) + ", " + StructText.pointer(a[1]);
            case GETTIMEOFDAY -> StructText.pointer(a[0]) + ", " + StructText.pointer(a[1]);
            case WAIT4 -> (int) a[0] + ", " + StructText.pointer(a[1]) + ", "
                    + StructText.flags(a[2] & 0xffff_ffffL, WAIT_NAMES, WAIT_BITS, "W") + ", " + StructText.pointer(a[3]);
            case GETRLIMIT -> resource(a[0]) + ", " + StructText.pointer(a[1]);
            case SETRLIMIT -> resource(a[0]) + ", " + StructText.rlimit(as, a[1]);
            case PRLIMIT64 -> (int) a[0] + ", " + resource(a[1]) + ", " + StructText.rlimit(as, a[2]) + ", "
                    + StructText.pointer(a[3]);
            case GETPRIORITY -> StructText.named((int) a[0], WHICH, "PRIO_") + ", " + (int) a[1];
            case SETPRIORITY -> StructText.named((int) a[0], WHICH, "PRIO_") + ", " + (int) a[1] + ", " + (int) a[2];
            default -> null;
        };
    }

    /**
     * The decoded arguments of call {@code nr} once it has returned {@code result}, or null
     * to keep {@code entered}, the text {@link #atEnter} gave.
     */
    static String atExit(AddressSpace as, int nr, long[] a, long result, String entered) {
        if (result < 0 && result >= -4095) return null; // nothing was filled in
        return switch (nr) {
            case STAT, LSTAT -> SyscallArguments.string(as, a[0]) + ", " + StructText.stat(as, a[1]);
            case FSTAT -> (int) a[0] + ", " + StructText.stat(as, a[1]);
            case NEWFSTATAT -> SyscallArguments.dirfd(a[0]) + ", " + SyscallArguments.string(as, a[1]) + ", "
                    + StructText.stat(as, a[2]) + ", " + StructText.flags(a[3], AT_NAMES, AT_BITS, "AT_");
            case RT_SIGACTION -> replaceTail(entered, StructText.pointer(a[2]) + ", " + a[3],
                    StructText.sigaction(as, a[2]) + ", " + a[3]);
            case RT_SIGPROCMASK -> replaceTail(entered, StructText.pointer(a[2]) + ", " + a[3],
                    StructText.sigset(as, a[2]) + ", " + a[3]);
            case PIPE, PIPE2 -> {
                var fds = StructText.read(as, a[0], 8);
                String pair = fds == null ? StructText.pointer(a[0]) : "[" + fds.getInt(0) + ", " + fds.getInt(4) + "]";
                yield nr == PIPE ? pair : pair + ", " + StructText.flags(a[1], PIPE_NAMES, PIPE_BITS, "O_");
            }
            case CLOCK_GETTIME -> SyscallArguments.clock(a[0]) + ", " + StructText.time(as, a[1], "tv_nsec");
            case GETTIMEOFDAY -> StructText.time(as, a[0], "tv_usec") + ", " + StructText.pointer(a[1]);
            case WAIT4 -> result == 0 || a[1] == 0 ? null : (int) a[0] + ", " + waitStatus(as, a[1]) + ", "
                    + StructText.flags(a[2] & 0xffff_ffffL, WAIT_NAMES, WAIT_BITS, "W") + ", " + StructText.pointer(a[3]);
            case GETRLIMIT -> resource(a[0]) + ", " + StructText.rlimit(as, a[1]);
            case PRLIMIT64 -> replaceTail(entered, StructText.pointer(a[3]), StructText.rlimit(as, a[3]));
            default -> null;
        };
    }

    /** {@code text} with its ending {@code tail} replaced by {@code with}; null (keep the text) if it does not end so. */
    private static String replaceTail(String text, String tail, String with) {
        if (text == null || !text.endsWith(tail)) return null;
        return text.substring(0, text.length() - tail.length()) + with;
    }

    /** The int at {@code va} as a decoded wait status, or the address. */
    private static String waitStatus(AddressSpace as, long va) {
        var b = StructText.read(as, va, 4);
        return b == null ? StructText.pointer(va) : StructText.waitStatus(b.getInt(0));
    }

    private static String signal(long sig) {
        int s = (int) sig;
        return s >= 1 && s <= 64 ? SigSet.name(s) : Integer.toString(s);
    }

    private static String resource(long r) {
        return StructText.named((int) r, RESOURCES, "RLIMIT_");
    }
}
