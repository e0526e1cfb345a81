package net;

import fs.FdTable;
import fs.FsException;
import fs.OpenFile;
import fs.UserMemory;
import syscall.Errno;

/**
 * The pieces every socket call shares, from Linux's net/socket.c: finding the socket behind
 * a descriptor (sockfd_lookup) and copying socket addresses and ints between the kernel and
 * the caller (move_addr_to_kernel, move_addr_to_user, get_user, put_user).
 */
final class SockAddrs {
    /** sizeof(struct sockaddr_storage): the longest address any call copies in. */
    static final int SOCKADDR_STORAGE = 128;

    private SockAddrs() {}

    /** sockfd_lookup: the socket behind {@code fd}; EBADF if it is not open, ENOTSOCK if it is not a socket. */
    static SocketInode lookup(FdTable files, long fd) throws FsException {
        OpenFile f = files.get((int) fd);
        if (f == null) throw new FsException(Errno.EBADF);
        if (!(f.inode() instanceof SocketInode s)) throw new FsException(Errno.ENOTSOCK);
        return s;
    }

    /**
     * move_addr_to_kernel: the {@code len} bytes at {@code addr} in a buffer of
     * sockaddr_storage's size; EINVAL for a length below 0 or above 128, EFAULT if they
     * cannot be read.
     */
    static byte[] in(UserMemory mem, long addr, int len) throws FsException {
        if (len < 0 || len > SOCKADDR_STORAGE) throw new FsException(Errno.EINVAL);
        byte[] raw = new byte[SOCKADDR_STORAGE];
        if (len > 0 && mem.copyIn(addr, raw, 0, len) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
        return raw;
    }

    /**
     * move_addr_to_user: stores the address {@code kaddr} at {@code uaddr}, cut to the
     * buffer length the int at {@code ulen} gives, and then the full length at {@code ulen}
     * ("the value before truncation", as POSIX wants). EFAULT if either cannot be accessed,
     * EINVAL if the given length is negative.
     */
    static void out(UserMemory mem, byte[] kaddr, long uaddr, long ulen) throws FsException {
        int len = getInt(mem, ulen);
        if (len > kaddr.length) len = kaddr.length;
        if (len < 0) throw new FsException(Errno.EINVAL);
        if (len > 0 && mem.copyOut(uaddr, kaddr, 0, len) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
        putInt(mem, ulen, kaddr.length);
    }

    /** get_user of an int: EFAULT if it cannot be read. */
    static int getInt(UserMemory mem, long va) throws FsException {
        byte[] b = new byte[4];
        if (mem.copyIn(va, b, 0, 4) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | b[3] << 24;
    }

    /** put_user of an int: EFAULT if it cannot be written. */
    static void putInt(UserMemory mem, long va, int v) throws FsException {
        byte[] b = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        if (mem.copyOut(va, b, 0, 4) != UserMemory.NO_FAULT) throw new FsException(Errno.EFAULT);
    }
}
