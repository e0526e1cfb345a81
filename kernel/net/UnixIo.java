package net;

import fs.FsException;
import fs.OpenFile;
import java.util.ArrayList;
import java.util.List;
import sync.Waiter;
import syscall.Errno;

/**
 * Moving data through AF_UNIX sockets: Linux's unix_stream_sendmsg and
 * unix_stream_read_generic for streams, unix_dgram_sendmsg and __unix_dgram_recvmsg for
 * datagrams and seqpackets, with their checks in their order. Every call here may run again
 * from the start after a sleep (sync.WaitQueue), so none sleeps after it has moved data: a
 * stream send that fills the peer's buffer returns its partial count, as a send interrupted
 * by a signal does on Linux. A null waiter means "do not sleep" (MSG_DONTWAIT, O_NONBLOCK).
 */
final class UnixIo {
    private UnixIo() {}

    /** Sends {@code msg} from {@code sk}: the bytes sent or -errno; -EPIPE of a stream means SIGPIPE unless MSG_NOSIGNAL. */
    static long send(UnixSock sk, Msg msg, Waiter waiter) {
        if (msg.has(Msg.MSG_OOB)) return -Errno.EOPNOTSUPP;
        if (sk.type == UnixSock.SOCK_STREAM) return streamSend(sk, msg, waiter);
        if (sk.type == UnixSock.SOCK_SEQPACKET) {
            if (sk.state != UnixSock.TCP_ESTABLISHED) return -Errno.ENOTCONN;
            msg.nameLen = 0; // a seqpacket goes to its peer, whatever address is given
        }
        return dgramSend(sk, msg, waiter);
    }

    /** Receives into {@code msg} on {@code sk}: the bytes received (0 at end of file) or -errno. */
    static long recv(UnixSock sk, Msg msg, Waiter waiter) {
        if (sk.type == UnixSock.SOCK_STREAM) return streamRecv(sk, msg, waiter);
        if (sk.type == UnixSock.SOCK_SEQPACKET && sk.state != UnixSock.TCP_ESTABLISHED) return -Errno.ENOTCONN;
        return dgramRecv(sk, msg, waiter);
    }

    private static long streamSend(UnixSock sk, Msg msg, Waiter waiter) {
        if (msg.nameLen != 0) return sk.state == UnixSock.TCP_ESTABLISHED ? -Errno.EISCONN : -Errno.EOPNOTSUPP;
        UnixSock other = sk.peer;
        if (other == null) return -Errno.ENOTCONN;
        if ((sk.shutdown & UnixSock.SEND_SHUTDOWN) != 0) return -Errno.EPIPE;
        long len = msg.iov.total();
        long sent = 0;
        long[] error = new long[1];
        while (sent < len) {
            // Linux keeps each buffer to half the send buffer, "so it schedules better".
            int size = (int) Math.min(len - sent, (sk.sndbuf >> 1) - 64);
            SkBuff skb = sk.allocSend(new byte[size], msg.creds, sent == 0 ? waiter : null, error);
            if (skb == null) return sent > 0 ? sent : error[0];
            if (msg.iov.copyIn(msg.mem, sent, skb.data, 0, size) < size) {
                sk.freeSkb(skb);
                return sent > 0 ? sent : -Errno.EFAULT;
            }
            if (other.dead || (other.shutdown & UnixSock.RCV_SHUTDOWN) != 0) {
                sk.freeSkb(skb);
                return sent > 0 ? sent : -Errno.EPIPE;
            }
            long refused = attachRights(sk, skb, msg); // the descriptions go with the first buffer only
            if (refused < 0) {
                sk.freeSkb(skb);
                return sent > 0 ? sent : refused;
            }
            other.queueTail(skb);
            sent += size;
        }
        return sent;
    }

    /**
     * Gives {@code msg}'s descriptions to {@code skb}, counting them in flight: 0, or
     * -ETOOMANYREFS when the caller already has more in flight than its RLIMIT_NOFILE
     * (Linux's too_many_unix_fds; every Clonix task counts as one unprivileged user).
     */
    private static long attachRights(UnixSock sk, SkBuff skb, Msg msg) {
        if (msg.rights == null) return 0;
        if (sk.net.inflightFiles() > msg.nofile) return -Errno.ETOOMANYREFS;
        skb.files = msg.rights;
        msg.rights = null;
        sk.net.addInflight(skb.files);
        return 0;
    }

    private static long streamRecv(UnixSock sk, Msg msg, Waiter waiter) {
        if (sk.state != UnixSock.TCP_ESTABLISHED) return -Errno.EINVAL;
        // Linux 5.15+ keeps one urgent byte of a stream; Clonix sends none, so there is never one to read.
        if (msg.has(Msg.MSG_OOB)) return -Errno.EINVAL;
        long size = msg.iov.total();
        if (sk.queue.isEmpty() || msg.has(Msg.MSG_WAITALL) && !waitAllReady(sk, size)) {
            int e = sk.takeError();
            if (e != 0) return -e;
            if ((sk.shutdown & UnixSock.RCV_SHUTDOWN) != 0 && sk.queue.isEmpty()) return 0;
            long r = UnixSock.sleepOn(sk, waiter);
            if (r != -Errno.EAGAIN || sk.queue.isEmpty()) return r;
            // MSG_WAITALL without waiting: take what is there.
        }
        boolean peek = msg.has(Msg.MSG_PEEK);
        Credentials writer = sk.queue.peekFirst().creds;
        long copied = 0;
        List<SkBuff> skbs = new ArrayList<>(sk.queue);
        for (SkBuff skb : skbs) {
            if (copied >= size) break;
            if (!skb.creds.equals(writer)) break; // never join the data of two writers
            if (msg.from == null) msg.from = addressOf(skb.sender);
            int chunk = (int) Math.min(skb.remaining(), size - copied);
            if (msg.iov.copyOut(msg.mem, copied, skb.data, skb.consumed, chunk) < chunk) {
                return copied > 0 ? copied : -Errno.EFAULT;
            }
            copied += chunk;
            boolean files = skb.files != null;
            if (peek) {
                if (files) msg.received = dupFiles(skb.files);
            } else {
                skb.consumed += chunk;
                if (files) msg.received = sk.net.takeInflight(skb);
                if (skb.remaining() > 0) break;
                sk.queue.remove(skb);
                sk.freeSkb(skb);
            }
            if (files) break; // a read stops after a buffer that carried descriptions
        }
        return copied;
    }

    /**
     * MSG_WAITALL's condition, for a call that cannot sleep after it has taken data: enough
     * bytes are queued, or no more can come (end of file, an error), or the writer cannot
     * add more before some are read (its buffer is full), when Linux too would hand over
     * what it has so far.
     */
    private static boolean waitAllReady(UnixSock sk, long size) {
        if (sk.queuedBytes() >= size || sk.err != 0 || (sk.shutdown & UnixSock.RCV_SHUTDOWN) != 0) return true;
        UnixSock writer = sk.peer;
        return writer == null || writer.wmemAlloc >= writer.sndbuf;
    }

    private static long dgramSend(UnixSock sk, Msg msg, Waiter waiter) {
        UnixSock other = null;
        UnixAddress name = null;
        if (msg.nameLen != 0) {
            try {
                name = UnixAddress.parse(msg.rawName, msg.nameLen);
            } catch (FsException e) {
                return -e.errno();
            }
        } else {
            other = sk.peer;
            if (other == null) return -Errno.ENOTCONN;
        }
        long len = msg.iov.total();
        if (len > sk.sndbuf - 32) return -Errno.EMSGSIZE;
        long[] error = new long[1];
        SkBuff skb = sk.allocSend(new byte[(int) len], msg.creds, waiter, error);
        if (skb == null) return error[0];
        long r = dgramDeliver(sk, other, name, skb, msg, waiter);
        if (r < 0) sk.freeSkb(skb);
        return r;
    }

    /** The second half of unix_dgram_sendmsg: fill the buffer, find the receiver, queue it. */
    private static long dgramDeliver(UnixSock sk, UnixSock other, UnixAddress name, SkBuff skb, Msg msg,
            Waiter waiter) {
        int len = skb.data.length;
        if (msg.iov.copyIn(msg.mem, 0, skb.data, 0, len) < len) return -Errno.EFAULT;
        if (other == null) {
            try {
                other = sk.net.find(name, sk.type, msg.fs);
            } catch (FsException e) {
                return -e.errno();
            }
        }
        if (other.peer != null && other.peer != sk) return -Errno.EPERM;
        if (other.dead) {
            if (sk.type == UnixSock.SOCK_SEQPACKET) return -Errno.EPIPE;
            if (sk.peer == other) {
                sk.peer = null;
                sk.state = UnixSock.TCP_CLOSE;
            }
            return -Errno.ECONNREFUSED;
        }
        if ((other.shutdown & UnixSock.RCV_SHUTDOWN) != 0) return -Errno.EPIPE;
        if (other != sk && other.peer != sk && other.queueFull()) return UnixSock.sleepOn(other, waiter);
        long refused = attachRights(sk, skb, msg);
        if (refused < 0) return refused;
        other.queueTail(skb);
        return len;
    }

    private static long dgramRecv(UnixSock sk, Msg msg, Waiter waiter) {
        if (msg.has(Msg.MSG_OOB)) return -Errno.EOPNOTSUPP;
        int e = sk.takeError();
        if (e != 0) return -e;
        SkBuff skb = sk.queue.peekFirst();
        if (skb == null) {
            if ((sk.shutdown & UnixSock.RCV_SHUTDOWN) != 0) return 0;
            return UnixSock.sleepOn(sk, waiter);
        }
        boolean peek = msg.has(Msg.MSG_PEEK);
        if (!peek) {
            sk.queue.pollFirst();
            sk.waitQueue.wakeUpPoll(UnixSock.WRITE_SPACE); // senders waiting for room in the queue
        }
        msg.from = addressOf(skb.sender);
        int len = skb.data.length;
        long size = msg.iov.total();
        if (size < len) msg.msgFlags |= Msg.MSG_TRUNC;
        int n = (int) Math.min(size, len);
        long result = msg.has(Msg.MSG_TRUNC) ? len : n;
        if (msg.iov.copyOut(msg.mem, 0, skb.data, 0, n) < n) {
            result = -Errno.EFAULT; // the datagram is lost, as on Linux
        } else if (skb.files != null) {
            msg.received = peek ? dupFiles(skb.files) : sk.net.takeInflight(skb);
        }
        if (!peek) sk.freeSkb(skb);
        return result;
    }

    /** The sockaddr_un recvfrom reports for data from {@code sender}: its address, or null if unnamed. */
    private static byte[] addressOf(UnixSock sender) {
        return sender.addr == null ? null : sender.addr.bytes();
    }

    /** New references to the descriptions of a peeked buffer (Linux's unix_peek_fds). */
    private static List<OpenFile> dupFiles(List<OpenFile> files) {
        List<OpenFile> copy = new ArrayList<>(files.size());
        for (OpenFile f : files) copy.add(f.get());
        return copy;
    }
}
