package trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import mm.Mm;
import signal.SigSet;
import task.Task;
import vm.AddressSpace;
import vm.MemoryFault;

/**
 * The arguments of a system call as strace shows them: strings copied out of guest memory
 * ({@code write(1, "hi\n", 3)}, {@code openat(AT_FDCWD, "/etc/passwd", O_RDONLY)}), argv
 * arrays, open flags, ioctl requests and signals by name. The tracer asks at sys_enter, and
 * for calls that fill a buffer (read, recvfrom, sysinfo) again at sys_exit, when the bytes are there.
 *
 * <p>Only the calls below are decoded; for the others the caller keeps the raw numbers. A
 * string is cut at {@link #STRING_LIMIT} bytes with {@code ...} after the quote (strace's
 * default {@code -s 32}); an address that cannot be read is shown as a number, as strace
 * does. Reading guest memory here never faults the guest: it goes through the kernel's
 * copy-in, which reports a bad address instead. Called only while tracing is on.
 */
final class SyscallArguments {
    /** How many bytes of a string are shown (strace -s 32). */
    static final int STRING_LIMIT = 32;
    /** How many argv entries are shown before "..." (strace shows 32 too). */
    private static final int ARGV_LIMIT = 32;
    private static final int AT_FDCWD = -100;

    private static final int READ = 0, WRITE = 1, OPEN = 2, IOCTL = 16, PREAD = 17,
            PWRITE = 18, EXECVE = 59, KILL = 62, CHDIR = 80, MKDIR = 83, RMDIR = 84, CREAT = 85,
            UNLINK = 87, READLINK = 89, SYSINFO = 99, TKILL = 200, TGKILL = 234, OPENAT = 257, MKDIRAT = 258,
            UNLINKAT = 263, READLINKAT = 267, FACCESSAT = 269, FUTEX = 202,
            SET_ROBUST_LIST = 273, GET_ROBUST_LIST = 274;
    /** The timers and the usage calls (see {@link #timerCall}). */
    private static final int GETITIMER = 36, SETITIMER = 38, GETRUSAGE = 98, TIMER_CREATE = 222, TIMER_SETTIME = 223;
    private static final int FCNTL = 72, FLOCK = 73, CHOWN = 92, LCHOWN = 94, FCHOWNAT = 260, UTIMENSAT = 280,
            STATX = 332;

    private SyscallArguments() {}

    /** The decoded arguments of call {@code nr} as it starts, or null to show them raw. */
    static String atEnter(Task t, long nr, long[] a) {
        Mm mm = t.mm();
        if (mm == null) return null;
        AddressSpace as = mm.addressSpace();
        return switch ((int) nr) {
            case WRITE, PWRITE -> a[0] + ", " + buffer(as, a[1], a[2]) + ", " + a[2] + (nr == PWRITE ? ", " + a[3] : "");
            case OPEN -> string(as, a[0]) + ", " + openFlags(a[1]) + mode(a[1], a[2]);
            case OPENAT -> dirfd(a[0]) + ", " + string(as, a[1]) + ", " + openFlags(a[2]) + mode(a[2], a[3]);
            case CREAT -> string(as, a[0]) + ", 0" + Long.toOctalString(a[1] & 07777);
            case CHDIR, RMDIR, UNLINK -> string(as, a[0]);
            case MKDIR -> string(as, a[0]) + ", 0" + Long.toOctalString(a[1] & 07777);
            case READLINK -> string(as, a[0]) + ", 0x" + Long.toHexString(a[1]) + ", " + a[2];
            case MKDIRAT -> dirfd(a[0]) + ", " + string(as, a[1]) + ", 0" + Long.toOctalString(a[2] & 07777);
            case UNLINKAT, FACCESSAT -> dirfd(a[0]) + ", " + string(as, a[1]) + ", 0x" + Long.toHexString(a[2])
                    + ", " + a[3];
            case READLINKAT -> dirfd(a[0]) + ", " + string(as, a[1]) + ", 0x" + Long.toHexString(a[2]) + ", " + a[3];
            case EXECVE -> string(as, a[0]) + ", " + argv(as, a[1]) + ", " + pointer(a[2]);
            case IOCTL -> (int) a[0] + ", " + ioctlRequest(a[1]) + ", 0x" + Long.toHexString(a[2]);
            case KILL, TKILL -> (int) a[0] + ", " + signal(a[1]);
            case TGKILL -> (int) a[0] + ", " + (int) a[1] + ", " + signal(a[2]);
            case FUTEX -> futex(as, a);
            case SET_ROBUST_LIST -> pointer(a[0]) + ", " + a[1];
            case GET_ROBUST_LIST -> (int) a[0] + ", " + pointer(a[1]) + ", " + pointer(a[2]);
            case GETITIMER, SETITIMER, GETRUSAGE, TIMER_CREATE, TIMER_SETTIME -> timerCall(as, (int) nr, a);
            case MemoryArguments.MMAP, MemoryArguments.MPROTECT, MemoryArguments.MREMAP, MemoryArguments.MSYNC,
                    MemoryArguments.MINCORE, MemoryArguments.MADVISE, MemoryArguments.MEMFD_CREATE
                    -> MemoryArguments.atEnter(as, (int) nr, a);
            // The socket calls: families, types, flags and AF_UNIX addresses by name.
            case SocketArguments.SOCKET, SocketArguments.SOCKETPAIR, SocketArguments.BIND, SocketArguments.CONNECT,
                    SocketArguments.SENDTO, SocketArguments.SHUTDOWN, SocketArguments.ACCEPT4 ->
                    SocketArguments.atEnter(as, nr, a);
            // poll, ppoll, epoll_ctl and the flags of the event descriptors: PollArguments.
            case PollArguments.POLL, PollArguments.PPOLL, PollArguments.EPOLL_CTL, PollArguments.EPOLL_CREATE1,
                    PollArguments.EVENTFD2, PollArguments.TIMERFD_CREATE, PollArguments.SIGNALFD4
                    -> PollArguments.atEnter(as, (int) nr, a);
            // Processes, signals, files' status, limits, priorities and time: ProcessArguments.
            case ProcessArguments.CHMOD, ProcessArguments.FCHMOD, ProcessArguments.STAT, ProcessArguments.FSTAT, ProcessArguments.LSTAT, ProcessArguments.LSEEK,
                    ProcessArguments.BRK, ProcessArguments.RT_SIGACTION, ProcessArguments.RT_SIGPROCMASK,
                    ProcessArguments.ACCESS, ProcessArguments.PIPE, ProcessArguments.NANOSLEEP, ProcessArguments.WAIT4,
                    ProcessArguments.GETTIMEOFDAY, ProcessArguments.GETRLIMIT, ProcessArguments.GETPRIORITY,
                    ProcessArguments.SETPRIORITY, ProcessArguments.SETRLIMIT, ProcessArguments.CLOCK_GETTIME,
                    ProcessArguments.CLOCK_NANOSLEEP, ProcessArguments.NEWFSTATAT, ProcessArguments.PIPE2,
                    ProcessArguments.PRLIMIT64 -> ProcessArguments.atEnter(as, (int) nr, a);
            // Record locks, flock, owners, times and statx.
            case FCNTL -> (int) a[0] + ", " + fcntlCommand(a[1]) + ", " + (isLockCommand(a[1]) ? pointer(a[2]) : a[2]);
            case FLOCK -> (int) a[0] + ", " + flockOperation(a[1]);
            case CHOWN, LCHOWN -> string(as, a[0]) + ", " + (int) a[1] + ", " + (int) a[2];
            case FCHOWNAT -> dirfd(a[0]) + ", " + string(as, a[1]) + ", " + (int) a[2] + ", " + (int) a[3] + ", 0x"
                    + Long.toHexString(a[4]);
            case UTIMENSAT -> dirfd(a[0]) + ", " + (a[1] == 0 ? "NULL" : string(as, a[1])) + ", " + pointer(a[2]) + ", 0x"
                    + Long.toHexString(a[3]);
            case STATX -> dirfd(a[0]) + ", " + string(as, a[1]) + ", 0x" + Long.toHexString(a[2]) + ", 0x"
                    + Long.toHexString(a[3] & 0xFFFF_FFFFL) + ", " + pointer(a[4]);
            default -> null;
        };
    }

    // ---------------------------------------------------------------- timers and usage

    private static final String[] ITIMERS = {"ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"};
    private static final String[] CLOCKS = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
        "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME"};

    /**
     * getitimer, setitimer, getrusage, timer_create and timer_settime as strace shows them:
     * the timer, clock and who by name, the new setting of setitimer and timer_settime as
     * its struct ({@code {it_interval={tv_sec=0, tv_usec=200000}, it_value=...}}).
     */
    private static String timerCall(AddressSpace as, int nr, long[] a) {
        return switch (nr) {
            case GETITIMER -> name(ITIMERS, a[0]) + ", " + pointer(a[1]);
            case SETITIMER -> name(ITIMERS, a[0]) + ", " + timePair(as, a[1], "tv_usec") + ", " + pointer(a[2]);
            case GETRUSAGE -> ((int) a[0] == 0 ? "RUSAGE_SELF" : (int) a[0] == -1 ? "RUSAGE_CHILDREN"
                    : (int) a[0] == 1 ? "RUSAGE_THREAD" : Integer.toString((int) a[0])) + ", " + pointer(a[1]);
            case TIMER_CREATE -> name(CLOCKS, a[0]) + ", " + pointer(a[1]) + ", " + pointer(a[2]);
            default -> (int) a[0] + ", " + ((int) a[1] == 1 ? "TIMER_ABSTIME" : Integer.toString((int) a[1])) + ", "
                    + timePair(as, a[2], "tv_nsec") + ", " + pointer(a[3]);
        };
    }

    /** A clock by name (CLOCK_MONOTONIC), or its number. */
    static String clock(long id) {
        return name(CLOCKS, id);
    }

    /** {@code names[v]} if v indexes it, else the number as an int. */
    private static String name(String[] names, long v) {
        int i = (int) v;
        return i >= 0 && i < names.length ? names[i] : Integer.toString(i);
    }

    /** A struct itimerval ({@code sub} "tv_usec") or itimerspec ("tv_nsec") at {@code va}, or its address. */
    private static String timePair(AddressSpace as, long va, String sub) {
        byte[] b = new byte[32];
        if (va == 0 || as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return "{it_interval={tv_sec=" + v.getLong(0) + ", " + sub + "=" + v.getLong(8) + "}, it_value={tv_sec="
                + v.getLong(16) + ", " + sub + "=" + v.getLong(24) + "}}";
    }

    /**
     * The decoded arguments of call {@code nr} once it has returned {@code result}, for the
     * calls whose buffers the kernel fills (read, pread64, sysinfo, stat, wait4...), or null
     * to keep {@code entered}, the text {@link #atEnter} gave (null if none). The registers
     * still hold the arguments: the result is written to a0 only after sys_exit.
     */
    static String atExit(Task t, long nr, long[] a, long result, String entered) {
        if (t.mm() == null) return null;
        AddressSpace as = t.mm().addressSpace();
        if (ProcessArguments.decodes(nr)) return ProcessArguments.atExit(as, (int) nr, a, result, entered);
        return switch ((int) nr) {
            case READ, PREAD -> a[0] + ", " + (result >= 0 ? buffer(as, a[1], result) : "0x" + Long.toHexString(a[1]))
                    + ", " + a[2] + (nr == PREAD ? ", " + a[3] : "");
            case SYSINFO -> result == 0 ? sysinfo(as, a[0]) : pointer(a[0]);
            case SocketArguments.RECVFROM -> SocketArguments.recvfromAtExit(as, a, result);
            default -> null;
        };
    }

    /** struct sysinfo's six memory fields, the longs at offsets 32 to 72. */
    private static final String[] SYSINFO_MEMORY = {"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"};

    /**
     * The struct sysinfo at {@code va} as strace prints it, every field by name, read with
     * the x86-64 layout: uptime, loads[3] and the memory fields are longs from offset 0,
     * procs a short at 80, totalhigh and freehigh longs at 88 and 96, mem_unit an int at 104.
     */
    private static String sysinfo(AddressSpace as, long va) {
        byte[] b = new byte[112];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer si = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder("{uptime=").append(si.getLong(0)).append(", loads=[");
        for (int i = 0; i < 3; i++) s.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(si.getLong(8 + 8 * i)));
        s.append(']');
        for (int i = 0; i < SYSINFO_MEMORY.length; i++) {
            s.append(", ").append(SYSINFO_MEMORY[i]).append('=').append(Long.toUnsignedString(si.getLong(32 + 8 * i)));
        }
        s.append(", procs=").append(si.getShort(80) & 0xffff);
        s.append(", totalhigh=").append(Long.toUnsignedString(si.getLong(88)));
        s.append(", freehigh=").append(Long.toUnsignedString(si.getLong(96)));
        return s.append(", mem_unit=").append(Integer.toUnsignedString(si.getInt(104))).append('}').toString();
    }

    // futex(2), as strace shows it: the operation by name, then only the arguments it uses.
    private static final String[] FUTEX_OPS = {"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE",
        "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
        "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2"};

    /** futex(uaddr, op, val, timeout or val2, uaddr2, val3): {@code futex(0x4010a0, FUTEX_LOCK_PI_PRIVATE, NULL)}. */
    private static String futex(AddressSpace as, long[] a) {
        int op = (int) a[1], cmd = op & ~(128 | 256);
        String name = cmd >= 0 && cmd < FUTEX_OPS.length ? FUTEX_OPS[cmd] + ((op & 128) != 0 ? "_PRIVATE" : "")
                + ((op & 256) != 0 ? "|FUTEX_CLOCK_REALTIME" : "") : Integer.toString(op);
        String head = pointer(a[0]) + ", " + name;
        int val = (int) a[2];
        return switch (cmd) {
            case 0 -> head + ", " + val + ", " + timespec(as, a[3]);
            case 1 -> head + ", " + val;
            case 3 -> head + ", " + val + ", " + (int) a[3] + ", " + pointer(a[4]);
            case 4 -> head + ", " + val + ", " + (int) a[3] + ", " + pointer(a[4]) + ", " + (int) a[5];
            case 6, 13 -> head + ", " + timespec(as, a[3]);
            case 7, 8 -> head;
            case 9 -> head + ", " + val + ", " + timespec(as, a[3]) + ", " + bitset(a[5]);
            case 10 -> head + ", " + val + ", " + bitset(a[5]);
            default -> null;
        };
    }

    /** A FUTEX_*_BITSET bitset: FUTEX_BITSET_MATCH_ANY or hex. */
    private static String bitset(long b) {
        return (int) b == -1 ? "FUTEX_BITSET_MATCH_ANY" : "0x" + Integer.toHexString((int) b);
    }

    /** A struct timespec as strace prints it, {tv_sec=1, tv_nsec=0}; NULL, or the address if unreadable. */
    private static String timespec(AddressSpace as, long va) {
        if (va == 0) return "NULL";
        byte[] b = new byte[16];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer ts = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return "{tv_sec=" + ts.getLong(0) + ", tv_nsec=" + ts.getLong(8) + "}";
    }

    /** A pointer argument as strace shows one it did not decode: NULL or its address in hex. */
    private static String pointer(long va) {
        return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
    }

    /** {@code len} bytes at {@code va} as a quoted string, cut at STRING_LIMIT. */
    static String buffer(AddressSpace as, long va, long len) {
        int n = (int) Math.min(Math.max(len, 0), STRING_LIMIT);
        byte[] b = new byte[n];
        if (n > 0 && as.copyIn(va, b, 0, n) != AddressSpace.NO_FAULT) return "0x" + Long.toHexString(va);
        return quote(b, n) + (len > n ? "..." : "");
    }

    /** The NUL-terminated string at {@code va}, quoted, cut at STRING_LIMIT. */
    static String string(AddressSpace as, long va) {
        try {
            byte[] s = as.readCString(va, STRING_LIMIT + 1);
            if (s == null) {
                byte[] head = new byte[STRING_LIMIT];
                if (as.copyIn(va, head, 0, STRING_LIMIT) != AddressSpace.NO_FAULT) return "0x" + Long.toHexString(va);
                return quote(head, STRING_LIMIT) + "...";
            }
            return quote(s, s.length);
        } catch (MemoryFault e) {
            return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
        }
    }

    /** An argv array: its strings in brackets, as strace prints execve's. */
    private static String argv(AddressSpace as, long va) {
        StringBuilder s = new StringBuilder("[");
        try {
            for (int i = 0; ; i++) {
                long p = as.read64(va + 8L * i);
                if (p == 0) break;
                if (i == ARGV_LIMIT) {
                    s.append(", ...");
                    break;
                }
                s.append(i == 0 ? "" : ", ").append(string(as, p));
            }
        } catch (MemoryFault e) {
            return "0x" + Long.toHexString(va);
        }
        return s.append(']').toString();
    }

    /** Bytes as a C string literal, with strace's escapes. */
    static String quote(byte[] b, int n) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                case 0x0b -> q.append("\\v");
                case 0x0c -> q.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        q.append((char) c);
                    } else {
                        // Octal, as short as it can be unless a digit follows (then it would merge).
                        boolean digitNext = i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '7';
                        String oct = Integer.toOctalString(c);
                        q.append('\\').append(digitNext ? "000".substring(oct.length()) + oct : oct);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    static String dirfd(long fd) {
        return (int) fd == AT_FDCWD ? "AT_FDCWD" : Integer.toString((int) fd);
    }

    private static final List<String> OPEN_FLAG_NAMES = List.of(
            "O_CREAT:0100", "O_EXCL:0200", "O_NOCTTY:0400", "O_TRUNC:01000", "O_APPEND:02000", "O_NONBLOCK:04000",
            "O_DIRECTORY:0200000", "O_NOFOLLOW:0400000", "O_CLOEXEC:02000000");

    /** open's flags as strace writes them: the access mode, then the named bits. */
    static String openFlags(long flags) {
        String[] modes = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};
        StringBuilder s = new StringBuilder(modes[(int) (flags & 3)]);
        long rest = flags & ~3L;
        for (String named : OPEN_FLAG_NAMES) {
            int colon = named.indexOf(':');
            long bit = Long.parseLong(named.substring(colon + 2), 8);
            if ((rest & bit) != 0) {
                s.append('|').append(named, 0, colon);
                rest &= ~bit;
            }
        }
        if (rest != 0) s.append("|0").append(Long.toOctalString(rest));
        return s.toString();
    }

    /** ", 0644" when the flags create a file, else nothing (strace leaves mode out then). */
    private static String mode(long flags, long mode) {
        return (flags & 0100) != 0 ? ", 0" + Long.toOctalString(mode & 07777) : "";
    }

    /** The terminal ioctls Clonix's console answers, by name; others in hex. */
    static String ioctlRequest(long request) {
        return switch ((int) request) {
            case 0x5401 -> "TCGETS";
            case 0x5402 -> "TCSETS";
            case 0x5403 -> "TCSETSW";
            case 0x5404 -> "TCSETSF";
            case 0x540f -> "TIOCGPGRP";
            case 0x5410 -> "TIOCSPGRP";
            case 0x5413 -> "TIOCGWINSZ";
            case 0x5414 -> "TIOCSWINSZ";
            case 0x541b -> "FIONREAD";
            case 0x5421 -> "FIONBIO";
            default -> "0x" + Long.toHexString(request);
        };
    }

    /** fcntl's command by name (F_SETLK), as strace shows it; unknown ones as a number. */
    private static String fcntlCommand(long cmd) {
        return switch ((int) cmd) {
            case 0 -> "F_DUPFD";
            case 1 -> "F_GETFD";
            case 2 -> "F_SETFD";
            case 3 -> "F_GETFL";
            case 4 -> "F_SETFL";
            case 5 -> "F_GETLK";
            case 6 -> "F_SETLK";
            case 7 -> "F_SETLKW";
            case 36 -> "F_OFD_GETLK";
            case 37 -> "F_OFD_SETLK";
            case 38 -> "F_OFD_SETLKW";
            case 1030 -> "F_DUPFD_CLOEXEC";
            case 1031 -> "F_SETPIPE_SZ";
            case 1032 -> "F_GETPIPE_SZ";
            default -> Long.toString(cmd);
        };
    }

    private static boolean isLockCommand(long cmd) {
        int c = (int) cmd;
        return c >= 5 && c <= 7 || c >= 36 && c <= 38;
    }

    /** flock's operation as strace shows it: LOCK_EX|LOCK_NB. */
    private static String flockOperation(long op) {
        String[] names = {"LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN"};
        StringBuilder sb = new StringBuilder();
        long rest = op;
        for (int i = 0; i < names.length; i++) {
            if ((rest & (1L << i)) == 0) continue;
            if (sb.length() > 0) sb.append('|');
            sb.append(names[i]);
            rest &= ~(1L << i);
        }
        if (rest != 0 || sb.length() == 0) sb.append(sb.length() > 0 ? "|" : "").append("0x").append(Long.toHexString(rest));
        return sb.toString();
    }

    private static String signal(long sig) {
        return sig > 0 && sig <= 64 ? SigSet.name((int) sig) : Long.toString(sig);
    }
}
