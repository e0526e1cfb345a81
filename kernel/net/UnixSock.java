package net;

import fs.OpenFile;
import fs.Poll;
import java.util.ArrayDeque;
import java.util.List;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * An AF_UNIX socket's protocol state, as Linux's {@code struct unix_sock} (with the
 * {@code struct sock} it extends): its type, connection state and peer, its address, its
 * receive queue and its buffer accounting. The file a program holds is a {@link SocketInode};
 * a connection waiting in a listener's queue is a UnixSock without one yet (an "embryo")
 * until accept gives it a file.
 *
 * <p><b>States</b> use Linux's TCP_* numbers, as af_unix does: a new socket is
 * {@link #TCP_CLOSE}; listen makes it {@link #TCP_LISTEN}; connect, socketpair and accept
 * leave both ends {@link #TCP_ESTABLISHED}. A datagram socket is "connected" when it has a
 * default peer. {@link #shutdown} holds RCV_SHUTDOWN and SEND_SHUTDOWN, set by shutdown(2)
 * on either end and by the peer's close.
 *
 * <p><b>Waiting.</b> Every change a sleeper could care about (data queued or consumed, a
 * connection queued or accepted, a shutdown, a close) wakes {@link #waitQueue}; the woken
 * call runs again and re-checks (sync.WaitQueue). A sender waiting for room in another
 * socket's queue sleeps on that socket's queue.
 */
final class UnixSock {
    static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_SEQPACKET = 5;
    static final int TCP_ESTABLISHED = 1, TCP_CLOSE = 7, TCP_LISTEN = 10;
    static final int RCV_SHUTDOWN = 1, SEND_SHUTDOWN = 2, SHUTDOWN_MASK = 3;
    /**
     * The events of a wake-up for room to send (Linux's sk_write_space): it wakes blocked
     * senders and poll entries waiting to write, not an edge-triggered reader's epoll watch.
     */
    static final int WRITE_SPACE = Poll.POLLOUT | Poll.POLLWRNORM | Poll.POLLWRBAND;
    /** The default SO_SNDBUF and SO_RCVBUF (net.core.wmem_default, rmem_default) and their caps (wmem_max, rmem_max). */
    static final int WMEM_DEFAULT = 212992, RMEM_DEFAULT = 212992, WMEM_MAX = 212992, RMEM_MAX = 212992;
    /** The smallest SO_SNDBUF and SO_RCVBUF (SOCK_MIN_SNDBUF, SOCK_MIN_RCVBUF). */
    static final int SOCK_MIN_SNDBUF = 4608, SOCK_MIN_RCVBUF = 2304;
    /** A datagram socket's queue limit (net.unix.max_dgram_qlen): past it, senders wait. */
    static final int MAX_DGRAM_QLEN = 10;

    final UnixNet net;
    final int type;
    int state = TCP_CLOSE;
    int shutdown;
    UnixSock peer;
    /** The bound address; null while unnamed. */
    UnixAddress addr;
    /** The file-system node of a pathname address, which connect finds the socket by. */
    SocketNode node;
    /** Data (or, on a listener, connections) waiting to be received, oldest first. */
    final ArrayDeque<SkBuff> queue = new ArrayDeque<>();
    /** A listener's backlog, or a datagram socket's queue limit (sk_max_ack_backlog). */
    int maxAckBacklog = MAX_DGRAM_QLEN;
    int sndbuf = WMEM_DEFAULT, rcvbuf = RMEM_DEFAULT;
    /** The truesize of this socket's buffers not yet freed by their receiver (sk_wmem_alloc). */
    long wmemAlloc;
    boolean reuseAddr, keepAlive;
    /** SO_PEERCRED: the peer's credentials at connect, the creator's for socketpair. */
    Credentials peerCred = Credentials.NONE;
    /** A pending error (sk_err), reported once by the next receive, send or SO_ERROR. */
    int err;
    /** The file's inode; null for an embryo not yet accepted. */
    SocketInode socket;
    /** Set once released: the socket can be found no more and receives nothing. */
    boolean dead;
    /** How many references to this socket's file travel in SCM_RIGHTS messages (for UnixGc). */
    int inflight;
    final WaitQueue waitQueue = new WaitQueue();

    UnixSock(UnixNet net, int type) {
        this.net = net;
        this.type = type;
    }

    /** Whether this is a connection-oriented socket (stream or seqpacket). */
    boolean isConnectionOriented() {
        return type == SOCK_STREAM || type == SOCK_SEQPACKET;
    }

    /** Linux's sock_error: the pending error, cleared (0 if none). */
    int takeError() {
        int e = err;
        err = 0;
        return e;
    }

    /** Puts {@code waiter} on {@code sock}'s queue: -BLOCKED, or -EAGAIN for a null waiter (non-blocking). */
    static long sleepOn(UnixSock sock, Waiter waiter) {
        if (waiter == null) return -Errno.EAGAIN;
        sock.waitQueue.add(waiter);
        return -Errno.BLOCKED;
    }

    /**
     * Linux's sock_alloc_send_pskb: a buffer of {@code data} sent by this socket, charged to
     * the kernel's memory and to this socket's send count. In Linux's order: the pending
     * error, EPIPE after SEND_SHUTDOWN, a wait while the send count has reached SO_SNDBUF
     * (EAGAIN without a waiter), ENOBUFS when memory is full. Returns the buffer, or null
     * with the -errno in {@code error[0]}.
     */
    SkBuff allocSend(byte[] data, Credentials creds, Waiter waiter, long[] error) {
        int e = takeError();
        if (e != 0) {
            error[0] = -e;
            return null;
        }
        if ((shutdown & SEND_SHUTDOWN) != 0) {
            error[0] = -Errno.EPIPE;
            return null;
        }
        if (wmemAlloc >= sndbuf) {
            error[0] = sleepOn(this, waiter);
            return null;
        }
        SkBuff skb = new SkBuff(data, this, creds, null, null);
        if (!net.memory().charge(skb.truesize)) {
            error[0] = -Errno.ENOBUFS;
            return null;
        }
        wmemAlloc += skb.truesize;
        return skb;
    }

    /** Queues {@code skb} for this socket's receivers and wakes them (sk_data_ready). */
    void queueTail(SkBuff skb) {
        queue.addLast(skb);
        waitQueue.wakeUpPoll(Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLRDBAND);
    }

    /**
     * Frees a buffer taken off a queue: gives back its charge and the sender's send count
     * (waking a sender waiting for room) and drops the descriptions it still carries.
     */
    void freeSkb(SkBuff skb) {
        if (skb.embryo == null) {
            skb.sender.net.memory().uncharge(skb.truesize);
            skb.sender.wmemAlloc -= skb.truesize;
            skb.sender.waitQueue.wakeUpPoll(WRITE_SPACE); // sk_write_space
        }
        List<OpenFile> files = skb.files;
        skb.files = null;
        if (files != null) net.dropInflight(files);
    }

    /** The bytes waiting in the queue (a stream's unread data). */
    long queuedBytes() {
        long n = 0;
        for (SkBuff skb : queue) n += skb.remaining();
        return n;
    }

    /**
     * Linux's unix_release_sock: the socket's file is gone (or an embryo was never
     * accepted). It leaves its name, tells a connected peer (which can then neither read
     * more nor write, and gets ECONNRESET if this side had unread data), drops every
     * waiting connection and buffer, and frees itself.
     */
    void release(boolean embryo) {
        dead = true;
        state = TCP_CLOSE;
        shutdown = SHUTDOWN_MASK;
        if (addr != null && addr.isAbstract()) net.unbindAbstract(addr, this);
        if (node != null) node.sock = null;
        UnixSock other = peer;
        peer = null;
        if (other != null && isConnectionOriented()) {
            other.shutdown = SHUTDOWN_MASK;
            if (!queue.isEmpty() || embryo) other.err = Errno.ECONNRESET;
            other.waitQueue.wakeUp();
        }
        waitQueue.wakeUp();
        boolean droppedFiles = false;
        while (!queue.isEmpty()) {
            SkBuff skb = queue.pollFirst();
            if (skb.embryo != null) skb.embryo.release(true);
            droppedFiles |= skb.files != null;
            freeSkb(skb);
        }
        net.sockGone(this, droppedFiles);
    }

    /**
     * poll(2): Linux's unix_poll for streams and unix_dgram_poll for datagrams and
     * seqpackets. A socket is writable while its buffers in flight use at most a quarter of
     * SO_SNDBUF, and a datagram socket also needs room in its peer's queue (unless that peer
     * is connected back to it); POLLHUP means both directions are shut down or, for a
     * connection-oriented socket, that it is not connected.
     */
    int poll(Waiter waiter) {
        if (waiter != null) waitQueue.add(waiter);
        int mask = 0;
        if (err != 0) mask |= Poll.POLLERR;
        if ((shutdown & RCV_SHUTDOWN) != 0) mask |= Poll.POLLRDHUP | Poll.POLLIN | Poll.POLLRDNORM;
        if (shutdown == SHUTDOWN_MASK) mask |= Poll.POLLHUP;
        if (!queue.isEmpty()) mask |= Poll.POLLIN | Poll.POLLRDNORM;
        if (isConnectionOriented() && state == TCP_CLOSE) mask |= Poll.POLLHUP;
        boolean writable = state != TCP_LISTEN && wmemAlloc * 4 <= sndbuf;
        if (writable && type != SOCK_STREAM) {
            UnixSock other = peer;
            if (other != null && other.peer != this && other.queueFull()) {
                if (waiter != null) other.waitQueue.add(waiter);
                writable = false;
            }
        }
        if (writable) mask |= Poll.POLLOUT | Poll.POLLWRNORM | Poll.POLLWRBAND;
        return mask;
    }

    /** Linux's unix_recvq_full: more buffers (or connections) are queued than the backlog allows. */
    boolean queueFull() {
        return queue.size() > maxAckBacklog;
    }
}
