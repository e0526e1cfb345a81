package poll;

import fs.AnonInode;
import fs.OpenFile;
import fs.Poll;
import fs.Vfs;
import sched.Scheduler;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * A timerfd (Linux's timerfd_ctx): a timer whose expirations are read from a descriptor.
 * It runs on the scheduler's virtual clock (CLOCK_REALTIME is that clock plus the fixed
 * boot epoch), through a kernel timer on the scheduler's timer heap
 * (Tasks#createKernelTimer), made at its first arming.
 *
 * <p>As on Linux, the timer fires once per arming: an expiry counts one tick and wakes the
 * readers; a periodic timer is moved on by whole intervals only when its ticks are read or
 * its time asked for (hrtimer_forward_now), which adds the intervals that passed
 * meanwhile. read(2) returns the ticks as 8 bytes and clears them, and waits while there
 * are none; the file is readable (POLLIN) while there are some.
 */
public final class TimerFd extends AnonInode {
    /** timerfd_settime's flags. */
    public static final int TFD_TIMER_ABSTIME = 1, TFD_TIMER_CANCEL_ON_SET = 2;

    private final Tasks tasks;
    private final Scheduler sched;
    /** What the clock reads minus the scheduler's clock: the boot epoch for CLOCK_REALTIME, else 0. */
    private final long clockOffset;
    private final WaitQueue wait = new WaitQueue();
    /** The kernel timer, made at the first arming. */
    private Task timer;
    /** When the timer expires on the scheduler's clock, or -1 when it is disarmed. */
    private long expires = -1;
    private long interval;
    private long ticks;
    /** True from an expiry until the ticks are read (Linux's ctx->expired). */
    private boolean expired;

    /** A new, disarmed timer on a clock that reads {@code clockOffset} plus the scheduler's clock. */
    public TimerFd(Vfs vfs, Tasks tasks, Scheduler sched, long clockOffset) {
        super(vfs, "timerfd");
        this.tasks = tasks;
        this.sched = sched;
        this.clockOffset = clockOffset;
    }

    /**
     * timerfd_settime's work: returns the old setting {value, interval} in nanoseconds, then
     * arms the timer to expire at {@code value} (a time of the clock with TFD_TIMER_ABSTIME,
     * else from now), every {@code interval} after that if it is not 0; a value of 0
     * disarms it, and an absolute time already past counts a tick at once. The ticks not
     * yet read are dropped.
     */
    public long[] set(int flags, long value, long interval) {
        long[] old = get();
        ticks = 0;
        expired = false;
        this.interval = interval;
        disarm();
        if (value != 0) {
            long now = sched.now();
            long at = (flags & TFD_TIMER_ABSTIME) != 0 ? value - clockOffset : PollWait.deadline(now, value);
            if (at > now) {
                arm(at);
            } else {
                // A time already past expires at once, as an hrtimer started in the past does.
                expires = at;
                tick();
            }
        }
        return old;
    }

    /**
     * timerfd_gettime's work: {time left until the next expiry, interval} in nanoseconds;
     * a periodic timer that has expired is first moved on past now.
     */
    public long[] get() {
        if (expired && interval != 0) {
            expired = false;
            ticks += forward() - 1;
            arm(expires);
        }
        long left = expires < 0 ? 0 : Math.max(0, expires - sched.now());
        return new long[] {left, interval};
    }

    /** Linux's timerfd_read: the ticks as 8 bytes (EINVAL for less room), waiting while there are none. */
    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        if (len < 8) return -Errno.EINVAL;
        if (ticks == 0) {
            if (waiter == null) return -Errno.EAGAIN;
            wait.add(waiter);
            return -Errno.BLOCKED;
        }
        long n = ticks;
        if (expired && interval != 0) {
            n += forward() - 1;
            arm(expires);
        }
        expired = false;
        ticks = 0;
        EventFd.putLong(dst, off, n);
        return 8;
    }

    @Override
    public int poll(OpenFile file, Waiter waiter) {
        if (waiter != null) wait.add(waiter);
        return ticks > 0 ? Poll.POLLIN : 0;
    }

    /** The descriptor is gone: the timer stops. */
    @Override
    protected void released(OpenFile file) {
        disarm();
        super.released(file);
    }

    /** The kernel timer fired (Linux's timerfd_tmrproc): one tick, and the readers wake. */
    private void expire(Task t) {
        t.setSleepDeadline(-1);
        if (expires >= 0) tick();
    }

    /** One expiry: a tick, and the readers wake. */
    private void tick() {
        expired = true;
        ticks++;
        wait.wakeUpPoll(Poll.POLLIN);
    }

    /**
     * Moves a periodic timer's expiry past now by whole intervals (hrtimer_forward_now);
     * returns how many it moved.
     */
    private long forward() {
        long now = sched.now();
        if (now < expires) return 0;
        long n = (now - expires) / interval + 1;
        expires += n * interval;
        return n;
    }

    private void arm(long at) {
        if (timer == null) timer = tasks.createKernelTimer("timerfd", this::expire);
        expires = at;
        timer.setSleepDeadline(at);
        timer.sleep(TaskState.INTERRUPTIBLE, "timerfd");
        sched.addTimer(timer);
    }

    private void disarm() {
        expires = -1;
        if (timer != null) {
            timer.setSleepDeadline(-1); // its heap entry goes stale and is dropped
            timer.setState(TaskState.RUNNABLE);
        }
    }
}
