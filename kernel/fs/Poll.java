package fs;

/**
 * The event bits of poll(2), as Linux's {@code uapi/asm-generic/poll.h}: what
 * {@link Inode#poll} reports and what poll, select and epoll ask for. POLLERR, POLLHUP and
 * POLLNVAL are always reported, whether asked for or not.
 */
public final class Poll {
    public static final int POLLIN = 0x001, POLLPRI = 0x002, POLLOUT = 0x004, POLLERR = 0x008,
            POLLHUP = 0x010, POLLNVAL = 0x020, POLLRDNORM = 0x040, POLLRDBAND = 0x080,
            POLLWRNORM = 0x100, POLLWRBAND = 0x200, POLLMSG = 0x400, POLLRDHUP = 0x2000;

    private Poll() {}
}
