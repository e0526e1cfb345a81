package net;

import fs.FdTable;
import fs.FsException;
import fs.UserMemory;
import syscall.Errno;

/**
 * getsockopt and setsockopt at level SOL_SOCKET, as Linux's sk_getsockopt and
 * sk_setsockopt, for the options an AF_UNIX program uses: SO_TYPE, SO_DOMAIN,
 * SO_PROTOCOL, SO_ACCEPTCONN and SO_PEERCRED (read only), SO_ERROR (read, which clears
 * it), SO_SNDBUF and SO_RCVBUF (set to twice the value asked, within Linux's bounds),
 * SO_REUSEADDR and SO_KEEPALIVE (kept and reported; they change nothing for AF_UNIX).
 * Other SOL_SOCKET options are ENOPROTOOPT; other levels are EOPNOTSUPP, since AF_UNIX has
 * no options of its own.
 */
public final class SockOpts {
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9,
            SO_PEERCRED = 17, SO_ACCEPTCONN = 30, SO_PROTOCOL = 38, SO_DOMAIN = 39;

    private SockOpts() {}

    /**
     * setsockopt(fd, level, optname, optval, optlen). Linux's order: EBADF, ENOTSOCK, EINVAL
     * for a negative optlen, EOPNOTSUPP for a level other than SOL_SOCKET, EINVAL for an
     * optlen below sizeof(int), EFAULT, then ENOPROTOOPT for an option that cannot be set.
     */
    public static long setsockopt(FdTable files, UserMemory mem, long fd, long level, long optname, long optval,
            long optlen) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            if ((int) optlen < 0) return -Errno.EINVAL;
            if ((int) level != SOL_SOCKET) return -Errno.EOPNOTSUPP;
            if ((int) optlen < 4) return -Errno.EINVAL;
            int val = SockAddrs.getInt(mem, optval);
            switch ((int) optname) {
                case SO_REUSEADDR -> sk.reuseAddr = val != 0;
                case SO_KEEPALIVE -> sk.keepAlive = val != 0;
                case SO_SNDBUF -> {
                    sk.sndbuf = Math.max(doubled(val, UnixSock.WMEM_MAX), UnixSock.SOCK_MIN_SNDBUF);
                    sk.waitQueue.wakeUpPoll(UnixSock.WRITE_SPACE); // senders may have room now
                }
                case SO_RCVBUF -> sk.rcvbuf = Math.max(doubled(val, UnixSock.RMEM_MAX), UnixSock.SOCK_MIN_RCVBUF);
                default -> {
                    return -Errno.ENOPROTOOPT;
                }
            }
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** Twice {@code val}, taken as unsigned and first cut to {@code max}: what Linux stores for a buffer size. */
    private static int doubled(int val, int max) {
        return (int) Math.min(Integer.toUnsignedLong(val), max) * 2;
    }

    /**
     * getsockopt(fd, level, optname, optval, optlen): the option's value, cut to the int at
     * optlen, which is set to the length stored. Linux's order: EBADF, ENOTSOCK, EOPNOTSUPP
     * for another level, EFAULT for optlen, EINVAL if it is negative, ENOPROTOOPT, EFAULT.
     */
    public static long getsockopt(FdTable files, UserMemory mem, long fd, long level, long optname, long optval,
            long optlen) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            if ((int) level != SOL_SOCKET) return -Errno.EOPNOTSUPP;
            int len = SockAddrs.getInt(mem, optlen);
            if (len < 0) return -Errno.EINVAL;
            byte[] value;
            if ((int) optname == SO_PEERCRED) {
                value = sk.peerCred.bytes();
            } else {
                int v;
                switch ((int) optname) {
                    case SO_REUSEADDR -> v = sk.reuseAddr ? 1 : 0;
                    case SO_KEEPALIVE -> v = sk.keepAlive ? 1 : 0;
                    case SO_TYPE -> v = sk.type;
                    case SO_ERROR -> v = sk.takeError();
                    case SO_SNDBUF -> v = sk.sndbuf;
                    case SO_RCVBUF -> v = sk.rcvbuf;
                    case SO_ACCEPTCONN -> v = sk.state == UnixSock.TCP_LISTEN ? 1 : 0;
                    case SO_PROTOCOL -> v = 0;
                    case SO_DOMAIN -> v = UnixAddress.AF_UNIX;
                    default -> {
                        return -Errno.ENOPROTOOPT;
                    }
                }
                value = new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
            }
            len = Math.min(len, value.length);
            if (len > 0 && mem.copyOut(optval, value, 0, len) != UserMemory.NO_FAULT) return -Errno.EFAULT;
            SockAddrs.putInt(mem, optlen, len);
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }
}
