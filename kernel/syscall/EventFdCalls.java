package syscall;

import fs.AnonInode;
import fs.Vfs;
import poll.EventFd;
import sched.Scheduler;
import task.Tasks;

/**
 * The descriptors that deliver events: eventfd and eventfd2, timerfd_create,
 * timerfd_settime and timerfd_gettime, signalfd and signalfd4, with Linux x86-64's numbers
 * and order of checks. The files themselves are in package poll.
 */
public final class EventFdCalls {
    private EventFdCalls() {}

    /** eventfd2's flags: EFD_SEMAPHORE, EFD_CLOEXEC (O_CLOEXEC) and EFD_NONBLOCK (O_NONBLOCK). */
    static final int EFD_FLAGS = EventFd.EFD_SEMAPHORE | AnonInode.FLAGS;

    /** Registers the calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched, Vfs vfs) {
        table.register(284, "eventfd", (t, a) -> eventfd2(vfs, t, a[0], 0));
        table.register(290, "eventfd2", (t, a) -> eventfd2(vfs, t, a[0], (int) a[1]));
    }

    /**
     * eventfd2(initval, flags): a new eventfd whose counter starts at initval (an unsigned
     * int). EINVAL for other flags, then AnonInode's ENOMEM, EMFILE, ENFILE.
     */
    static long eventfd2(Vfs vfs, task.Task t, long initval, int flags) {
        if ((flags & ~EFD_FLAGS) != 0) return -Errno.EINVAL;
        boolean semaphore = (flags & EventFd.EFD_SEMAPHORE) != 0;
        return AnonInode.install(t.files(), vfs, flags, () -> new EventFd(vfs, initval & 0xFFFF_FFFFL, semaphore));
    }
}
