package poll;

import fs.AnonInode;
import fs.OpenFile;
import fs.Poll;
import fs.Vfs;
import java.util.function.Supplier;
import signal.SigInfo;
import signal.SignalControl;
import sync.Waiter;
import syscall.Errno;
import task.SigHand;
import task.Task;

/**
 * A signalfd (Linux's signalfd_ctx): a descriptor from which signals are read instead of
 * caught. It holds only a set of signals; read(2) takes pending signals of that set from
 * the <i>reading</i> thread and its process (not the creator's, as on Linux, so a child
 * that inherits it reads its own), each as a 128-byte struct signalfd_siginfo, as many as
 * fit, and waits while none is pending. The signals are normally blocked, so that they
 * stay pending instead of being delivered. It is readable (POLLIN) while one is pending.
 *
 * <p>Readers and pollers wait on their signal handler table's queue
 * ({@link SigHand#signalfdWait}), which every signal sent to the process wakes.
 */
public final class SignalFd extends AnonInode {
    /** sizeof(struct signalfd_siginfo). */
    public static final int SIGINFO_SIZE = 128;

    private final Supplier<Task> current;
    private long mask;

    /**
     * A new signalfd for the signals of {@code mask} (SIGKILL and SIGSTOP are left out);
     * {@code current} gives the task whose call is running (the reader).
     */
    public SignalFd(Vfs vfs, long mask, Supplier<Task> current) {
        super(vfs, "signalfd");
        this.current = current;
        setMask(mask);
    }

    /** Replaces the set (signalfd on an existing descriptor) and wakes the readers of the caller's process. */
    public void setMask(long mask) {
        this.mask = mask;
        Task t = current.get();
        if (t != null && t.sighand() != null) t.sighand().signalfdWait().wakeUp();
    }

    /**
     * Linux's signalfd_read: EINVAL if not even one struct fits; otherwise the pending
     * signals of the set, one struct each, taken while they fit; a sleep (EAGAIN without
     * a waiter) while none is pending.
     */
    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        int max = len / SIGINFO_SIZE;
        if (max == 0) return -Errno.EINVAL;
        Task t = current.get();
        int n = 0;
        for (; n < max; n++) {
            SigInfo info = SignalControl.dequeueForSignalfd(t, mask);
            if (info == null) break;
            encode(info, dst, off + n * SIGINFO_SIZE);
        }
        if (n > 0) return (long) n * SIGINFO_SIZE;
        if (waiter == null) return -Errno.EAGAIN;
        t.sighand().signalfdWait().add(waiter);
        return -Errno.BLOCKED;
    }

    /** Linux's signalfd_poll: POLLIN while a signal of the set is pending for the caller. */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        Task t = current.get();
        if (waiter != null) t.sighand().signalfdWait().add(waiter);
        return SignalControl.hasPending(t, mask) ? Poll.POLLIN : 0;
    }

    /**
     * Lays {@code info} out as struct signalfd_siginfo (Linux's signalfd_copyinfo): ssi_signo,
     * ssi_errno, ssi_code at 0, 4, 8; then, by the kind of signal, the sender's ssi_pid and
     * ssi_uid (12, 16), a child's ssi_status, ssi_utime and ssi_stime in clock ticks (40, 56,
     * 64), a fault's ssi_addr (72), or sigqueue's value as ssi_int and ssi_ptr (44, 48).
     */
    static void encode(SigInfo info, byte[] b, int off) {
        java.util.Arrays.fill(b, off, off + SIGINFO_SIZE, (byte) 0);
        byte[] si = info.toBytes();
        putInt(b, off, info.signo());
        putInt(b, off + 4, info.errno());
        putInt(b, off + 8, info.code());
        if (info.isFault()) {
            System.arraycopy(si, 16, b, off + 72, 8);
            return;
        }
        putInt(b, off + 12, info.pid());
        putInt(b, off + 16, info.uid());
        if (info.signo() == task.Signals.SIGCHLD && info.code() > 0 && info.code() < SigInfo.SI_KERNEL) {
            System.arraycopy(si, 24, b, off + 40, 4); // si_status
            System.arraycopy(si, 32, b, off + 56, 16); // si_utime, si_stime
        } else if (info.code() < 0) {
            putInt(b, off + 44, (int) info.value());
            EventFd.putLong(b, off + 48, info.value());
        }
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
