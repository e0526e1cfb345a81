package fs;

import sync.Waiter;

/**
 * A file whose read(2) and write(2) move one message rather than bytes at an offset: a
 * socket, whose read and write are recvmsg and sendmsg without flags (Linux's
 * sock_read_iter and sock_write_iter). read, readv, write and writev hand such a file the
 * whole user buffer in one call instead of cutting it into pieces, so that a datagram is
 * never split across two reads nor two datagrams joined in one.
 */
public interface MessageIo {
    /**
     * Receives into {@code buf}: the byte count, 0 at end of file, or -errno. {@code caller}
     * is the calling task: unless the description has O_NONBLOCK it may sleep on a wait
     * queue (-Errno.BLOCKED); the file may also ask who it is (a socket records its sender).
     */
    long readMessage(OpenFile file, UserMemory mem, Waiter caller, IoVector buf);

    /** Sends {@code buf}: the byte count or -errno (EPIPE means SIGPIPE); {@code caller} as for readMessage. */
    long writeMessage(OpenFile file, UserMemory mem, Waiter caller, IoVector buf);

    /** Whether a write that fails with EPIPE also sends SIGPIPE (a stream socket's does; a datagram socket's does not). */
    boolean sigpipeOnEpipe();
}
