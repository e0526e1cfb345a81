package net;

/**
 * A process's identity as sockets record it, C's {@code struct ucred}: what SO_PEERCRED
 * returns (the peer's at connect or socketpair time) and what tells two writers apart.
 */
record Credentials(int pid, int uid, int gid) {
    /** sizeof(struct ucred). */
    static final int SIZE = 12;
    /** The credentials of a socket with no peer: pid 0, uid and gid -1 (Linux's cred_to_ucred of nothing). */
    static final Credentials NONE = new Credentials(0, -1, -1);

    /** The struct ucred bytes. */
    byte[] bytes() {
        byte[] b = new byte[SIZE];
        int[] v = {pid, uid, gid};
        for (int i = 0; i < 3; i++) for (int k = 0; k < 4; k++) b[i * 4 + k] = (byte) (v[i] >>> (8 * k));
        return b;
    }
}
