package net;

import fs.Inode;
import fs.Mode;
import fs.Vfs;
import sync.Waiter;
import syscall.Errno;

/**
 * The file a pathname bind creates (mode S_IFSOCK and 0777 less the umask): how connect
 * and sendto find a socket by name, as Linux finds a unix_sock by its inode. The node
 * outlives the socket: after the socket closes, connecting to it is ECONNREFUSED until
 * someone unlinks it, and binding the name again is EADDRINUSE.
 */
final class SocketNode extends Inode {
    /** The socket bound to this node; null once it has closed. */
    UnixSock sock;

    SocketNode(Vfs vfs, int perms, UnixSock sock) {
        super(vfs, Mode.S_IFSOCK | (perms & Mode.PERMISSIONS));
        this.sock = sock;
    }

    /** A socket cannot be opened with open(2): ENXIO, as Linux. */
    @Override
    public long mayOpen(int flags, Waiter waiter) {
        return -Errno.ENXIO;
    }
}
