package poll;

import fs.OpenFile;
import fs.UserMemory;
import sched.Scheduler;
import sync.PollTable;
import syscall.Errno;
import task.Task;

/**
 * epoll_wait(2)'s work, Linux's do_epoll_wait and ep_poll: takes up to maxevents events
 * from the instance's ready list ({@link EventPoll#harvest}) and, if there are none and time
 * remains, sleeps on the instance until a watch becomes ready (see {@link PollWait}).
 */
public final class EpollWait {
    private EpollWait() {}

    /** The most events one call may ask for (Linux's EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event)). */
    static final int EP_MAX_EVENTS = Integer.MAX_VALUE / EventPoll.EVENT_SIZE;

    /**
     * epoll_wait(epfd, events, maxevents, timeout) for {@code t}, the timeout in nanoseconds.
     * Linux's order: EINVAL for maxevents out of 1..EP_MAX_EVENTS, EFAULT if the array is
     * not in user space, EBADF, EINVAL if epfd is not an epoll instance, and EFAULT if not
     * even the first event can be written. Returns the count, or -BLOCKED.
     */
    public static long epollWait(Scheduler sched, Task t, UserMemory mem, int epfd, long events, int maxevents,
            long timeoutNanos) {
        if (maxevents <= 0 || maxevents > EP_MAX_EVENTS) return PollWait.fail(t, Errno.EINVAL);
        if (!UserMemory.accessOk(events, (long) maxevents * EventPoll.EVENT_SIZE)) return PollWait.fail(t, Errno.EFAULT);
        OpenFile f = t.files().get(epfd);
        if (f == null) return PollWait.fail(t, Errno.EBADF);
        if (!(f.inode() instanceof EventPoll ep)) return PollWait.fail(t, Errno.EINVAL);
        PollWait.begin(t);
        boolean maySleep = PollWait.maySleep(sched, t, timeoutNanos);
        if (ep.hasReady()) {
            long n = ep.harvest(mem, events, maxevents);
            if (n != 0) {
                PollWait.finish(sched, t, timeoutNanos);
                return n;
            }
        }
        if (!maySleep) {
            PollWait.finish(sched, t, timeoutNanos);
            return 0;
        }
        PollTable table = t.pollTable();
        table.setKey(~0);
        ep.waitQueue().add(table);
        return PollWait.sleep(sched, t, timeoutNanos, "ep_poll");
    }
}
