package net;

import fs.FdTable;
import fs.FileSyscalls;
import fs.FsException;
import fs.FsStruct;
import fs.IoVector;
import fs.OpenFile;
import fs.UserMemory;
import sync.Waiter;
import syscall.Errno;

/**
 * The calls that move data through sockets: sendto, recvfrom, sendmsg and recvmsg, as
 * Linux's net/socket.c does them (copying the arguments in, in its order) before
 * {@link UnixIo} does the protocol's part. sendmsg and recvmsg carry descriptors
 * (SCM_RIGHTS, see {@link ScmRights}). A call sleeps unless MSG_DONTWAIT is given or the
 * socket is non-blocking. Returns are as in {@link SocketSyscalls}; a stream send's -EPIPE
 * also means SIGPIPE unless MSG_NOSIGNAL ({@link #raisesSigpipe}).
 */
public final class MessageSyscalls {
    /** The layout of struct msghdr (x86-64): name, namelen, iov, iovlen, control, controllen, flags. */
    static final int MSG_NAME = 0, MSG_NAMELEN = 8, MSG_IOV = 16, MSG_IOVLEN = 24, MSG_CONTROL = 32,
            MSG_CONTROLLEN = 40, MSG_FLAGS = 48, MSGHDR_SIZE = 56;
    /** Linux's UIO_MAXIOV: more segments in a msghdr is EMSGSIZE. */
    static final int UIO_MAXIOV = 1024;

    private final UnixNet net;

    /** The calls for the AF_UNIX domain {@code net}. */
    public MessageSyscalls(UnixNet net) {
        this.net = net;
    }

    /**
     * Whether a send's result means the caller must now get SIGPIPE: a stream socket whose
     * peer is gone or shut down, unless the flags have MSG_NOSIGNAL (Linux sends it from
     * unix_stream_sendmsg; datagram and seqpacket sockets only fail with EPIPE).
     */
    public static boolean raisesSigpipe(FdTable files, long fd, long flags, long result) {
        return (flags & Msg.MSG_NOSIGNAL) == 0 && FileSyscalls.raisesSigpipe(files, fd, result);
    }

    /**
     * sendto(fd, buf, len, flags, addr, addrlen): EFAULT if the buffer is not in user
     * space, EBADF, ENOTSOCK, the address's EINVAL or EFAULT, then the protocol's errors:
     * for a stream EISCONN or EOPNOTSUPP if an address is given, ENOTCONN, EPIPE; for a
     * datagram EINVAL (address), ENOTCONN, EMSGSIZE, ENOENT / ECONNREFUSED / EPROTOTYPE
     * (no such receiver), EPERM (it is connected to another), EAGAIN (its queue is full).
     */
    public long sendto(FdTable files, FsStruct fs, UserMemory mem, Waiter caller, long fd, long buf, long len,
            long flags, long addr, long addrlen) {
        IoVector vec = IoVector.single(buf, len);
        if (vec == null) return -Errno.EFAULT;
        try {
            SocketInode s = SockAddrs.lookup(files, fd);
            Msg msg = new Msg(mem, vec, (int) flags, net.credentials(caller));
            if (addr != 0) {
                msg.rawName = SockAddrs.in(mem, addr, (int) addrlen);
                msg.nameLen = (int) addrlen;
            }
            return send(s, msg, fs, files, caller);
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private static long send(SocketInode s, Msg msg, FsStruct fs, FdTable files, Waiter caller) {
        msg.fs = fs;
        msg.nofile = files.limit();
        boolean wait = !msg.has(Msg.MSG_DONTWAIT) && !s.file().isNonBlocking();
        if (s.sock.peer != null && caller != null) caller.happensBefore().release(caller, s.sock.peer); // the race detector: the receiver sees all the sender did
        long r = UnixIo.send(s.sock, msg, wait ? caller : null);
        msg.dropFiles(); // descriptions no buffer took: the send failed
        return r;
    }

    /**
     * recvfrom(fd, buf, len, flags, addr, addrlen): EFAULT if the buffer is not in user
     * space, EBADF, ENOTSOCK, then the protocol's errors (EINVAL on a stream socket that is
     * not connected, ENOTCONN on such a seqpacket, EAGAIN, a pending error). The sender's
     * address is stored at addr if that is not NULL (length 0 if it has none).
     */
    public long recvfrom(FdTable files, UserMemory mem, Waiter caller, long fd, long buf, long len, long flags,
            long addr, long addrlen) {
        IoVector vec = IoVector.single(buf, len);
        if (vec == null) return -Errno.EFAULT;
        try {
            SocketInode s = SockAddrs.lookup(files, fd);
            Msg msg = new Msg(mem, vec, (int) flags, net.credentials(caller));
            long r = recv(s, msg, caller);
            msg.dropFiles(); // recvfrom has no room for descriptors: they are closed
            if (r >= 0 && addr != 0) SockAddrs.out(mem, fromAddress(msg), addr, addrlen);
            return r;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private static long recv(SocketInode s, Msg msg, Waiter caller) {
        boolean wait = !msg.has(Msg.MSG_DONTWAIT) && !s.file().isNonBlocking();
        long n = UnixIo.recv(s.sock, msg, wait ? caller : null);
        if (n > 0 && caller != null) caller.happensBefore().acquire(caller, s.sock); // the race detector: what the senders released
        return n;
    }

    /** The address a receive reports: none (length 0) when the sender is unnamed. */
    private static byte[] fromAddress(Msg msg) {
        return msg.from == null ? new byte[0] : msg.from;
    }

    /**
     * sendmsg(fd, msg, flags): as sendto with the address, buffers and control data of a
     * struct msghdr. Linux's order: EBADF, ENOTSOCK, EFAULT (the msghdr), EINVAL (a negative
     * msg_namelen; one above 128 is cut to 128), the address's EFAULT, EMSGSIZE (more than
     * UIO_MAXIOV buffers), the iovec's EINVAL and EFAULT, ENOBUFS (control data above
     * optmem_max), EFAULT (control data), the control messages' EINVAL and EBADF, then the
     * protocol's errors; ETOOMANYREFS when the caller already has more descriptors in flight
     * than its RLIMIT_NOFILE.
     */
    public long sendmsg(FdTable files, FsStruct fs, UserMemory mem, Waiter caller, long fd, long umsg, long flags) {
        try {
            SocketInode s = SockAddrs.lookup(files, fd);
            byte[] h = copyMsghdr(mem, umsg);
            int namelen = getInt(h, MSG_NAMELEN);
            long name = getLong(h, MSG_NAME);
            if (name == 0) namelen = 0;
            if (namelen < 0) return -Errno.EINVAL;
            namelen = Math.min(namelen, SockAddrs.SOCKADDR_STORAGE);
            byte[] raw = namelen > 0 ? SockAddrs.in(mem, name, namelen) : null;
            IoVector vec = iovec(mem, h);
            Msg msg = new Msg(mem, vec, (int) flags, net.credentials(caller));
            msg.rawName = raw;
            msg.nameLen = namelen;
            msg.rights = ScmRights.parse(files, mem, getLong(h, MSG_CONTROL), getLong(h, MSG_CONTROLLEN));
            return send(s, msg, fs, files, caller);
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /**
     * recvmsg(fd, msg, flags): as recvfrom into the buffers of a struct msghdr; the sender's
     * address goes to msg_name (msg_namelen set to its length), descriptors passed with the
     * data are installed and listed in msg_control (msg_controllen set to what was used;
     * MSG_CTRUNC in msg_flags if some did not fit and were closed), and msg_flags reports
     * MSG_TRUNC for a datagram cut short. MSG_CMSG_CLOEXEC marks the new descriptors
     * close-on-exec.
     */
    public long recvmsg(FdTable files, UserMemory mem, Waiter caller, long fd, long umsg, long flags) {
        try {
            SocketInode s = SockAddrs.lookup(files, fd);
            byte[] h = copyMsghdr(mem, umsg);
            long name = getLong(h, MSG_NAME);
            if (name != 0 && getInt(h, MSG_NAMELEN) < 0) return -Errno.EINVAL;
            IoVector vec = iovec(mem, h);
            Msg msg = new Msg(mem, vec, (int) flags, net.credentials(caller));
            long r = recv(s, msg, caller);
            if (r < 0) return r;
            try {
                if (name != 0) SockAddrs.out(mem, fromAddress(msg), name, umsg + MSG_NAMELEN);
                long control = getLong(h, MSG_CONTROL);
                long controllen = getLong(h, MSG_CONTROLLEN);
                long used = 0;
                if (msg.received != null) {
                    used = ScmRights.deliver(files, mem, control, controllen, msg.received,
                            msg.has(Msg.MSG_CMSG_CLOEXEC));
                    if (used < 0) {
                        used = -used - 1;
                        msg.msgFlags |= Msg.MSG_CTRUNC;
                    }
                    msg.received = null;
                }
                int outFlags = msg.msgFlags | (msg.flags & Msg.MSG_CMSG_CLOEXEC);
                SockAddrs.putInt(mem, umsg + MSG_FLAGS, outFlags);
                byte[] len = new byte[8];
                putLong(len, 0, used);
                if (mem.copyOut(umsg + MSG_CONTROLLEN, len, 0, 8) != UserMemory.NO_FAULT) return -Errno.EFAULT;
                return r;
            } finally {
                msg.dropFiles();
            }
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** copy_msghdr_from_user: the struct's bytes; EFAULT if they cannot be read. */
    private static byte[] copyMsghdr(UserMemory mem, long umsg) throws FsException {
        byte[] h = new byte[MSGHDR_SIZE];
        if (mem.copyIn(umsg, h, 0, MSGHDR_SIZE) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
        return h;
    }

    /** The msghdr's buffers: EMSGSIZE for more than UIO_MAXIOV, then import_iovec's EINVAL and EFAULT. */
    private static IoVector iovec(UserMemory mem, byte[] h) throws FsException {
        long iovlen = getLong(h, MSG_IOVLEN);
        if (Long.compareUnsigned(iovlen, UIO_MAXIOV) > 0) throw new FsException(Errno.EMSGSIZE);
        return IoVector.read(mem, getLong(h, MSG_IOV), iovlen);
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24;
    }

    static long getLong(byte[] b, int off) {
        return (getInt(b, off) & 0xFFFF_FFFFL) | (long) getInt(b, off + 4) << 32;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
