package trace;

import java.nio.charset.StandardCharsets;
import vm.AddressSpace;

/**
 * The arguments of the socket calls as strace shows them: families, types and flags by
 * name ({@code socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0)}), AF_UNIX addresses
 * ({@code {sa_family=AF_UNIX, sun_path="/tmp/s"}}, an abstract name as {@code @"name"}),
 * send and recv flags ({@code MSG_DONTWAIT|MSG_NOSIGNAL}) and shutdown's how. Used by
 * {@link SyscallArguments}; an address it cannot read is shown as a number.
 */
final class SocketArguments {
    static final int CONNECT = 42, SENDTO = 44, RECVFROM = 45, SHUTDOWN = 48, BIND = 49, SOCKET = 41, SOCKETPAIR = 53,
            ACCEPT4 = 288;

    private SocketArguments() {}

    /** The decoded arguments of socket call {@code nr} at sys_enter, or null if it is not one decoded. */
    static String atEnter(AddressSpace as, long nr, long[] a) {
        return switch ((int) nr) {
            case SOCKET -> family(a[0]) + ", " + type(a[1]) + ", " + (int) a[2];
            case SOCKETPAIR -> family(a[0]) + ", " + type(a[1]) + ", " + (int) a[2] + ", 0x" + Long.toHexString(a[3]);
            case BIND, CONNECT -> (int) a[0] + ", " + sockaddr(as, a[1], (int) a[2]) + ", " + (int) a[2];
            case SENDTO -> (int) a[0] + ", " + SyscallArguments.buffer(as, a[1], a[2]) + ", " + a[2] + ", "
                    + msgFlags(a[3]) + ", " + sockaddr(as, a[4], (int) a[5]) + ", " + (int) a[5];
            case SHUTDOWN -> (int) a[0] + ", " + switch ((int) a[1]) {
                case 0 -> "SHUT_RD";
                case 1 -> "SHUT_WR";
                case 2 -> "SHUT_RDWR";
                default -> Integer.toString((int) a[1]);
            };
            case ACCEPT4 -> (int) a[0] + ", " + pointer(a[1]) + ", " + pointer(a[2]) + ", " + typeFlags(a[3], "0");
            default -> null;
        };
    }

    /** recvfrom's arguments at sys_exit, with the bytes received. */
    static String recvfromAtExit(AddressSpace as, long[] a, long result) {
        String buf = result >= 0 ? SyscallArguments.buffer(as, a[1], result) : "0x" + Long.toHexString(a[1]);
        return (int) a[0] + ", " + buf + ", " + a[2] + ", " + msgFlags(a[3]) + ", " + pointer(a[4]) + ", " + pointer(a[5]);
    }

    private static String pointer(long va) {
        return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
    }

    private static String family(long f) {
        return switch ((int) f) {
            case 0 -> "AF_UNSPEC";
            case 1 -> "AF_UNIX";
            case 2 -> "AF_INET";
            case 10 -> "AF_INET6";
            default -> Integer.toString((int) f);
        };
    }

    private static final String[] TYPES = {null, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET"};

    /** A socket type with its flags: SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC. */
    private static String type(long t) {
        int base = (int) t & 0xf;
        String name = base < TYPES.length && TYPES[base] != null ? TYPES[base] : Integer.toString(base);
        return typeFlags(t & ~0xfL, name);
    }

    private static String typeFlags(long flags, String none) {
        StringBuilder s = new StringBuilder(none.equals("0") ? "" : none);
        if ((flags & 04000) != 0) s.append(s.length() > 0 ? "|" : "").append("SOCK_NONBLOCK");
        if ((flags & 02000000) != 0) s.append(s.length() > 0 ? "|" : "").append("SOCK_CLOEXEC");
        long rest = flags & ~(04000L | 02000000L);
        if (rest != 0) s.append(s.length() > 0 ? "|" : "").append("0x").append(Long.toHexString(rest));
        return s.length() > 0 ? s.toString() : none;
    }

    private static final String[] MSG_FLAGS = {"MSG_OOB", "MSG_PEEK", "MSG_DONTROUTE", "MSG_CTRUNC", null, "MSG_TRUNC",
        "MSG_DONTWAIT", "MSG_EOR", "MSG_WAITALL"};

    /** send and recv flags by name, 0 for none. */
    private static String msgFlags(long flags) {
        StringBuilder s = new StringBuilder();
        long rest = flags & 0xFFFF_FFFFL;
        for (int bit = 0; bit < MSG_FLAGS.length; bit++) {
            if (MSG_FLAGS[bit] != null && (rest & (1L << bit)) != 0) {
                s.append(s.length() > 0 ? "|" : "").append(MSG_FLAGS[bit]);
                rest &= ~(1L << bit);
            }
        }
        if ((rest & 0x4000) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("MSG_NOSIGNAL");
            rest &= ~0x4000L;
        }
        if (rest != 0) s.append(s.length() > 0 ? "|" : "").append("0x").append(Long.toHexString(rest));
        return s.length() > 0 ? s.toString() : "0";
    }

    /** A socket address: AF_UNIX decoded, other families by number, NULL or an unreadable one raw. */
    private static String sockaddr(AddressSpace as, long va, int len) {
        if (va == 0) return "NULL";
        if (len < 2 || len > 128) return "0x" + Long.toHexString(va);
        byte[] b = new byte[len];
        if (as.copyIn(va, b, 0, len) != AddressSpace.NO_FAULT) return "0x" + Long.toHexString(va);
        int fam = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        if (fam != 1) return "{sa_family=" + family(fam) + "}";
        if (len == 2) return "{sa_family=AF_UNIX}";
        if (b[2] == 0) return "{sa_family=AF_UNIX, sun_path=@" + SyscallArguments.quote(tail(b, 3, len), len - 3) + "}";
        int end = 2;
        while (end < len && b[end] != 0) end++;
        String path = new String(b, 2, end - 2, StandardCharsets.ISO_8859_1);
        return "{sa_family=AF_UNIX, sun_path=" + SyscallArguments.quote(tail(b, 2, end), path.length()) + "}";
    }

    private static byte[] tail(byte[] b, int from, int to) {
        byte[] t = new byte[to - from];
        System.arraycopy(b, from, t, 0, t.length);
        return t;
    }
}
