package net;

import fs.FsStruct;
import fs.IoVector;
import fs.OpenFile;
import fs.UserMemory;
import java.util.List;

/**
 * One send or receive in progress, as Linux's {@code struct msghdr} once the system call
 * has copied it in: the caller's buffer and flags, and for a send the destination and the
 * descriptions to pass; for a receive, what came with the data (the sender's address, the
 * descriptions, MSG_TRUNC). read and write use one without extras.
 */
final class Msg {
    static final int MSG_OOB = 0x1, MSG_PEEK = 0x2, MSG_CTRUNC = 0x8, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40,
            MSG_EOR = 0x80, MSG_WAITALL = 0x100, MSG_NOSIGNAL = 0x4000, MSG_CMSG_CLOEXEC = 0x40000000;

    final UserMemory mem;
    final IoVector iov;
    final int flags;
    /** The caller, as the sender's credentials. */
    final Credentials creds;
    /** A send's destination as the caller gave it (sockaddr_storage's bytes), and its length; 0 for none. */
    byte[] rawName;
    int nameLen;
    /** Where a pathname destination is looked up (the caller's cwd and root). */
    FsStruct fs;
    /** A send's SCM_RIGHTS descriptions, a reference each, until a buffer takes them; null if none. */
    List<OpenFile> rights;
    /** The caller's RLIMIT_NOFILE, which bounds the descriptions it has in flight (ETOOMANYREFS). */
    int nofile = Integer.MAX_VALUE;
    /** A receive's sender address as sockaddr_un bytes; null if the sender had none to report. */
    byte[] from;
    /** A receive's descriptions, a reference each; null if none came. */
    List<OpenFile> received;
    /** The msg_flags a receive reports (MSG_TRUNC). */
    int msgFlags;

    Msg(UserMemory mem, IoVector iov, int flags, Credentials creds) {
        this.mem = mem;
        this.iov = iov;
        this.flags = flags;
        this.creds = creds;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Drops the references of descriptions nobody took (a failed send, a receive without room). */
    void dropFiles() {
        if (rights != null) rights.forEach(OpenFile::put);
        if (received != null) received.forEach(OpenFile::put);
        rights = null;
        received = null;
    }
}
