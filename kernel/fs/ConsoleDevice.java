package fs;

import java.util.Arrays;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * /dev/console (5:1): the machine's console (see {@link Console}). A read with no input yet
 * sleeps on {@link #readers()} until the boot code reports input with {@link #inputArrived()};
 * it returns whatever is available, at least one byte, like a terminal. Not seekable.
 *
 * <p>It is a terminal to programs: isatty(3) succeeds because TCGETS does. The attributes
 * (struct termios) and window size are stored and given back as set, starting from Linux's
 * defaults for a new tty and 24x80. When the console's input is keys as typed
 * ({@link Console#keyboard}: the shell's terminal), they go through the kernel's
 * {@link LineDiscipline}, which the termios drives as on Linux: canonical or raw mode, echo,
 * erase, VMIN, and the signal characters, which {@link #receive} hands back to the boot code
 * to send. Otherwise (a host stream, under {@code clonix run}) the host edited the input
 * already and the termios only describe it.
 *
 * <p><b>Job control.</b> The console is the controlling terminal of one session (init's, at
 * boot; the shell may claim it with {@link #setSession}) and has a foreground process group,
 * which tcgetpgrp (TIOCGPGRP) reads and tcsetpgrp (TIOCSPGRP) sets, with Linux's checks: the
 * caller must belong to the terminal's session (ENOTTY), the group must exist (ESRCH) and be
 * in that session (EPERM). The checks need to know the calling process, which the kernel
 * supplies through {@link Processes}. The shell sends the foreground group SIGINT and
 * SIGTSTP through signal.SignalSend.sendToGroup. A process of the terminal's session that is
 * not in the foreground group is stopped with SIGTTIN when it reads, and with SIGTTOU when it
 * changes the terminal (tcsetpgrp, tcsetattr) or, if TOSTOP is set, writes (see
 * {@link #checkBackground}); Linux's default termios has TOSTOP off, so writes are allowed.
 */
public final class ConsoleDevice extends CharDevice {
    private Console console;
    private final WaitQueue readers = new WaitQueue();
    private final byte[] termios = defaultTermios();
    private final byte[] winsize = {24, 0, 80, 0, 0, 0, 0, 0};
    private final LineDiscipline ldisc = new LineDiscipline(termios, b -> console.write(b, 0, b.length));
    /** The session this is the controlling terminal of, and its foreground process group (0: none). */
    private int session, foreground;
    private Processes processes;

    /** What the console asks the kernel about processes for tcsetpgrp, tcgetpgrp and job control. */
    public interface Processes {
        /** The session id of the calling process (0 outside a system call). */
        int callerSession();

        /** The session of process group {@code pgrp}, or -1 if no process is in it. */
        int sessionOf(int pgrp);

        /** The process group of the calling process (0 outside a system call). */
        int callerGroup();

        /** True if the calling thread blocks {@code sig} or its process ignores it. */
        boolean callerIgnoresOrBlocks(int sig);

        /** True if the caller's process group is orphaned (no parent left to continue it). */
        boolean callerGroupOrphaned();

        /** Sends {@code sig} to every process of the caller's group, from the kernel. */
        void signalCallerGroup(int sig);

        /**
         * For a read that waits at most {@code nanos} (VTIME): true once that long has passed
         * since the caller's read first asked, which ends the wait; otherwise its timer is
         * armed, to wake it then, and the answer is false.
         */
        boolean callerTimedOut(long nanos);

        /** The caller's read is over: its VTIME timer, if armed, is forgotten. */
        void callerStopTimer();
    }

    /** c_lflag's TOSTOP: background writes stop the writer with SIGTTOU. */
    static final int TOSTOP = 0400;
    private static final int SIGTTIN = 21, SIGTTOU = 22;

    /** The device, talking to {@code console} (which may be replaced with {@link #attach}). */
    public ConsoleDevice(Vfs vfs, Console console) {
        super(vfs, 0620, 5, 1);
        this.console = console;
    }

    /** Connects the device to a (new) console. */
    public void attach(Console console) {
        this.console = console;
    }

    /** Connects the job-control checks to the kernel's process table (done once, at boot). */
    public void setProcesses(Processes processes) {
        this.processes = processes;
    }

    /** Makes this the controlling terminal of session {@code sid}, with foreground group {@code pgrp}. */
    public void setSession(int sid, int pgrp) {
        session = sid;
        foreground = pgrp;
    }

    /** The session this is the controlling terminal of (0: none). */
    public int session() {
        return session;
    }

    /** The foreground process group (0: none): where Ctrl-C and Ctrl-Z go. */
    public int foregroundGroup() {
        return foreground;
    }

    /** Sets the foreground process group from the kernel side (the shell's fg); no checks. */
    public void setForegroundGroup(int pgrp) {
        foreground = pgrp;
    }

    /**
     * Writes a kernel message (printk's console output) to whatever console is attached,
     * with no terminal checks: the kernel is not a process of any session.
     */
    public void writeKernelMessage(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        console.write(b, 0, b.length);
    }

    /** The boot code calls this when input arrives: wakes every sleeping reader. */
    public void inputArrived() {
        readers.wakeUp();
    }

    /**
     * Keys typed at a keyboard console go through the line discipline (n_tty_receive_buf),
     * which wakes the readers. Returns the signals the keys stand for (Ctrl-C's SIGINT...),
     * in order, for the caller to send to the foreground process group: the boot code acts
     * as the tty driver, and decides how.
     */
    public int[] receive(byte[] typed) {
        int[] signals = new int[typed.length];
        int n = 0;
        for (byte b : typed) {
            int sig = ldisc.receive(b);
            if (sig != 0) signals[n++] = sig;
        }
        readers.wakeUp();
        return Arrays.copyOf(signals, n);
    }

    /** Takes the input typed but not read, complete lines and the line being edited (the shell's type-ahead). */
    public byte[] takeUnreadInput() {
        return ldisc.takeAll();
    }

    /** A copy of the struct termios, as TCGETS gives it (the shell saves it before a foreground job). */
    public byte[] attributes() {
        return termios();
    }

    /** Sets the struct termios from the kernel side, as TCSETS would, with no checks (the shell restores it). */
    public void setAttributes(byte[] attributes) {
        System.arraycopy(attributes, 0, termios, 0, termios.length);
        ldisc.modeChanged();
        readers.wakeUp();
    }

    /** The queue where readers sleep until input arrives. */
    public WaitQueue readers() {
        return readers;
    }

    /** The descriptors the kernel opens on the console for init and the shell have no path: they show /dev/console. */
    @Override
    public String dname() {
        return "/dev/console";
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        long denied = checkBackground(SIGTTIN);
        if (denied != 0) return denied;
        if (len == 0) return 0;
        int n = console.keyboard() ? readKeys(dst, off, len, waiter == null) : Console.NOTHING_YET;
        if (n == Console.NOTHING_YET) n = console.read(dst, off, len);
        if (n != Console.NOTHING_YET) return n;
        if (waiter == null) return -Errno.EAGAIN;
        readers.add(waiter);
        return -Errno.BLOCKED;
    }

    /**
     * n_tty_read's part: what the line discipline gives, or NOTHING_YET if the reader must
     * wait. A non-blocking read takes what there is (Linux returns the bytes read before it
     * would wait). A read VTIME bounds (ldisc.timed) arms the caller's timer, and once the
     * timer has fired takes what there is, possibly 0 bytes.
     */
    private int readKeys(byte[] dst, int off, int len, boolean nonBlocking) {
        boolean timed = ldisc.timed() && processes != null;
        int n = ldisc.read(dst, off, len, nonBlocking);
        if (!timed) return n;
        if (n != Console.NOTHING_YET) {
            processes.callerStopTimer();
            return n;
        }
        if (nonBlocking || !processes.callerTimedOut(ldisc.timeoutNanos())) return n;
        n = ldisc.read(dst, off, len, true);
        return n == Console.NOTHING_YET ? 0 : n;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if ((lflag() & TOSTOP) != 0) {
            long denied = checkBackground(SIGTTOU);
            if (denied != 0) return denied;
        }
        console.write(src, off, len);
        return len;
    }

    /**
     * Linux's n_tty_poll: readable when input (or an end of file) is waiting, always
     * writable, since output is taken whole. A poller waits with the readers for input.
     */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        if (waiter != null) readers.add(waiter);
        int mask = Poll.POLLOUT | Poll.POLLWRNORM;
        if (console.keyboard() && ldisc.readable() || console.inputReady()) mask |= Poll.POLLIN | Poll.POLLRDNORM;
        return mask;
    }

    @Override
    public boolean canPoll() {
        return true;
    }

    /** TCGETS, TCSETS(W/F), TCFLSH, TIOCGWINSZ, TIOCSWINSZ, TIOCGPGRP, TIOCSPGRP; ENOTTY for anything else. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        switch (request) {
            case Ioctls.TIOCGPGRP:
                if (!callerInSession()) return -Errno.ENOTTY;
                return copyOut(mem, arg, new byte[] {(byte) foreground, (byte) (foreground >> 8),
                    (byte) (foreground >> 16), (byte) (foreground >> 24)});
            case Ioctls.TIOCSPGRP: {
                long denied = checkBackground(SIGTTOU);
                return denied != 0 ? denied : setForegroundFromUser(mem, arg);
            }
            case Ioctls.TCGETS:
                return copyOut(mem, arg, termios);
            case Ioctls.TCSETS, Ioctls.TCSETSW, Ioctls.TCSETSF: {
                long denied = checkBackground(SIGTTOU);
                if (denied != 0) return denied;
                long r = copyIn(mem, arg, termios);
                if (r == 0 && request == Ioctls.TCSETSF) ldisc.flush();
                ldisc.modeChanged();
                return r;
            }
            case Ioctls.TCFLSH: {
                // Output is written at once, so only the input queue has anything to drop.
                if (arg < 0 || arg > 2) return -Errno.EINVAL;
                long denied = checkBackground(SIGTTOU);
                if (denied != 0) return denied;
                if (arg != 1) ldisc.flush();
                return 0;
            }
            case Ioctls.TIOCGWINSZ:
                return copyOut(mem, arg, winsize);
            case Ioctls.TIOCSWINSZ:
                return copyIn(mem, arg, winsize);
            default:
                return -Errno.ENOTTY;
        }
    }

    /** True if the caller belongs to this terminal's session (always, before the kernel is connected). */
    private boolean callerInSession() {
        return processes == null || (session != 0 && processes.callerSession() == session);
    }

    /**
     * Linux's tty_check_change: may the caller use this terminal now? Yes (0) unless the
     * console is its controlling terminal and its process group is not the foreground one.
     * Then, if it ignores or blocks {@code sig}, a read fails with EIO and anything else is
     * allowed; an orphaned group gets EIO (nobody could continue it); otherwise its whole
     * group is sent {@code sig} and the call returns -BLOCKED, so that the task takes the
     * signal (it stops) and runs the call again once continued, as with ERESTARTSYS.
     */
    private long checkBackground(int sig) {
        if (processes == null || session == 0 || processes.callerSession() != session) return 0;
        if (foreground == 0 || processes.callerGroup() == foreground) return 0;
        if (processes.callerIgnoresOrBlocks(sig)) return sig == SIGTTIN ? -Errno.EIO : 0;
        if (processes.callerGroupOrphaned()) return -Errno.EIO;
        processes.signalCallerGroup(sig);
        return -Errno.BLOCKED;
    }

    /** The local modes (c_lflag, the termios' fourth u32). */
    private int lflag() {
        return (termios[12] & 0xff) | (termios[13] & 0xff) << 8 | (termios[14] & 0xff) << 16 | (termios[15] & 0xff) << 24;
    }

    /** TIOCSPGRP (tiocspgrp): EFAULT, EINVAL for a negative group, ENOTTY, ESRCH, EPERM. */
    private long setForegroundFromUser(UserMemory mem, long arg) {
        byte[] b = new byte[4];
        if (mem.copyIn(arg, b, 0, 4) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        int pgrp = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | b[3] << 24;
        if (pgrp < 0) return -Errno.EINVAL;
        if (!callerInSession()) return -Errno.ENOTTY;
        if (processes != null) {
            int sid = processes.sessionOf(pgrp);
            if (sid < 0) return -Errno.ESRCH;
            if (sid != session) return -Errno.EPERM;
        }
        foreground = pgrp;
        return 0;
    }

    private static long copyOut(UserMemory mem, long va, byte[] state) {
        return mem.copyOut(va, state, 0, state.length) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    /** Replaces {@code state} from user memory only if the whole struct could be read. */
    private static long copyIn(UserMemory mem, long va, byte[] state) {
        byte[] copy = new byte[state.length];
        if (mem.copyIn(va, copy, 0, copy.length) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        System.arraycopy(copy, 0, state, 0, state.length);
        return 0;
    }

    /**
     * Linux's settings for a new tty (tty_std_termios): ICRNL|IXON, OPOST|ONLCR,
     * B38400|CS8|CREAD, ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN, and INIT_C_CC
     * (^C intr, ^\ quit, DEL erase, ^U kill, ^D eof, VMIN 1, ^Q start, ^S stop, ^Z susp...).
     */
    private static byte[] defaultTermios() {
        byte[] t = new byte[Ioctls.TERMIOS_SIZE];
        int[] flags = {02400, 05, 0277, 0105073};
        for (int i = 0; i < 4; i++) {
            for (int b = 0; b < 4; b++) t[4 * i + b] = (byte) (flags[i] >>> (8 * b));
        }
        byte[] cc = {3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0};
        System.arraycopy(cc, 0, t, 17, cc.length);
        return t;
    }

    /** A copy of the current struct termios bytes (for tests). */
    byte[] termios() {
        return Arrays.copyOf(termios, termios.length);
    }
}
