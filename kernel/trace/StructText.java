package trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import signal.SigSet;
import vm.AddressSpace;

/**
 * The structures strace decodes, printed as strace prints them: a struct stat
 * ({@code {st_mode=S_IFREG|0644, st_size=12, ...}}), a wait status
 * ({@code [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]}), a signal set ({@code [INT CHLD]}, or
 * {@code ~[KILL]} when most signals are in it), a struct kernel_sigaction, a struct rlimit
 * ({@code {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}}), a timespec or timeval, and a
 * siginfo_t ({@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3, ...}}). Structures are read
 * with the x86-64 layout through the kernel's copy-in, which reports a bad address rather
 * than faulting the guest; an address that cannot be read is printed as the address, a null
 * one as {@code NULL}, as strace does. Also the helpers for named constants and flag sets,
 * with strace's {@code 0x7 /* PRIO_??? *}{@code /} for a value it has no name for.
 */
final class StructText {
    private StructText() {}

    /** A pointer strace does not decode: NULL or its address in hex. */
    static String pointer(long va) {
        return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
    }

    /** {@code size} bytes at {@code va} in little-endian order, or null if they cannot be read. */
    static ByteBuffer read(AddressSpace as, long va, int size) {
        if (va == 0) return null;
        byte[] b = new byte[size];
        if (as.copyIn(va, b, 0, size) != AddressSpace.NO_FAULT) return null;
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code names[v]} when v indexes a name, else strace's {@code 0x7 /* PREFIX??? *}{@code /}. */
    static String named(long v, String[] names, String prefix) {
        if (v >= 0 && v < names.length && names[(int) v] != null) return names[(int) v];
        return "0x" + Long.toHexString(v) + " /* " + prefix + "??? */";
    }

    /**
     * Flags as strace prints them: the names of {@code bits[i]}'s set bits in table order,
     * joined by {@code |}, then what is left in hex; {@code 0} when none is set, and
     * {@code 0x400 /* PREFIX??? *}{@code /} when only unnamed bits are.
     */
    static String flags(long v, String[] names, long[] bits, String prefix) {
        StringBuilder s = new StringBuilder();
        long rest = v;
        for (int i = 0; i < names.length; i++) {
            if ((rest & bits[i]) != bits[i]) continue;
            s.append(s.length() == 0 ? "" : "|").append(names[i]);
            rest &= ~bits[i];
        }
        if (rest == 0) return s.length() == 0 ? "0" : s.toString();
        if (s.length() == 0) return "0x" + Long.toHexString(rest) + " /* " + prefix + "??? */";
        return s.append("|0x").append(Long.toHexString(rest)).toString();
    }

    // ---------------------------------------------------------------- struct stat

    private static final String[] FILE_TYPES = {null, "S_IFIFO", "S_IFCHR", null, "S_IFDIR", null, "S_IFBLK", null,
        "S_IFREG", null, "S_IFLNK", null, "S_IFSOCK"};

    /** A file mode: its type, the set-id and sticky bits by name, then the permissions ({@code S_IFREG|S_ISUID|0755}). */
    static String mode(int mode) {
        StringBuilder s = new StringBuilder();
        String type = FILE_TYPES[(mode >> 12) & 15];
        if (type != null) s.append(type).append('|');
        else if ((mode & 0170000) != 0) s.append('0').append(Integer.toOctalString(mode & 0170000)).append('|');
        if ((mode & 04000) != 0) s.append("S_ISUID|");
        if ((mode & 02000) != 0) s.append("S_ISGID|");
        if ((mode & 01000) != 0) s.append("S_ISVTX|");
        return s.append(permissions(mode & 0777)).toString();
    }

    /** Permission bits as strace prints a mode_t argument, C's {@code %#03o}: 0644, 04755, 000. */
    static String permissions(int mode) {
        StringBuilder octal = new StringBuilder("0").append(Integer.toOctalString(mode));
        while (octal.length() < 3) octal.insert(0, '0');
        return octal.toString();
    }

    /**
     * The struct stat at {@code va} (x86-64: st_mode a u32 at 24, st_rdev at 40, st_size at
     * 48), abbreviated as strace abbreviates it: the mode, then the size, or for a device its
     * number ({@code st_rdev=makedev(0x1, 0x3)}).
     */
    static String stat(AddressSpace as, long va) {
        ByteBuffer st = read(as, va, 144);
        if (st == null) return pointer(va);
        int mode = st.getInt(24);
        int type = mode & 0170000;
        StringBuilder s = new StringBuilder("{st_mode=").append(mode(mode)).append(", ");
        if (type == 0020000 || type == 0060000) {
            long dev = st.getLong(40);
            long major = (dev >>> 8) & 0xfff | (dev >>> 32) & ~0xfffL;
            long minor = dev & 0xff | (dev >>> 12) & ~0xffL;
            s.append("st_rdev=makedev(").append(hash(major)).append(", ").append(hash(minor)).append(')');
        } else {
            s.append("st_size=").append(st.getLong(48));
        }
        return s.append(", ...}").toString();
    }

    /** C's {@code %#x}: 0, or the value in hex with 0x. */
    private static String hash(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    // ---------------------------------------------------------------- wait statuses

    /** A wait status as strace decodes it, in brackets: {@code [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]}. */
    static String waitStatus(int status) {
        String s;
        int low = status & 0x7f;
        if ((status & 0xff) == 0x7f) {
            s = "{WIFSTOPPED(s) && WSTOPSIG(s) == " + SigSet.name(status >> 8 & 0xff) + "}";
            status &= ~0xffff;
        } else if (status == 0xffff) {
            s = "{WIFCONTINUED(s)}";
            status = 0;
        } else if (low == 0) {
            s = "{WIFEXITED(s) && WEXITSTATUS(s) == " + (status >> 8 & 0xff) + "}";
            status &= ~0xffff;
        } else {
            s = "{WIFSIGNALED(s) && WTERMSIG(s) == " + SigSet.name(low) + ((status & 0x80) != 0 ? " && WCOREDUMP(s)" : "") + "}";
            status &= ~0xff;
        }
        return "[" + s + (status != 0 ? " | 0x" + Integer.toHexString(status) : "") + "]";
    }

    // ---------------------------------------------------------------- signal sets and actions

    /**
     * A 64-bit signal set as strace prints one: the names without SIG, space-separated, in
     * brackets ({@code [INT CHLD]}, {@code [RT_2]}); when more than half the signals are in
     * it, the ones that are not, after a {@code ~} ({@code ~[KILL STOP]}, {@code ~[]}).
     */
    static String sigset(long set) {
        boolean inverted = Long.bitCount(set) > 32;
        long shown = inverted ? ~set : set;
        StringBuilder s = new StringBuilder(inverted ? "~[" : "[");
        for (int sig = 1; sig <= 64; sig++) {
            if ((shown & (1L << (sig - 1))) == 0) continue;
            if (s.charAt(s.length() - 1) != '[') s.append(' ');
            s.append(SigSet.name(sig).substring(3));
        }
        return s.append(']').toString();
    }

    /** The 64-bit signal set at {@code va}, or its address. */
    static String sigset(AddressSpace as, long va) {
        ByteBuffer b = read(as, va, 8);
        return b == null ? pointer(va) : sigset(b.getLong(0));
    }

    private static final String[] SA_NAMES = {"SA_RESTORER", "SA_ONSTACK", "SA_RESTART", "SA_NODEFER", "SA_RESETHAND",
        "SA_SIGINFO", "SA_NOCLDSTOP", "SA_NOCLDWAIT"};
    private static final long[] SA_BITS = {0x04000000L, 0x08000000L, 0x10000000L, 0x40000000L, 0x80000000L, 4, 1, 2};
    private static final long SA_RESTORER = 0x04000000L;

    /**
     * The struct kernel_sigaction at {@code va} (handler, flags, restorer, mask):
     * {@code {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x4010a0}},
     * the restorer only when SA_RESTORER says there is one.
     */
    static String sigaction(AddressSpace as, long va) {
        ByteBuffer b = read(as, va, 32);
        if (b == null) return pointer(va);
        long handler = b.getLong(0), flags = b.getLong(8);
        String h = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : "0x" + Long.toHexString(handler);
        StringBuilder s = new StringBuilder("{sa_handler=").append(h).append(", sa_mask=").append(sigset(b.getLong(24)))
                .append(", sa_flags=").append(flags(flags, SA_NAMES, SA_BITS, "SA_"));
        if ((flags & SA_RESTORER) != 0) s.append(", sa_restorer=").append(pointer(b.getLong(16)));
        return s.append('}').toString();
    }

    // ---------------------------------------------------------------- limits and times

    /** A limit as strace prints it: RLIM64_INFINITY, {@code 8192*1024} for a multiple of 1024 above it, else the number. */
    static String limit(long v) {
        if (v == -1) return "RLIM64_INFINITY";
        if (Long.compareUnsigned(v, 1024) > 0 && v % 1024 == 0) return Long.toUnsignedString(v / 1024) + "*1024";
        return Long.toUnsignedString(v);
    }

    /** The struct rlimit at {@code va}: {@code {rlim_cur=1024, rlim_max=4096}}, or its address. */
    static String rlimit(AddressSpace as, long va) {
        ByteBuffer b = read(as, va, 16);
        if (b == null) return pointer(va);
        return "{rlim_cur=" + limit(b.getLong(0)) + ", rlim_max=" + limit(b.getLong(8)) + "}";
    }

    /** A struct timespec ({@code sub} "tv_nsec") or timeval ("tv_usec") at {@code va}: {@code {tv_sec=1, tv_nsec=0}}. */
    static String time(AddressSpace as, long va, String sub) {
        ByteBuffer b = read(as, va, 16);
        if (b == null) return pointer(va);
        return "{tv_sec=" + b.getLong(0) + ", " + sub + "=" + b.getLong(8) + "}";
    }

    // ---------------------------------------------------------------- siginfo

    private static final String[] CLD_CODES = {null, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
        "CLD_STOPPED", "CLD_CONTINUED"};
    private static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGCHLD = 17;

    /**
     * A siginfo_t (its 128 bytes, x86-64 layout: si_signo, si_errno, si_code, then the union
     * at 16) as strace prints it after {@code ---}: the fields the code says are there, e.g.
     * {@code {si_signo=SIGUSR1, si_code=SI_USER, si_pid=2, si_uid=0}},
     * {@code {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}},
     * {@code {si_signo=SIGALRM, si_code=SI_KERNEL}}.
     */
    static String siginfo(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int signo = b.getInt(0), code = b.getInt(8);
        StringBuilder s = new StringBuilder("{si_signo=").append(SigSet.name(signo)).append(", si_code=");
        String faultCode = faultCode(signo, code);
        if (code > 0 && code < 0x80 && faultCode != null) {
            return s.append(faultCode).append(", si_addr=").append(pointer(b.getLong(16))).append('}').toString();
        }
        if (signo == SIGCHLD && code > 0 && code < CLD_CODES.length) {
            int status = b.getInt(24);
            s.append(CLD_CODES[code]).append(", si_pid=").append(b.getInt(16)).append(", si_uid=")
                    .append(Integer.toUnsignedString(b.getInt(20))).append(", si_status=")
                    .append(code == 1 ? Integer.toString(status) : SigSet.name(status))
                    .append(", si_utime=").append(b.getLong(32)).append(", si_stime=").append(b.getLong(40));
            return s.append('}').toString();
        }
        switch (code) {
            case 0, -6 -> s.append(code == 0 ? "SI_USER" : "SI_TKILL").append(sender(b));
            case -1 -> s.append("SI_QUEUE").append(sender(b)).append(value(b));
            case -2 -> s.append("SI_TIMER, si_timerid=").append(hash(b.getInt(16))).append(", si_overrun=")
                    .append(b.getInt(20)).append(value(b));
            case 0x80 -> s.append("SI_KERNEL");
            default -> s.append(code);
        }
        return s.append('}').toString();
    }

    /** ", si_pid=N, si_uid=N" of a signal a process sent. */
    private static String sender(ByteBuffer b) {
        return ", si_pid=" + b.getInt(16) + ", si_uid=" + Integer.toUnsignedString(b.getInt(20));
    }

    /** ", si_int=N, si_ptr=P": the sigval a timer or sigqueue carries. */
    private static String value(ByteBuffer b) {
        return ", si_int=" + b.getInt(24) + ", si_ptr=" + pointer(b.getLong(24));
    }

    /** The name of a fault's si_code (SEGV_MAPERR), or null if {@code signo} is not a fault's signal. */
    private static String faultCode(int signo, int code) {
        String[] names = switch (signo) {
            case SIGSEGV -> new String[] {null, "SEGV_MAPERR", "SEGV_ACCERR"};
            case SIGBUS -> new String[] {null, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"};
            case SIGILL -> new String[] {null, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC"};
            case SIGFPE -> new String[] {null, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND"};
            case SIGTRAP -> new String[] {null, "TRAP_BRKPT", "TRAP_TRACE"};
            default -> null;
        };
        if (names == null) return null;
        return code < names.length ? names[code] : Integer.toString(code);
    }
}
