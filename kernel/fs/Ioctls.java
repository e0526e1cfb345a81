package fs;

/** ioctl request numbers, with Linux x86-64's values (asm-generic/ioctls.h). Constants only. */
public final class Ioctls {
    private Ioctls() {}

    /** Terminal attributes: get, set now, set after output drains, set and flush input. */
    public static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
    /** Discard the terminal's unread input (arg 0, TCIFLUSH), unwritten output (1) or both (2): tcflush. */
    public static final int TCFLSH = 0x540B;
    /** Terminal window size (struct winsize: rows, cols, xpixel, ypixel as u16). */
    public static final int TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
    /** The terminal's foreground process group: get and set (tcgetpgrp, tcsetpgrp; a pid_t). */
    public static final int TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410;
    /** Bytes ready to read (an int). */
    public static final int FIONREAD = 0x541B;
    /** Generic requests any descriptor accepts: O_NONBLOCK on or off, FD_CLOEXEC off or on. */
    public static final int FIONBIO = 0x5421, FIONCLEX = 0x5450, FIOCLEX = 0x5451;

    /** sizeof(struct termios) as the kernel's TCGETS uses it: four u32 flags, c_line, c_cc[19]. */
    public static final int TERMIOS_SIZE = 36;
    /** sizeof(struct winsize). */
    public static final int WINSIZE_SIZE = 8;
}
