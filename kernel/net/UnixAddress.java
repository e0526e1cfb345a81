package net;

import fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import syscall.Errno;

/**
 * An AF_UNIX socket address, C's {@code struct sockaddr_un} as Linux's {@code unix_address}
 * keeps it: the bytes {@code sun_family, sun_path} exactly as getsockname returns them, and
 * their length. There are three kinds (man 7 unix):
 * <ul>
 * <li><b>pathname</b>: sun_path holds a NUL-terminated file name; the length counts the
 * NUL (offsetof(sun_path) + strlen + 1), whatever length bind was given;
 * <li><b>abstract</b>: sun_path[0] is NUL and the name is every byte after it up to the
 * length given, NULs included; it lives in {@link UnixNet}'s table, not in the file system;
 * <li><b>unnamed</b>: a socket that was never bound has no address object at all, and
 * getsockname reports just the family (length 2).
 * </ul>
 */
final class UnixAddress {
    /** AF_UNIX (and PF_UNIX). */
    static final int AF_UNIX = 1;
    /** offsetof(struct sockaddr_un, sun_path): the family is a 2-byte short. */
    static final int PATH_OFFSET = 2;
    /** sizeof(struct sockaddr_un). */
    static final int SIZE = 110;

    private final byte[] bytes;

    private UnixAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Linux's unix_validate_addr followed by unix_mkname_bsd: the address in the {@code len}
     * bytes of {@code raw} (a copy of the caller's sockaddr, at least {@code len} long).
     * EINVAL when the length leaves no room for a name or exceeds sizeof(sockaddr_un), or
     * the family is not AF_UNIX. A pathname is cut at its first NUL.
     */
    static UnixAddress parse(byte[] raw, int len) throws FsException {
        if (len <= PATH_OFFSET || len > SIZE) throw new FsException(Errno.EINVAL);
        if (family(raw) != AF_UNIX) throw new FsException(Errno.EINVAL);
        if (raw[PATH_OFFSET] == 0) return new UnixAddress(Arrays.copyOf(raw, len));
        int end = PATH_OFFSET;
        while (end < len && raw[end] != 0) end++;
        byte[] b = Arrays.copyOf(raw, end + 1); // the terminating NUL counts in the length
        return new UnixAddress(b);
    }

    /** The sa_family of a raw sockaddr. */
    static int family(byte[] raw) {
        return (raw[0] & 0xff) | (raw[1] & 0xff) << 8;
    }

    /** The address of an autobound socket: sun_path is NUL and five hex digits (Linux's unix_autobind). */
    static UnixAddress autobind(int number) {
        byte[] name = String.format("%05x", number).getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[PATH_OFFSET + 1 + name.length];
        b[0] = AF_UNIX;
        System.arraycopy(name, 0, b, PATH_OFFSET + 1, name.length);
        return new UnixAddress(b);
    }

    /** Whether this is an abstract address (sun_path[0] is NUL). */
    boolean isAbstract() {
        return bytes[PATH_OFFSET] == 0;
    }

    /** The file name of a pathname address (without its NUL). */
    String path() {
        return new String(bytes, PATH_OFFSET, bytes.length - PATH_OFFSET - 1, StandardCharsets.UTF_8);
    }

    /** The key of an abstract address in UnixNet's table: its name bytes, one char each. */
    String abstractKey() {
        return new String(bytes, PATH_OFFSET, bytes.length - PATH_OFFSET, StandardCharsets.ISO_8859_1);
    }

    /** The sockaddr_un bytes getsockname returns; their count is the address length. */
    byte[] bytes() {
        return bytes.clone();
    }

    /** The sockaddr_un of a socket without an address: the family alone, length 2. */
    static byte[] unnamed() {
        return new byte[] {AF_UNIX, 0};
    }
}
