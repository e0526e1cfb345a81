package net;

import fs.FsException;
import fs.FsMemory;
import fs.FsStruct;
import fs.Inode;
import fs.OpenFile;
import fs.PathWalker;
import fs.Vfs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import sync.Waiter;
import syscall.Errno;

/**
 * The AF_UNIX domain of one machine, as Linux's per-namespace {@code netns_unix} and
 * af_unix's globals: the abstract names bound now, the sockets alive (and what they cost),
 * the descriptions in flight in SCM_RIGHTS messages, and the garbage collector those need
 * ({@link UnixGc}).
 *
 * <p><b>Cost.</b> A socket is charged {@link #SOCK_BYTES} (a unix_sock in its slab) to the
 * kernel's memory, besides its inode and its file; at most twice file-max exist at once,
 * as Linux's unix_create1 allows (ENFILE beyond).
 */
public final class UnixNet {
    /** What a socket's protocol state costs in the slab (struct unix_sock's 1 KiB object). */
    static final int SOCK_BYTES = 1024;

    private final Vfs vfs;
    private final Function<Waiter, Credentials> identify;
    private final Map<String, UnixSock> abstractNames = new HashMap<>();
    private int nextAutobind;
    private int sockets;
    private long inflightFiles;
    private boolean collecting;
    /** The sockets whose files travel in messages, in the order they first did (deterministic). */
    final Set<UnixSock> inflightSockets = new LinkedHashSet<>();

    /**
     * The domain of the machine whose file system is {@code vfs}. {@code pidUidGid} tells who
     * a caller is, as {pid, euid, egid} (the kernel knows its tasks; this package does not).
     */
    public UnixNet(Vfs vfs, Function<Waiter, int[]> pidUidGid) {
        this.vfs = vfs;
        this.identify = w -> {
            int[] id = pidUidGid.apply(w);
            return id == null ? Credentials.NONE : new Credentials(id[0], id[1], id[2]);
        };
    }

    Vfs vfs() {
        return vfs;
    }

    FsMemory memory() {
        return vfs.memory();
    }

    /** The credentials of {@code caller} (SO_PEERCRED's struct ucred). */
    Credentials credentials(Waiter caller) {
        return identify.apply(caller);
    }

    /** How many sockets exist (files and embryos). */
    public int sockets() {
        return sockets;
    }

    /**
     * Whether a socket may be made now (Linux's sock_alloc and unix_create1): 0, or -ENFILE
     * when there is no room for its inode or there are already twice file-max sockets.
     */
    long newSockError() {
        if (!vfs.hasRoomForInode() || sockets > 2L * memory().fileMax()) return -Errno.ENFILE;
        return 0;
    }

    /** A new socket of {@code type}, charged; null, charging nothing, when memory is full (ENOMEM). */
    UnixSock newSock(int type) {
        if (!memory().charge(SOCK_BYTES)) return null;
        sockets++;
        return new UnixSock(this, type);
    }

    /**
     * A socket was released: gives back its charge. If its queue held descriptions, dropping
     * them may have left sockets that only messages keep alive, so the collector runs (a
     * release that dropped none cannot have made garbage, which keeps the collector off the
     * common path).
     */
    void sockGone(UnixSock sk, boolean droppedFiles) {
        sockets--;
        memory().uncharge(SOCK_BYTES);
        inflightSockets.remove(sk);
        if (droppedFiles && inflightFiles > 0) collect(null);
    }

    /**
     * Runs the garbage collector ({@link UnixGc}), counting {@code closing} (a description
     * whose descriptor is being closed, or null) as one reference fewer. The sockets it
     * releases come back here through {@link #sockGone}; they do not start it again.
     */
    void collect(OpenFile closing) {
        if (collecting) return;
        collecting = true;
        UnixGc.collect(this, closing);
        collecting = false;
    }

    /**
     * Linux's unix_find_other: the socket bound to {@code addr} for a connect or a sendto of
     * a socket of {@code type}. A pathname is resolved from {@code fs} (ENOENT, ENOTDIR...);
     * ECONNREFUSED if it is not a socket node or nobody is bound to it any more, or if no
     * socket of that type has the abstract name; EPROTOTYPE if the node's socket is of
     * another type.
     */
    UnixSock find(UnixAddress addr, int type, FsStruct fs) throws FsException {
        UnixSock sk;
        if (addr.isAbstract()) {
            sk = abstractNames.get(key(addr, type));
        } else {
            Inode inode = PathWalker.resolve(fs, fs.cwd(), addr.path(), true);
            sk = inode instanceof SocketNode node ? node.sock : null;
        }
        if (sk == null) throw new FsException(Errno.ECONNREFUSED);
        if (sk.type != type) throw new FsException(Errno.EPROTOTYPE);
        return sk;
    }

    /**
     * Binds {@code sk} to the abstract {@code addr}: EADDRINUSE if another socket of its
     * type has it. As in Linux since 5.x (whose abstract hash includes the type), a stream,
     * a datagram and a seqpacket socket may share a name, and each finds only its own kind.
     */
    void bindAbstract(UnixSock sk, UnixAddress addr) throws FsException {
        if (abstractNames.containsKey(key(addr, sk.type))) throw new FsException(Errno.EADDRINUSE);
        abstractNames.put(key(addr, sk.type), sk);
        sk.addr = addr;
    }

    /** The key of an abstract name for sockets of {@code type}. */
    private static String key(UnixAddress addr, int type) {
        return type + ":" + addr.abstractKey();
    }

    /**
     * Linux's unix_autobind: binds {@code sk} to the next free abstract name of five hex
     * digits (Clonix counts them from 00000, where Linux starts at a random one, so that runs
     * repeat); ENOSPC when all 2^20 are taken.
     */
    void autobind(UnixSock sk) throws FsException {
        for (int tries = 0; tries <= 0xFFFFF; tries++) {
            UnixAddress a = UnixAddress.autobind(nextAutobind);
            nextAutobind = (nextAutobind + 1) & 0xFFFFF;
            if (!abstractNames.containsKey(key(a, sk.type))) {
                bindAbstract(sk, a);
                return;
            }
        }
        throw new FsException(Errno.ENOSPC);
    }

    /** Frees the abstract name of a closing socket. */
    void unbindAbstract(UnixAddress addr, UnixSock sk) {
        abstractNames.remove(key(addr, sk.type), sk);
    }

    /** The descriptions in flight in all messages (Linux's user->unix_inflight). */
    long inflightFiles() {
        return inflightFiles;
    }

    /** {@code files} now travel in a queued message: counts them, and each socket among them. */
    void addInflight(List<OpenFile> files) {
        inflightFiles += files.size();
        for (OpenFile f : files) {
            if (f.inode() instanceof SocketInode s) {
                s.sock.inflight++;
                inflightSockets.add(s.sock);
            }
        }
    }

    /** A receiver takes the descriptions of {@code skb}: they are in flight no more; returns them. */
    List<OpenFile> takeInflight(SkBuff skb) {
        List<OpenFile> files = skb.files;
        skb.files = null;
        uncount(files);
        return files;
    }

    /** A message is freed with its descriptions still in it: uncounts and closes them. */
    void dropInflight(List<OpenFile> files) {
        uncount(files);
        for (OpenFile f : files) f.put();
    }

    private void uncount(List<OpenFile> files) {
        inflightFiles -= files.size();
        for (OpenFile f : files) {
            if (f.inode() instanceof SocketInode s && --s.sock.inflight == 0) inflightSockets.remove(s.sock);
        }
    }

    /** The sockets in flight now, in a stable order (for UnixGc). */
    List<UnixSock> inflightSnapshot() {
        return new ArrayList<>(inflightSockets);
    }
}
