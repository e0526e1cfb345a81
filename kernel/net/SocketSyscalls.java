package net;

import static fs.OpenFlags.O_CLOEXEC;
import static fs.OpenFlags.O_NONBLOCK;
import static fs.OpenFlags.O_RDWR;

import fs.FdTable;
import fs.FsException;
import fs.FsStruct;
import fs.OpenFile;
import fs.PathWalker;
import fs.UserMemory;
import sync.Waiter;
import syscall.Errno;

/**
 * The calls that make, name and connect AF_UNIX sockets: socket, socketpair, bind, listen,
 * connect, accept and accept4, shutdown, getsockname and getpeername, with Linux's checks in
 * Linux's order (net/socket.c, then net/unix/af_unix.c). Each takes the caller's descriptor
 * table, fs_struct and memory, the caller itself as a {@link Waiter} (it may sleep, and its
 * pid and credentials are recorded), and the raw argument registers; it returns the value
 * for a0: a result &gt;= 0, {@code -errno}, or {@code -Errno.BLOCKED} after putting the
 * caller on a wait queue. Data moves in {@link MessageSyscalls}; options are in {@link SockOpts}.
 */
public final class SocketSyscalls {
    /** AF_UNIX is the only family; others below NPROTO are EAFNOSUPPORT (no IPv4 or IPv6 here). */
    static final int NPROTO = 46, SOCK_MAX = 11, SOCK_TYPE_MASK = 0xf;
    static final int SOCK_NONBLOCK = O_NONBLOCK, SOCK_CLOEXEC = O_CLOEXEC;
    /** net.core.somaxconn: listen's backlog is cut to it. */
    static final int SOMAXCONN = 4096;
    static final int SHUT_RD = 0, SHUT_RDWR = 2;

    private final UnixNet net;

    /** The calls for the AF_UNIX domain {@code net}. */
    public SocketSyscalls(UnixNet net) {
        this.net = net;
    }

    /**
     * socket(domain, type, protocol). In Linux's order: EINVAL for flags other than
     * SOCK_NONBLOCK and SOCK_CLOEXEC in type, EAFNOSUPPORT for a family out of range, EINVAL
     * for a type out of range, ENFILE when no socket can be had, EAFNOSUPPORT for a family
     * other than AF_UNIX, EPROTONOSUPPORT for a protocol other than 0 or PF_UNIX,
     * ESOCKTNOSUPPORT for a type AF_UNIX lacks (SOCK_RAW is SOCK_DGRAM, as Linux), ENOMEM,
     * then EMFILE and ENFILE for the descriptor.
     */
    public long socket(FdTable files, long domain, long type, long protocol) {
        int flags = (int) type & ~SOCK_TYPE_MASK;
        if ((flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) return -Errno.EINVAL;
        int t = checkCreate((int) domain, (int) type & SOCK_TYPE_MASK, (int) protocol);
        if (t < 0) return t;
        UnixSock sk = net.newSock(t);
        if (sk == null) return -Errno.ENOMEM;
        return install(files, sk, flags);
    }

    /** Linux's __sock_create and unix_create checks: the socket type to make, or -errno. */
    private int checkCreate(int family, int type, int protocol) {
        if (family < 0 || family >= NPROTO) return -Errno.EAFNOSUPPORT;
        if (type >= SOCK_MAX) return -Errno.EINVAL;
        long full = net.newSockError();
        if (full < 0) return (int) full;
        if (family != UnixAddress.AF_UNIX) return -Errno.EAFNOSUPPORT;
        if (protocol != 0 && protocol != UnixAddress.AF_UNIX) return -Errno.EPROTONOSUPPORT;
        return switch (type) {
            case UnixSock.SOCK_STREAM, UnixSock.SOCK_DGRAM, UnixSock.SOCK_SEQPACKET -> type;
            case UnixSock.SOCK_RAW -> UnixSock.SOCK_DGRAM;
            default -> -Errno.ESOCKTNOSUPPORT;
        };
    }

    /** Gives {@code sk} a file and the lowest free descriptor: the descriptor, or -EMFILE / -ENFILE with the socket freed. */
    private long install(FdTable files, UnixSock sk, int flags) {
        int fd = files.lowestFree(0);
        long err = fd < 0 ? fd : net.memory().newFileError(1);
        if (err < 0) {
            sk.release(false);
            return err;
        }
        files.installAt(fd, open(sk, flags), (flags & SOCK_CLOEXEC) != 0);
        return fd;
    }

    /** The file of a socket, read-write, with O_NONBLOCK if {@code flags} has SOCK_NONBLOCK. */
    private OpenFile open(UnixSock sk, int flags) {
        return new OpenFile(new SocketInode(net.vfs(), sk), O_RDWR | (flags & SOCK_NONBLOCK));
    }

    /**
     * socketpair(domain, type, protocol, sv): two sockets connected to each other, each with
     * the caller's credentials as SO_PEERCRED; their descriptors are stored at {@code sv}.
     * Linux reserves and stores the descriptors first, so its order is: EINVAL for bad
     * flags, EMFILE, EFAULT, then socket's errors.
     */
    public long socketpair(FdTable files, UserMemory mem, Waiter caller, long domain, long type, long protocol, long sv) {
        int flags = (int) type & ~SOCK_TYPE_MASK;
        if ((flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) return -Errno.EINVAL;
        int fd1 = files.lowestFree(0);
        if (fd1 < 0) return fd1;
        int fd2 = files.lowestFree(fd1 + 1);
        if (fd2 < 0) return fd2;
        try {
            SockAddrs.putInt(mem, sv, fd1);
            SockAddrs.putInt(mem, sv + 4, fd2);
        } catch (FsException e) {
            return -e.errno();
        }
        int t = checkCreate((int) domain, (int) type & SOCK_TYPE_MASK, (int) protocol);
        if (t < 0) return t;
        long err = net.memory().newFileError(2);
        if (err < 0) return err;
        UnixSock a = net.newSock(t);
        UnixSock b = a == null ? null : net.newSock(t);
        if (b == null) {
            if (a != null) a.release(false);
            return -Errno.ENOMEM;
        }
        Credentials creds = net.credentials(caller);
        a.peer = b;
        b.peer = a;
        a.peerCred = b.peerCred = creds;
        a.state = b.state = UnixSock.TCP_ESTABLISHED;
        boolean cloexec = (flags & SOCK_CLOEXEC) != 0;
        files.installAt(fd1, open(a, flags), cloexec);
        files.installAt(fd2, open(b, flags), cloexec);
        return 0;
    }

    /**
     * bind(fd, addr, addrlen). An address of the family alone autobinds (an abstract name
     * of five hex digits; nothing if already bound). A pathname creates a socket node with
     * mode 0777 less the umask (the path's errors; EADDRINUSE if the name exists); an
     * abstract name is EADDRINUSE if taken. EINVAL for a bad address or a socket already bound.
     */
    public long bind(FdTable files, FsStruct fs, UserMemory mem, long fd, long addr, long addrlen) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            int len = (int) addrlen;
            byte[] raw = SockAddrs.in(mem, addr, len);
            if (len == UnixAddress.PATH_OFFSET && UnixAddress.family(raw) == UnixAddress.AF_UNIX) {
                if (sk.addr == null) net.autobind(sk);
                return 0;
            }
            UnixAddress a = UnixAddress.parse(raw, len);
            if (a.isAbstract()) {
                if (sk.addr != null) return -Errno.EINVAL;
                net.bindAbstract(sk, a);
            } else {
                bindPath(sk, a, fs);
            }
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** Linux's unix_bind_bsd: the node at {@code a}'s path, made as mknod would; EEXIST becomes EADDRINUSE. */
    private void bindPath(UnixSock sk, UnixAddress a, FsStruct fs) throws FsException {
        try {
            PathWalker.Parent p = PathWalker.resolveParent(fs, fs.cwd(), a.path());
            if (p.name().equals(".") || p.name().equals("..")) throw new FsException(Errno.EEXIST);
            p.dir().checkCanLink(p.name());
            if (p.trailingSlash()) throw new FsException(Errno.ENOENT);
            if (sk.addr != null) throw new FsException(Errno.EINVAL);
            SocketNode node = new SocketNode(net.vfs(), 0777 & ~fs.umask(), sk);
            p.dir().link(p.name(), node);
            sk.addr = a;
            sk.node = node;
        } catch (FsException e) {
            throw e.errno() == Errno.EEXIST ? new FsException(Errno.EADDRINUSE) : e;
        }
    }

    /**
     * listen(fd, backlog): makes a bound stream or seqpacket socket accept connections, at
     * most backlog + 1 waiting (backlog is cut to somaxconn, a negative one included, as an
     * unsigned compare does). EOPNOTSUPP for a datagram socket, EINVAL if unbound or
     * connected. The caller's credentials become what its clients see as SO_PEERCRED.
     */
    public long listen(FdTable files, Waiter caller, long fd, long backlog) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            int n = Integer.compareUnsigned((int) backlog, SOMAXCONN) > 0 ? SOMAXCONN : (int) backlog;
            if (!sk.isConnectionOriented()) return -Errno.EOPNOTSUPP;
            if (sk.addr == null) return -Errno.EINVAL;
            if (sk.state != UnixSock.TCP_CLOSE && sk.state != UnixSock.TCP_LISTEN) return -Errno.EINVAL;
            if (n > sk.maxAckBacklog) sk.waitQueue.wakeUp(); // connectors waiting for room
            sk.maxAckBacklog = n;
            sk.state = UnixSock.TCP_LISTEN;
            sk.peerCred = net.credentials(caller);
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /**
     * connect(fd, addr, addrlen). A stream or seqpacket socket connects to a listener: the
     * connection waits in its queue for accept, and connect returns at once; while the
     * queue is full it sleeps (EAGAIN if non-blocking). A datagram socket just records its
     * peer (AF_UNSPEC removes it). Errors in Linux's order: the address (EINVAL, EFAULT),
     * finding the listener (ENOENT..., ECONNREFUSED, EPROTOTYPE), then the states: EPERM
     * if that datagram socket is connected elsewhere, ECONNREFUSED if not listening,
     * EISCONN if already connected, EINVAL if listening.
     */
    public long connect(FdTable files, FsStruct fs, UserMemory mem, Waiter caller, long fd, long addr, long addrlen) {
        try {
            SocketInode s = SockAddrs.lookup(files, fd);
            int len = (int) addrlen;
            byte[] raw = SockAddrs.in(mem, addr, len);
            if (s.sock.type == UnixSock.SOCK_DGRAM) return dgramConnect(s.sock, fs, raw, len);
            UnixAddress a = UnixAddress.parse(raw, len);
            long full = net.newSockError();
            if (full < 0) return full;
            UnixSock sk = s.sock;
            UnixSock other = net.find(a, sk.type, fs);
            if (other.state != UnixSock.TCP_LISTEN || (other.shutdown & UnixSock.RCV_SHUTDOWN) != 0) {
                return -Errno.ECONNREFUSED;
            }
            if (other.queueFull()) return UnixSock.sleepOn(other, s.file().isNonBlocking() ? null : caller);
            if (sk.state == UnixSock.TCP_ESTABLISHED) return -Errno.EISCONN;
            if (sk.state != UnixSock.TCP_CLOSE) return -Errno.EINVAL;
            UnixSock embryo = net.newSock(sk.type);
            if (embryo == null) return -Errno.ENOMEM;
            embryo.state = UnixSock.TCP_ESTABLISHED;
            embryo.peer = sk;
            embryo.peerCred = net.credentials(caller);
            embryo.addr = other.addr;
            sk.peer = embryo;
            sk.state = UnixSock.TCP_ESTABLISHED;
            sk.peerCred = other.peerCred;
            other.queueTail(new SkBuff(new byte[0], embryo, embryo.peerCred, null, embryo));
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** Linux's unix_dgram_connect. */
    private long dgramConnect(UnixSock sk, FsStruct fs, byte[] raw, int len) throws FsException {
        if (len < UnixAddress.PATH_OFFSET) return -Errno.EINVAL;
        UnixSock other = null;
        if (UnixAddress.family(raw) != 0) { // AF_UNSPEC dissolves the association
            other = net.find(UnixAddress.parse(raw, len), sk.type, fs);
            if (other.peer != null && other.peer != sk) return -Errno.EPERM;
        }
        UnixSock old = sk.peer;
        sk.peer = other;
        sk.state = other == null ? UnixSock.TCP_CLOSE : UnixSock.TCP_ESTABLISHED;
        if (old != null && old != other && !sk.queue.isEmpty()) {
            // unix_dgram_disconnected: what came on the old association is dropped, and an
            // old peer connected back learns of it.
            while (!sk.queue.isEmpty()) sk.freeSkb(sk.queue.pollFirst());
            sk.waitQueue.wakeUp();
            if (!old.dead && old.peer == sk) old.err = Errno.ECONNRESET;
        }
        return 0;
    }

    /** accept(fd, addr, addrlen): accept4 without flags. */
    public long accept(FdTable files, UserMemory mem, Waiter caller, long fd, long addr, long addrlen) {
        return accept4(files, mem, caller, fd, addr, addrlen, 0);
    }

    /**
     * accept4(fd, addr, addrlen, flags): the oldest connection waiting on a listening socket,
     * as a new descriptor (SOCK_NONBLOCK and SOCK_CLOEXEC apply to it); sleeps while there is
     * none unless the listening socket is non-blocking (EAGAIN). The client's address is
     * stored at addr if that is not NULL. Linux's order: EBADF, EINVAL (flags), EMFILE,
     * ENOTSOCK, ENFILE, EOPNOTSUPP (a datagram socket), EINVAL (not listening), and only
     * after the connection is taken, the address's EFAULT or EINVAL: the connection is then
     * closed, as on Linux.
     */
    public long accept4(FdTable files, UserMemory mem, Waiter caller, long fd, long addr, long addrlen, long flags) {
        OpenFile lf = files.get((int) fd);
        if (lf == null) return -Errno.EBADF;
        if ((flags & ~(long) (SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) return -Errno.EINVAL;
        int newfd = files.lowestFree(0);
        if (newfd < 0) return newfd;
        if (!(lf.inode() instanceof SocketInode s)) return -Errno.ENOTSOCK;
        long full = net.newSockError();
        if (full == 0) full = net.memory().newFileError(1);
        if (full < 0) return full;
        UnixSock sk = s.sock;
        if (!sk.isConnectionOriented()) return -Errno.EOPNOTSUPP;
        if (sk.state != UnixSock.TCP_LISTEN) return -Errno.EINVAL;
        SkBuff skb = sk.queue.pollFirst();
        if (skb == null) {
            int e = sk.takeError();
            if (e != 0) return -e;
            if ((sk.shutdown & UnixSock.RCV_SHUTDOWN) != 0) return -Errno.EINVAL;
            return UnixSock.sleepOn(sk, lf.isNonBlocking() ? null : caller);
        }
        sk.waitQueue.wakeUp(); // connectors waiting for room in the queue
        sk.freeSkb(skb);
        OpenFile nf = open(skb.embryo, (int) flags);
        if (addr != 0) {
            try {
                SockAddrs.out(mem, peerAddress(skb.embryo), addr, addrlen);
            } catch (FsException e) {
                nf.put();
                return -e.errno();
            }
        }
        files.installAt(newfd, nf, (flags & SOCK_CLOEXEC) != 0);
        return newfd;
    }

    /** The sockaddr_un of {@code sk}'s peer: its address, or the family alone if it has none. */
    private static byte[] peerAddress(UnixSock sk) {
        return sk.peer == null || sk.peer.addr == null ? UnixAddress.unnamed() : sk.peer.addr.bytes();
    }

    /**
     * shutdown(fd, how): SHUT_RD, SHUT_WR or SHUT_RDWR (EINVAL otherwise). On a connected
     * stream or seqpacket socket the peer sees the mirror image: after SHUT_WR here, its
     * reads reach end of file; after SHUT_RD here, its writes fail with EPIPE. A socket
     * that is not connected may be shut down too, as on Linux.
     */
    public long shutdown(FdTable files, long fd, long how) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            int mode = (int) how;
            if (mode < SHUT_RD || mode > SHUT_RDWR) return -Errno.EINVAL;
            mode++; // SHUT_RD is RCV_SHUTDOWN, SHUT_WR SEND_SHUTDOWN, SHUT_RDWR both
            sk.shutdown |= mode;
            sk.waitQueue.wakeUp();
            UnixSock other = sk.peer;
            if (other != null && sk.isConnectionOriented()) {
                int peerMode = ((mode & UnixSock.RCV_SHUTDOWN) != 0 ? UnixSock.SEND_SHUTDOWN : 0)
                        | ((mode & UnixSock.SEND_SHUTDOWN) != 0 ? UnixSock.RCV_SHUTDOWN : 0);
                other.shutdown |= peerMode;
                other.waitQueue.wakeUp();
            }
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** getsockname(fd, addr, addrlen): the socket's own address (the family alone if unbound). */
    public long getsockname(FdTable files, UserMemory mem, long fd, long addr, long addrlen) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            SockAddrs.out(mem, sk.addr == null ? UnixAddress.unnamed() : sk.addr.bytes(), addr, addrlen);
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /** getpeername(fd, addr, addrlen): the peer's address; ENOTCONN without a peer. */
    public long getpeername(FdTable files, UserMemory mem, long fd, long addr, long addrlen) {
        try {
            UnixSock sk = SockAddrs.lookup(files, fd).sock;
            if (sk.peer == null) return -Errno.ENOTCONN;
            SockAddrs.out(mem, peerAddress(sk), addr, addrlen);
            return 0;
        } catch (FsException e) {
            return -e.errno();
        }
    }
}
