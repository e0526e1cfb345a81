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
 * defaults for a new tty and 24x80; line editing itself is done outside the guest, by the
 * boot code's console (the shell's terminal), so changing them has no further effect.
 */
public final class ConsoleDevice extends CharDevice {
    private Console console;
    private final WaitQueue readers = new WaitQueue();
    private final byte[] termios = defaultTermios();
    private final byte[] winsize = {24, 0, 80, 0, 0, 0, 0, 0};

    /** The device, talking to {@code console} (which may be replaced with {@link #attach}). */
    public ConsoleDevice(Vfs vfs, Console console) {
        super(vfs, 0620, 5, 1);
        this.console = console;
    }

    /** Connects the device to a (new) console. */
    public void attach(Console console) {
        this.console = console;
    }

    /** The boot code calls this when input arrives: wakes every sleeping reader. */
    public void inputArrived() {
        readers.wakeUp();
    }

    /** The queue where readers sleep until input arrives. */
    public WaitQueue readers() {
        return readers;
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        int n = console.read(dst, off, len);
        if (n != Console.NOTHING_YET) return n;
        if (waiter == null) return -Errno.EAGAIN;
        readers.add(waiter);
        return -Errno.BLOCKED;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        console.write(src, off, len);
        return len;
    }

    /** TCGETS, TCSETS(W/F), TIOCGWINSZ, TIOCSWINSZ; ENOTTY for anything else. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        switch (request) {
            case Ioctls.TCGETS:
                return copyOut(mem, arg, termios);
            case Ioctls.TCSETS, Ioctls.TCSETSW, Ioctls.TCSETSF:
                return copyIn(mem, arg, termios);
            case Ioctls.TIOCGWINSZ:
                return copyOut(mem, arg, winsize);
            case Ioctls.TIOCSWINSZ:
                return copyIn(mem, arg, winsize);
            default:
                return -Errno.ENOTTY;
        }
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
