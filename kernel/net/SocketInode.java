package net;

import fs.Inode;
import fs.IoVector;
import fs.Ioctls;
import fs.MessageIo;
import fs.Mode;
import fs.OpenFile;
import fs.UserMemory;
import fs.Vfs;
import sync.Waiter;
import syscall.Errno;

/**
 * A socket as a file, as Linux's {@code struct socket} with its sockfs inode: the object a
 * descriptor from socket, socketpair or accept refers to (st_mode S_IFSOCK|0777, on sockfs,
 * {@link Vfs#SOCKFS_DEV}). It has no name; it lives while a description refers to it, and
 * its release closes the {@link UnixSock} behind it. read and write are recv and send
 * without flags ({@link MessageIo}); lseek is ESPIPE.
 */
final class SocketInode extends Inode implements MessageIo {
    final UnixSock sock;
    private OpenFile file;

    SocketInode(Vfs vfs, UnixSock sock) {
        super(vfs, Mode.S_IFSOCK | 0777);
        this.sock = sock;
        sock.socket = this;
    }

    @Override
    public long dev() {
        return Vfs.SOCKFS_DEV;
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    @Override
    public long readMessage(OpenFile file, UserMemory mem, Waiter caller, IoVector buf) {
        Msg msg = new Msg(mem, buf, 0, sock.net.credentials(caller));
        long n = UnixIo.recv(sock, msg, file.isNonBlocking() ? null : caller);
        if (n > 0 && caller != null) caller.happensBefore().acquire(caller, sock); // the race detector: what the senders released
        msg.dropFiles(); // read(2) has nowhere to put passed descriptors: they are closed
        return n;
    }

    @Override
    public long writeMessage(OpenFile file, UserMemory mem, Waiter caller, IoVector buf) {
        Msg msg = new Msg(mem, buf, 0, sock.net.credentials(caller));
        if (sock.peer != null && caller != null) caller.happensBefore().release(caller, sock.peer); // the race detector: the receiver sees all the sender did
        return UnixIo.send(sock, msg, file.isNonBlocking() ? null : caller);
    }

    @Override
    public boolean sigpipeOnEpipe() {
        return sock.type == UnixSock.SOCK_STREAM;
    }

    @Override
    public int poll(OpenFile file, Waiter waiter) {
        return sock.poll(waiter);
    }

    @Override
    public boolean canPoll() {
        return true;
    }

    /** Linux's sockfs_dname: "socket:[ino]", what /proc/PID/fd shows. */
    @Override
    public String dname() {
        return "socket:[" + ino() + "]";
    }

    /**
     * FIONREAD (SIOCINQ), as Linux's unix_ioctl: the unread bytes of a stream, the size of
     * the next datagram; EINVAL on a listening socket.
     */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        if (request != Ioctls.FIONREAD) return -Errno.ENOTTY;
        if (sock.state == UnixSock.TCP_LISTEN) return -Errno.EINVAL;
        long n = sock.type == UnixSock.SOCK_STREAM ? sock.queuedBytes()
                : sock.queue.isEmpty() ? 0 : sock.queue.peekFirst().remaining();
        return putUserInt(mem, arg, (int) n);
    }

    /** The socket's one open file description (a socket is never opened twice). */
    OpenFile file() {
        return file;
    }

    /**
     * A descriptor of this socket closes: if every other reference to it then travels in
     * messages, it may be garbage (a socket sent over itself), so the collector runs.
     */
    @Override
    public void flush(OpenFile file) {
        if (sock.inflight > 0 && file.count() - 1 == sock.inflight) sock.net.collect(file);
    }

    @Override
    protected void opened(OpenFile file) {
        super.opened(file);
        this.file = file;
    }

    @Override
    protected void released(OpenFile file) {
        super.released(file);
        sock.release(false);
    }
}
