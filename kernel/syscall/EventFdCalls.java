package syscall;

import fs.AnonInode;
import fs.OpenFile;
import fs.UserMemory;
import fs.Vfs;
import java.util.function.Supplier;
import mm.MmException;
import poll.EventFd;
import poll.PollWait;
import poll.SignalFd;
import poll.TimerFd;
import sched.Scheduler;
import task.Task;
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

    /** timerfd_create's clocks beyond TimeCalls': the alarm clocks, which need CAP_WAKE_ALARM. */
    static final int CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9;
    /** sizeof(struct itimerspec): it_interval, then it_value, two timespecs. */
    static final int ITIMERSPEC_SIZE = 32;
    private static final long NANOS = 1_000_000_000L;

    /**
     * Registers the calls on {@code table}. {@code current} gives the task whose call is
     * running: a signalfd reads the signals of whoever reads it.
     */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched, Vfs vfs, Supplier<Task> current) {
        table.register(284, "eventfd", (t, a) -> eventfd2(vfs, t, a[0], 0));
        table.register(290, "eventfd2", (t, a) -> eventfd2(vfs, t, a[0], (int) a[1]));
        table.register(283, "timerfd_create", (t, a) -> timerfdCreate(vfs, ts, sched, t, (int) a[0], (int) a[1]));
        table.register(286, "timerfd_settime", (t, a) -> timerfdSettime(t, (int) a[0], (int) a[1], a[2], a[3]));
        table.register(287, "timerfd_gettime", (t, a) -> timerfdGettime(t, (int) a[0], a[1]));
        table.register(282, "signalfd", (t, a) -> signalfd4(vfs, current, t, (int) a[0], a[1], a[2], 0));
        table.register(289, "signalfd4", (t, a) -> signalfd4(vfs, current, t, (int) a[0], a[1], a[2], (int) a[3]));
    }

    /**
     * eventfd2(initval, flags): a new eventfd whose counter starts at initval (an unsigned
     * int). EINVAL for other flags, then AnonInode's ENOMEM, EMFILE, ENFILE.
     */
    static long eventfd2(Vfs vfs, Task t, long initval, int flags) {
        if ((flags & ~EFD_FLAGS) != 0) return -Errno.EINVAL;
        boolean semaphore = (flags & EventFd.EFD_SEMAPHORE) != 0;
        return AnonInode.install(t.files(), vfs, flags, () -> new EventFd(vfs, initval & 0xFFFF_FFFFL, semaphore));
    }

    /**
     * timerfd_create(clockid, flags): a disarmed timer on CLOCK_REALTIME, CLOCK_MONOTONIC or
     * CLOCK_BOOTTIME (or their alarm variants, which only a privileged caller may use:
     * EPERM). EINVAL for another clock or other flags than TFD_CLOEXEC and TFD_NONBLOCK.
     */
    static long timerfdCreate(Vfs vfs, Tasks ts, Scheduler sched, Task t, int clock, int flags) {
        boolean alarm = clock == CLOCK_REALTIME_ALARM || clock == CLOCK_BOOTTIME_ALARM;
        if ((flags & ~AnonInode.FLAGS) != 0 || (clock != TimeCalls.CLOCK_MONOTONIC && clock != TimeCalls.CLOCK_REALTIME
                && clock != TimeCalls.CLOCK_BOOTTIME && !alarm)) {
            return -Errno.EINVAL;
        }
        if (alarm && !t.cred().capable()) return -Errno.EPERM;
        boolean realtime = clock == TimeCalls.CLOCK_REALTIME || clock == CLOCK_REALTIME_ALARM;
        long offset = realtime ? TimeCalls.BOOT_EPOCH_SECONDS * NANOS : 0;
        return AnonInode.install(t.files(), vfs, flags, () -> new TimerFd(vfs, ts, sched, offset));
    }

    /**
     * timerfd_settime(fd, flags, new, old). Linux's order: EFAULT for new, EINVAL for other
     * flags than TFD_TIMER_ABSTIME and TFD_TIMER_CANCEL_ON_SET or an invalid time, EBADF,
     * EINVAL if fd is not a timerfd; then the timer is set, and old (if not null) gets the
     * previous setting, EFAULT if it cannot.
     */
    static long timerfdSettime(Task t, int fd, int flags, long newAddr, long oldAddr) {
        long interval, value;
        try {
            interval = PollWait.timespecNanos(t.mm().read64(newAddr), t.mm().read64(newAddr + 8));
            value = PollWait.timespecNanos(t.mm().read64(newAddr + 16), t.mm().read64(newAddr + 24));
        } catch (MmException e) {
            return -e.errno();
        }
        int known = TimerFd.TFD_TIMER_ABSTIME | TimerFd.TFD_TIMER_CANCEL_ON_SET;
        if ((flags & ~known) != 0 || interval < 0 || value < 0) return -Errno.EINVAL;
        TimerFd timer = timerfd(t, fd);
        if (timer == null) return t.files().get(fd) == null ? -Errno.EBADF : -Errno.EINVAL;
        long[] old = timer.set(flags, value, interval);
        return oldAddr == 0 ? 0 : writeItimerspec(t, oldAddr, old);
    }

    /** timerfd_gettime(fd, cur): EBADF, EINVAL if fd is not a timerfd, EFAULT. */
    static long timerfdGettime(Task t, int fd, long curAddr) {
        TimerFd timer = timerfd(t, fd);
        if (timer == null) return t.files().get(fd) == null ? -Errno.EBADF : -Errno.EINVAL;
        return writeItimerspec(t, curAddr, timer.get());
    }

    private static TimerFd timerfd(Task t, int fd) {
        OpenFile f = t.files().get(fd);
        return f != null && f.inode() instanceof TimerFd timer ? timer : null;
    }

    /** Writes {value, interval} in nanoseconds as a struct itimerspec (interval first): 0 or -EFAULT. */
    private static long writeItimerspec(Task t, long addr, long[] setting) {
        byte[] b = new byte[ITIMERSPEC_SIZE];
        putLong(b, 0, setting[1] / NANOS);
        putLong(b, 8, setting[1] % NANOS);
        putLong(b, 16, setting[0] / NANOS);
        putLong(b, 24, setting[0] % NANOS);
        return t.mm().copyOut(addr, b, 0, b.length) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    /**
     * signalfd4(fd, mask, sizemask, flags), and signalfd with flags 0. Linux's order: EINVAL
     * for a sizemask that is not 8, EFAULT for the mask, EINVAL for other flags than
     * SFD_CLOEXEC and SFD_NONBLOCK. With fd -1 it makes a signalfd (AnonInode's ENOMEM,
     * EMFILE, ENFILE); otherwise it replaces the set of signalfd fd (EBADF, EINVAL if fd is
     * not one) and returns fd.
     */
    static long signalfd4(Vfs vfs, Supplier<Task> current, Task t, int fd, long maskAddr, long size, int flags) {
        if (size != PollCalls.SIGSET_SIZE) return -Errno.EINVAL;
        long mask;
        try {
            mask = t.mm().read64(maskAddr);
        } catch (MmException e) {
            return -e.errno();
        }
        if ((flags & ~AnonInode.FLAGS) != 0) return -Errno.EINVAL;
        if (fd == -1) return AnonInode.install(t.files(), vfs, flags, () -> new SignalFd(vfs, mask, current));
        OpenFile f = t.files().get(fd);
        if (f == null) return -Errno.EBADF;
        if (!(f.inode() instanceof SignalFd sfd)) return -Errno.EINVAL;
        sfd.setMask(mask);
        return fd;
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
