package syscall;

import fs.AnonInode;
import fs.OpenFile;
import fs.OpenFlags;
import fs.Vfs;
import mm.MmException;
import poll.EpollWait;
import poll.EventPoll;
import poll.PollWait;
import sched.Scheduler;
import signal.SignalControl;
import task.Task;

/**
 * epoll: epoll_create, epoll_create1, epoll_ctl, epoll_wait and epoll_pwait, with Linux
 * x86-64's numbers and order of checks. The instance is poll.EventPoll; this layer finds
 * the descriptors and reads the struct epoll_event (packed: u32 events, u64 data).
 */
public final class EpollCalls {
    private EpollCalls() {}

    /** Registers the epoll calls on {@code table}. */
    public static void register(SyscallTable table, Vfs vfs, Scheduler sched) {
        table.register(213, "epoll_create", (t, a) -> (int) a[0] <= 0 ? -Errno.EINVAL : create(vfs, t, 0));
        table.register(291, "epoll_create1", (t, a) -> (a[0] & ~(long) OpenFlags.O_CLOEXEC & 0xFFFF_FFFFL) != 0
                ? -Errno.EINVAL : create(vfs, t, (int) a[0]));
        table.register(233, "epoll_ctl", (t, a) -> ctl(t, (int) a[0], (int) a[1], (int) a[2], a[3]));
        table.register(232, "epoll_wait", (t, a) -> EpollWait.epollWait(sched, t, PollCalls.mem(t), (int) a[0], a[1],
                (int) a[2], PollWait.millisNanos((int) a[3])));
        table.register(281, "epoll_pwait", (t, a) -> pwait(sched, t, (int) a[0], a[1], (int) a[2], (int) a[3], a[4], a[5]));
    }

    /** A new instance, close-on-exec if {@code flags} has EPOLL_CLOEXEC (O_CLOEXEC). */
    private static long create(Vfs vfs, Task t, int flags) {
        return AnonInode.install(t.files(), vfs, flags & OpenFlags.O_CLOEXEC, () -> new EventPoll(vfs));
    }

    /**
     * epoll_ctl(epfd, op, fd, event). Linux's order: EFAULT for the event (read for every op
     * but EPOLL_CTL_DEL), EBADF for epfd then fd, EPERM if fd's file cannot be polled
     * (regular files, directories), EINVAL if epfd is not an epoll instance or is fd itself,
     * then the instance's own checks (EventPoll#control).
     */
    static long ctl(Task t, int epfd, int op, int fd, long eventAddr) {
        int events = 0;
        long data = 0;
        if (op != EventPoll.EPOLL_CTL_DEL) {
            try {
                events = t.mm().read32(eventAddr);
                data = t.mm().read64(eventAddr + 4);
            } catch (MmException e) {
                return -e.errno();
            }
        }
        OpenFile f = t.files().get(epfd);
        if (f == null) return -Errno.EBADF;
        OpenFile target = t.files().get(fd);
        if (target == null) return -Errno.EBADF;
        if (!target.inode().canPoll()) return -Errno.EPERM;
        if (f == target || !(f.inode() instanceof EventPoll ep)) return -Errno.EINVAL;
        return ep.control(op, target, fd, events, data);
    }

    /**
     * epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize): epoll_wait with a
     * signal mask for the wait, checked first (EINVAL for a size that is not 8, EFAULT).
     */
    static long pwait(Scheduler sched, Task t, int epfd, long events, int maxevents, int timeout, long sigmask,
            long sigsetsize) {
        long masked = PollCalls.setMask(t, sigmask, sigsetsize);
        if (masked < 0) return PollWait.fail(t, -masked);
        long r = EpollWait.epollWait(sched, t, PollCalls.mem(t), epfd, events, maxevents, PollWait.millisNanos(timeout));
        if (r != -Errno.BLOCKED && sigmask != 0) SignalControl.restoreTemporaryMask(t);
        return r;
    }
}
