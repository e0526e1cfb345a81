package net;

import fs.OpenFile;
import java.util.List;

/**
 * One buffer in a socket's receive queue, as Linux's {@code sk_buff} with its
 * {@code unix_skb_parms}: a stream's piece of data or a datagram, who sent it, and the
 * descriptions it carries (SCM_RIGHTS). A listening socket's queue holds connections
 * instead: a buffer whose {@link #embryo} is the new socket waiting for accept.
 *
 * <p><b>Cost.</b> A buffer costs {@link #truesize} bytes: its data and Linux's overhead
 * ({@link #OVERHEAD}, the sk_buff and skb_shared_info). They are charged to the kernel's
 * memory and to the sender's send-buffer count (sk_wmem_alloc) from the send until the
 * buffer is freed ({@link UnixSock#freeSkb}); a sender whose count reaches its SO_SNDBUF
 * waits, as on Linux.
 */
final class SkBuff {
    /** Linux's SKB_TRUESIZE overhead: SKB_DATA_ALIGN(sizeof(sk_buff)) + SKB_DATA_ALIGN(sizeof(skb_shared_info)). */
    static final int OVERHEAD = 576;

    /** The bytes; a stream's reader consumes them from {@link #consumed} on. */
    final byte[] data;
    /** The socket that sent it, charged for it, and whose address recvfrom reports. */
    final UnixSock sender;
    /** The sender's credentials at send time (a stream never joins data of two writers in one read). */
    final Credentials creds;
    /** The descriptions passed with SCM_RIGHTS, each holding a reference; null if none. */
    List<OpenFile> files;
    /** For a listening socket's queue: the server side of a new connection, else null. */
    final UnixSock embryo;
    /** What it costs, charged while it lives. */
    final long truesize;
    /** A stream's bytes already read (Linux's UNIXCB(skb).consumed). */
    int consumed;

    SkBuff(byte[] data, UnixSock sender, Credentials creds, List<OpenFile> files, UnixSock embryo) {
        this.data = data;
        this.sender = sender;
        this.creds = creds;
        this.files = files;
        this.embryo = embryo;
        this.truesize = data.length + OVERHEAD;
    }

    /** The bytes not yet read. */
    int remaining() {
        return data.length - consumed;
    }
}
