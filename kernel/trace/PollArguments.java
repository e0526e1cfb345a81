package trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import signal.SigSet;
import vm.AddressSpace;

/**
 * strace's view of the calls that wait for descriptors and make event descriptors (see
 * {@link SyscallArguments}, which hands them here): poll's and ppoll's array of struct
 * pollfd with the events by name, epoll_ctl's operation and struct epoll_event, and the
 * flags of epoll_create1, eventfd2, timerfd_create and signalfd4, as strace prints them:
 * {@code poll([{fd=3, events=POLLIN}], 1, 0)}, {@code epoll_ctl(4, EPOLL_CTL_ADD, 3,
 * {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}})}, {@code eventfd2(0, EFD_NONBLOCK)}.
 */
final class PollArguments {
    private PollArguments() {}

    static final int POLL = 7, EPOLL_CTL = 233, PPOLL = 271, SIGNALFD4 = 289, EVENTFD2 = 290, EPOLL_CREATE1 = 291,
            TIMERFD_CREATE = 283;

    private static final String[] POLL_EVENTS = {"POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL",
        "POLLRDNORM", "POLLRDBAND", "POLLWRNORM", "POLLWRBAND", "POLLMSG", null, null, "POLLRDHUP"};
    private static final String[] EPOLL_OPS = {null, "EPOLL_CTL_ADD", "EPOLL_CTL_DEL", "EPOLL_CTL_MOD"};
    private static final String[] CLOCKS = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
        "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
        "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM"};
    /** The most pollfd entries shown before "..." (strace's default of 32 array elements). */
    private static final int ARRAY_LIMIT = 32;

    /** The decoded arguments of call {@code nr} as it starts, or null to show them raw. */
    static String atEnter(AddressSpace as, int nr, long[] a) {
        return switch (nr) {
            case POLL -> pollfds(as, a[0], a[1]) + ", " + (a[1] & 0xFFFF_FFFFL) + ", " + (int) a[2];
            case PPOLL -> pollfds(as, a[0], a[1]) + ", " + (a[1] & 0xFFFF_FFFFL) + ", " + timespec(as, a[2]) + ", "
                    + sigset(as, a[3]) + ", " + a[4];
            case EPOLL_CTL -> (int) a[0] + ", " + name(EPOLL_OPS, (int) a[1]) + ", " + (int) a[2] + ", "
                    + ((int) a[1] == 2 ? pointer(a[3]) : epollEvent(as, a[3]));
            case EPOLL_CREATE1 -> flags((int) a[0], "EPOLL_CLOEXEC", 0);
            case EVENTFD2 -> (a[0] & 0xFFFF_FFFFL) + ", " + flags((int) a[1], "EFD_CLOEXEC", 1);
            case TIMERFD_CREATE -> name(CLOCKS, (int) a[0]) + ", " + flags((int) a[1], "TFD_CLOEXEC", 0);
            case SIGNALFD4 -> (int) a[0] + ", " + sigset(as, a[1]) + ", " + a[2] + ", " + flags((int) a[3], "SFD_CLOEXEC", 0);
            default -> null;
        };
    }

    /** The pollfd array, each entry {fd=N, events=...}. */
    private static String pollfds(AddressSpace as, long va, long nfds) {
        long n = nfds & 0xFFFF_FFFFL;
        byte[] b = new byte[(int) Math.min(n, ARRAY_LIMIT) * 8];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer p = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < b.length / 8; i++) {
            s.append(i == 0 ? "" : ", ").append("{fd=").append(p.getInt(8 * i)).append(", events=")
                    .append(bits(p.getShort(8 * i + 4) & 0xffff, POLL_EVENTS)).append('}');
        }
        if (n > ARRAY_LIMIT) s.append(", ...");
        return s.append(']').toString();
    }

    /** A struct epoll_event {events, data}: EPOLLIN... and the data as u32 and u64. */
    private static String epollEvent(AddressSpace as, long va) {
        byte[] b = new byte[12];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer e = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int events = e.getInt(0);
        StringBuilder s = new StringBuilder();
        if ((events & 0x0FFF_FFFF) != 0) s.append(bits(events & 0x0FFF_FFFF, POLL_EVENTS).replace("POLL", "EPOLL"));
        String[] flags = {"EPOLLEXCLUSIVE", "EPOLLWAKEUP", "EPOLLONESHOT", "EPOLLET"};
        for (int i = 0; i < 4; i++) {
            if ((events >>> (28 + i) & 1) != 0) s.append(s.isEmpty() ? "" : "|").append(flags[i]);
        }
        String shown = s.isEmpty() ? "0" : s.toString();
        long data = e.getLong(4);
        return "{events=" + shown + ", data={u32=" + Integer.toUnsignedString((int) data) + ", u64="
                + Long.toUnsignedString(data) + "}}";
    }

    /** A struct timespec as {tv_sec=S, tv_nsec=N}, or NULL. */
    private static String timespec(AddressSpace as, long va) {
        if (va == 0) return "NULL";
        byte[] b = new byte[16];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        ByteBuffer t = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return "{tv_sec=" + t.getLong(0) + ", tv_nsec=" + t.getLong(8) + "}";
    }

    /** A kernel sigset_t as strace shows one: [USR1 USR2], or NULL. */
    private static String sigset(AddressSpace as, long va) {
        if (va == 0) return "NULL";
        byte[] b = new byte[8];
        if (as.copyIn(va, b, 0, b.length) != AddressSpace.NO_FAULT) return pointer(va);
        long set = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        StringBuilder s = new StringBuilder("[");
        for (int sig = 1; sig <= 64; sig++) {
            if ((set >>> (sig - 1) & 1) != 0) s.append(s.length() == 1 ? "" : " ").append(SigSet.name(sig).substring(3));
        }
        return s.append(']').toString();
    }

    /**
     * Flags made of O_CLOEXEC (as {@code cloexec}), O_NONBLOCK (its prefix with NONBLOCK) and,
     * if {@code low} is 1, the prefix's SEMAPHORE bit; unknown bits in octal; 0 for none.
     */
    private static String flags(int flags, String cloexec, int low) {
        String prefix = cloexec.substring(0, cloexec.indexOf('_') + 1);
        StringBuilder s = new StringBuilder();
        int rest = flags;
        if (low == 1 && (rest & 1) != 0) {
            s.append(prefix).append("SEMAPHORE");
            rest &= ~1;
        }
        if ((rest & 02000000) != 0) {
            s.append(s.isEmpty() ? "" : "|").append(cloexec);
            rest &= ~02000000;
        }
        if ((rest & 04000) != 0 && !prefix.equals("EPOLL_")) {
            s.append(s.isEmpty() ? "" : "|").append(prefix).append("NONBLOCK");
            rest &= ~04000;
        }
        if (rest != 0) s.append(s.isEmpty() ? "" : "|").append('0').append(Integer.toOctalString(rest));
        return s.isEmpty() ? "0" : s.toString();
    }

    /** The bits of {@code mask} by name, joined with |; unnamed ones in hex; 0 for none. */
    private static String bits(int mask, String[] names) {
        StringBuilder s = new StringBuilder();
        int rest = mask;
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && (rest >>> i & 1) != 0) {
                s.append(s.isEmpty() ? "" : "|").append(names[i]);
                rest &= ~(1 << i);
            }
        }
        if (rest != 0) s.append(s.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(rest));
        return s.isEmpty() ? "0" : s.toString();
    }

    private static String name(String[] names, int i) {
        return i >= 0 && i < names.length && names[i] != null ? names[i] : Integer.toString(i);
    }

    private static String pointer(long va) {
        return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
    }
}
