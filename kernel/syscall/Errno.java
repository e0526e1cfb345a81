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

    /**
     * By errno, the name strace prints and the message of glibc 2.36's strerror (taken from
     * its strerrorname_np and strerror); the holes (41, 58) are numbers Linux does not use.
     */
    private static final String[] NAMES = new String[134], MESSAGES = new String[134];

    static {
        row(1, "EPERM", "Operation not permitted");
        row(2, "ENOENT", "No such file or directory");
        row(3, "ESRCH", "No such process");
        row(4, "EINTR", "Interrupted system call");
        row(5, "EIO", "Input/output error");
        row(6, "ENXIO", "No such device or address");
        row(7, "E2BIG", "Argument list too long");
        row(8, "ENOEXEC", "Exec format error");
        row(9, "EBADF", "Bad file descriptor");
        row(10, "ECHILD", "No child processes");
        row(11, "EAGAIN", "Resource temporarily unavailable");
        row(12, "ENOMEM", "Cannot allocate memory");
        row(13, "EACCES", "Permission denied");
        row(14, "EFAULT", "Bad address");
        row(15, "ENOTBLK", "Block device required");
        row(16, "EBUSY", "Device or resource busy");
        row(17, "EEXIST", "File exists");
        row(18, "EXDEV", "Invalid cross-device link");
        row(19, "ENODEV", "No such device");
        row(20, "ENOTDIR", "Not a directory");
        row(21, "EISDIR", "Is a directory");
        row(22, "EINVAL", "Invalid argument");
        row(23, "ENFILE", "Too many open files in system");
        row(24, "EMFILE", "Too many open files");
        row(25, "ENOTTY", "Inappropriate ioctl for device");
        row(26, "ETXTBSY", "Text file busy");
        row(27, "EFBIG", "File too large");
        row(28, "ENOSPC", "No space left on device");
        row(29, "ESPIPE", "Illegal seek");
        row(30, "EROFS", "Read-only file system");
        row(31, "EMLINK", "Too many links");
        row(32, "EPIPE", "Broken pipe");
        row(33, "EDOM", "Numerical argument out of domain");
        row(34, "ERANGE", "Numerical result out of range");
        row(35, "EDEADLK", "Resource deadlock avoided");
        row(36, "ENAMETOOLONG", "File name too long");
        row(37, "ENOLCK", "No locks available");
        row(38, "ENOSYS", "Function not implemented");
        row(39, "ENOTEMPTY", "Directory not empty");
        row(40, "ELOOP", "Too many levels of symbolic links");
        row(42, "ENOMSG", "No message of desired type");
        row(43, "EIDRM", "Identifier removed");
        row(44, "ECHRNG", "Channel number out of range");
        row(45, "EL2NSYNC", "Level 2 not synchronized");
        row(46, "EL3HLT", "Level 3 halted");
        row(47, "EL3RST", "Level 3 reset");
        row(48, "ELNRNG", "Link number out of range");
        row(49, "EUNATCH", "Protocol driver not attached");
        row(50, "ENOCSI", "No CSI structure available");
        row(51, "EL2HLT", "Level 2 halted");
        row(52, "EBADE", "Invalid exchange");
        row(53, "EBADR", "Invalid request descriptor");
        row(54, "EXFULL", "Exchange full");
        row(55, "ENOANO", "No anode");
        row(56, "EBADRQC", "Invalid request code");
        row(57, "EBADSLT", "Invalid slot");
        row(59, "EBFONT", "Bad font file format");
        row(60, "ENOSTR", "Device not a stream");
        row(61, "ENODATA", "No data available");
        row(62, "ETIME", "Timer expired");
        row(63, "ENOSR", "Out of streams resources");
        row(64, "ENONET", "Machine is not on the network");
        row(65, "ENOPKG", "Package not installed");
        row(66, "EREMOTE", "Object is remote");
        row(67, "ENOLINK", "Link has been severed");
        row(68, "EADV", "Advertise error");
        row(69, "ESRMNT", "Srmount error");
        row(70, "ECOMM", "Communication error on send");
        row(71, "EPROTO", "Protocol error");
        row(72, "EMULTIHOP", "Multihop attempted");
        row(73, "EDOTDOT", "RFS specific error");
        row(74, "EBADMSG", "Bad message");
        row(75, "EOVERFLOW", "Value too large for defined data type");
        row(76, "ENOTUNIQ", "Name not unique on network");
        row(77, "EBADFD", "File descriptor in bad state");
        row(78, "EREMCHG", "Remote address changed");
        row(79, "ELIBACC", "Can not access a needed shared library");
        row(80, "ELIBBAD", "Accessing a corrupted shared library");
        row(81, "ELIBSCN", ".lib section in a.out corrupted");
        row(82, "ELIBMAX", "Attempting to link in too many shared libraries");
        row(83, "ELIBEXEC", "Cannot exec a shared library directly");
        row(84, "EILSEQ", "Invalid or incomplete multibyte or wide character");
        row(85, "ERESTART", "Interrupted system call should be restarted");
        row(86, "ESTRPIPE", "Streams pipe error");
        row(87, "EUSERS", "Too many users");
        row(88, "ENOTSOCK", "Socket operation on non-socket");
        row(89, "EDESTADDRREQ", "Destination address required");
        row(90, "EMSGSIZE", "Message too long");
        row(91, "EPROTOTYPE", "Protocol wrong type for socket");
        row(92, "ENOPROTOOPT", "Protocol not available");
        row(93, "EPROTONOSUPPORT", "Protocol not supported");
        row(94, "ESOCKTNOSUPPORT", "Socket type not supported");
        row(95, "EOPNOTSUPP", "Operation not supported");
        row(96, "EPFNOSUPPORT", "Protocol family not supported");
        row(97, "EAFNOSUPPORT", "Address family not supported by protocol");
        row(98, "EADDRINUSE", "Address already in use");
        row(99, "EADDRNOTAVAIL", "Cannot assign requested address");
        row(100, "ENETDOWN", "Network is down");
        row(101, "ENETUNREACH", "Network is unreachable");
        row(102, "ENETRESET", "Network dropped connection on reset");
        row(103, "ECONNABORTED", "Software caused connection abort");
        row(104, "ECONNRESET", "Connection reset by peer");
        row(105, "ENOBUFS", "No buffer space available");
        row(106, "EISCONN", "Transport endpoint is already connected");
        row(107, "ENOTCONN", "Transport endpoint is not connected");
        row(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
        row(109, "ETOOMANYREFS", "Too many references: cannot splice");
        row(110, "ETIMEDOUT", "Connection timed out");
        row(111, "ECONNREFUSED", "Connection refused");
        row(112, "EHOSTDOWN", "Host is down");
        row(113, "EHOSTUNREACH", "No route to host");
        row(114, "EALREADY", "Operation already in progress");
        row(115, "EINPROGRESS", "Operation now in progress");
        row(116, "ESTALE", "Stale file handle");
        row(117, "EUCLEAN", "Structure needs cleaning");
        row(118, "ENOTNAM", "Not a XENIX named type file");
        row(119, "ENAVAIL", "No XENIX semaphores available");
        row(120, "EISNAM", "Is a named type file");
        row(121, "EREMOTEIO", "Remote I/O error");
        row(122, "EDQUOT", "Disk quota exceeded");
        row(123, "ENOMEDIUM", "No medium found");
        row(124, "EMEDIUMTYPE", "Wrong medium type");
        row(125, "ECANCELED", "Operation canceled");
        row(126, "ENOKEY", "Required key not available");
        row(127, "EKEYEXPIRED", "Key has expired");
        row(128, "EKEYREVOKED", "Key has been revoked");
        row(129, "EKEYREJECTED", "Key was rejected by service");
        row(130, "EOWNERDEAD", "Owner died");
        row(131, "ENOTRECOVERABLE", "State not recoverable");
        row(132, "ERFKILL", "Operation not possible due to RF-kill");
        row(133, "EHWPOISON", "Memory page has hardware error");
    }

    private static void row(int errno, String name, String message) {
        NAMES[errno] = name;
        MESSAGES[errno] = message;
    }

    /** The symbolic name of an errno ("ENOENT"), as strace prints it; "E<n>" if unnamed. */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length && NAMES[errno] != null) return NAMES[errno];
        return "E" + errno;
    }

    /** glibc's message for an errno ("No such file or directory"), as strace prints it after the name; "Unknown error N" if unnamed. */
    public static String message(int errno) {
        if (errno > 0 && errno < MESSAGES.length && MESSAGES[errno] != null) return MESSAGES[errno];
        return "Unknown error " + errno;
    }
}
