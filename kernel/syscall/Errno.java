package syscall;

/**
 * Error numbers, with Linux's values (asm-generic/errno-base.h and errno.h). A system call
 * returns {@code -errno} on failure, as the Linux kernel does; libc turns that into -1 and
 * sets {@code errno}.
 */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6,
            E2BIG = 7, ENOEXEC = 8, EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13,
            EFAULT = 14, ENOTBLK = 15, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19,
            ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25,
            ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31,
            EPIPE = 32, EDOM = 33, ERANGE = 34, EDEADLK = 35, ENAMETOOLONG = 36, ENOLCK = 37,
            ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENOTSUP = 95, ETIMEDOUT = 110, ESTALE = 116, EDQUOT = 122;
    /** Memory mappings (mmap of a file). */
    public static final int EOVERFLOW = 75;
    /** The sockets' errors (net). */
    public static final int ENOTSOCK = 88, EMSGSIZE = 90, EPROTOTYPE = 91, ENOPROTOOPT = 92,
            EPROTONOSUPPORT = 93, ESOCKTNOSUPPORT = 94, EOPNOTSUPP = ENOTSUP, EAFNOSUPPORT = 97,
            EADDRINUSE = 98, ECONNABORTED = 103, ECONNRESET = 104, ENOBUFS = 105, EISCONN = 106,
            ENOTCONN = 107, ETOOMANYREFS = 109, ECONNREFUSED = 111;

    /**
     * Not an errno a program ever sees: a system call returns {@code -BLOCKED} after putting
     * the caller to sleep on a wait queue, and the call is executed again when it wakes
     * (see sync.WaitQueue). Linux's ERESTARTSYS has the same number and role.
     */
    public static final int BLOCKED = 512;

    private static final String[] NAMES = new String[134];

    static {
        String[] n = {"", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF",
            "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
            "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE",
            "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS",
            "ENOTEMPTY", "ELOOP"};
        System.arraycopy(n, 0, NAMES, 0, n.length);
        NAMES[EOVERFLOW] = "EOVERFLOW";
        NAMES[ENOTSUP] = "EOPNOTSUPP";
        NAMES[ETIMEDOUT] = "ETIMEDOUT";
        NAMES[ESTALE] = "ESTALE";
        NAMES[EDQUOT] = "EDQUOT";
        NAMES[EOVERFLOW] = "EOVERFLOW";
        String[] net = {"ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL",
            "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN",
            "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED"};
        System.arraycopy(net, 0, NAMES, ENOTSOCK, net.length);
    }

    /** The symbolic name of an errno ("ENOENT"), as strace prints it; "E<n>" if unnamed. */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length && NAMES[errno] != null) return NAMES[errno];
        return "E" + errno;
    }
}
