package fs;

import java.util.ArrayDeque;

/**
 * The input half of Linux's n_tty line discipline, for a console whose input is keys as a
 * person types them (the shell's terminal, see {@link Console#keyboard}): what arrives
 * with {@link #receive} becomes what read(2) returns, according to the console's termios.
 *
 * <ul>
 * <li>c_iflag: ICRNL turns the Enter key's CR into NL, INLCR NL into CR, IGNCR drops CR.
 * <li>c_lflag ISIG: the VINTR, VQUIT and VSUSP characters (Ctrl-C, Ctrl-\, Ctrl-Z) are not
 *     input but signals, which {@link #receive} returns for the caller to send to the
 *     foreground process group; the input queue is flushed first unless NOFLSH is set.
 * <li>ICANON (canonical mode): input is edited a line at a time. VERASE erases a character,
 *     VKILL the line, VWERASE (with IEXTEN) a word; NL, VEOL and VEOL2 end a line; VEOF
 *     ends it without being stored, so VEOF at the start of a line is a read of 0 bytes
 *     (end of file). A read returns at most one line, and only a complete one.
 * <li>Without ICANON (raw or cbreak mode) every byte is input at once; {@link #read} then
 *     honours VMIN, and VTIME with the console device, which keeps the timer (see
 *     {@link #timed}).
 * <li>ECHO writes back what is typed (control characters as {@code ^X} with ECHOCTL),
 *     ECHOE erases on screen with backspace-space-backspace, ECHOK/ECHOKE do it for a
 *     killed line, ECHONL echoes NL even without ECHO.
 * </ul>
 *
 * Not modelled: output flow control (IXON's Ctrl-S and Ctrl-Q are ordinary input), VLNEXT,
 * VREPRINT, VDISCARD and parity. Like Linux's 4 KiB buffer, input beyond {@link #CAPACITY}
 * bytes is dropped, so a paste cannot grow the kernel's memory.
 *
 * <p>The termios bytes are the console device's own array, read at each call, so a
 * TCSETS takes effect on the next byte; {@link #modeChanged} must be called after one.
 */
final class LineDiscipline {
    /** Bytes the queue holds at most, as Linux's N_TTY_BUF_SIZE. */
    static final int CAPACITY = 4096;

    /** c_iflag bits. */
    static final int INLCR = 0100, IGNCR = 0200, ICRNL = 0400;
    /** c_lflag bits. */
    static final int ISIG = 01, ICANON = 02, ECHO = 010, ECHOE = 020, ECHOK = 040, ECHONL = 0100,
            NOFLSH = 0200, ECHOCTL = 01000, ECHOKE = 04000, IEXTEN = 0100000;
    /** Indexes in c_cc. */
    static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6,
            VSUSP = 10, VEOL = 11, VWERASE = 14, VEOL2 = 16;
    private static final int SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20;

    private final byte[] termios;
    private final Echo echo;
    /** Received input, oldest first: the complete lines, then (canonical mode) the line being edited. */
    private final ArrayDeque<Byte> queue = new ArrayDeque<>();
    /** Canonical mode: the lengths of the complete lines at the front of the queue (0: an end of file). */
    private final ArrayDeque<Integer> lines = new ArrayDeque<>();
    /** Canonical mode: bytes of the line being edited, at the back of the queue. */
    private int editing;
    /** The c_lflag ICANON the queue is arranged for. */
    private boolean canonical;

    /** Where echoed characters go: the console's output. */
    interface Echo {
        void write(byte[] bytes);
    }

    /** A line discipline reading its settings from {@code termios} (struct termios bytes) and echoing to {@code echo}. */
    LineDiscipline(byte[] termios, Echo echo) {
        this.termios = termios;
        this.echo = echo;
        this.canonical = (lflag() & ICANON) != 0;
    }

    /**
     * Takes one byte typed at the terminal. Returns the signal it stands for (SIGINT,
     * SIGQUIT or SIGTSTP) when ISIG makes it one, which the caller sends to the foreground
     * process group; otherwise 0.
     */
    int receive(byte b) {
        int iflag = flag(0), lflag = lflag();
        int c = b & 0xff;
        if (c == '\r') {
            if ((iflag & IGNCR) != 0) return 0;
            if ((iflag & ICRNL) != 0) c = '\n';
        } else if (c == '\n' && (iflag & INLCR) != 0) {
            c = '\r';
        }
        if ((lflag & ISIG) != 0) {
            int sig = is(c, VINTR) ? SIGINT : is(c, VQUIT) ? SIGQUIT : is(c, VSUSP) ? SIGTSTP : 0;
            if (sig != 0) {
                if ((lflag & NOFLSH) == 0) flush();
                if ((lflag & ECHO) != 0) echoChar(c, lflag);
                return sig;
            }
        }
        if (!canonical) {
            if (queue.size() < CAPACITY) queue.addLast((byte) c);
            if ((lflag & ECHO) != 0) echoChar(c, lflag);
            return 0;
        }
        if (is(c, VERASE)) {
            erase(1, lflag);
        } else if (is(c, VKILL)) {
            killLine(lflag);
        } else if (is(c, VWERASE) && (lflag & IEXTEN) != 0) {
            eraseWord(lflag);
        } else if (is(c, VEOF)) {
            endLine();
        } else if (c == '\n' || is(c, VEOL) || is(c, VEOL2) && (lflag & IEXTEN) != 0) {
            if (queue.size() < CAPACITY) {
                queue.addLast((byte) c);
                editing++;
            }
            endLine();
            if ((lflag & (ECHO | ECHONL)) != 0) echoChar(c, lflag | ECHO);
        } else if (queue.size() < CAPACITY - 1) { // room is kept for the newline that ends the line
            queue.addLast((byte) c);
            editing++;
            if ((lflag & ECHO) != 0) echoChar(c, lflag);
        }
        return 0;
    }

    /**
     * Reads into {@code dst[off..off+len)} (len &gt; 0). Canonical mode: the front line, or
     * as much of it as fits; 0 for an end of file; {@link Console#NOTHING_YET} while no line
     * is complete. Otherwise (VMIN, VTIME as in n_tty_read): with VMIN and VTIME 0, whatever
     * is there, possibly 0 bytes; else nothing until min(VMIN, len) bytes have come (at least
     * one), unless {@code takeWhatThereIs} (a non-blocking read, or VTIME's timer has
     * fired: see {@link #timed}), which takes any bytes there are.
     */
    int read(byte[] dst, int off, int len, boolean takeWhatThereIs) {
        modeChanged();
        if (canonical) {
            if (lines.isEmpty()) return Console.NOTHING_YET;
            int line = lines.pollFirst();
            int n = Math.min(len, line);
            take(dst, off, n);
            if (n < line) lines.addFirst(line - n);
            return n;
        }
        int min = cc(VMIN), time = cc(VTIME);
        if (queue.isEmpty()) return min == 0 && time == 0 ? 0 : Console.NOTHING_YET;
        if (!takeWhatThereIs && queue.size() < Math.min(Math.max(min, 1), len)) return Console.NOTHING_YET;
        int n = Math.min(len, queue.size());
        take(dst, off, n);
        return n;
    }

    /**
     * True if a read that must wait is bounded by VTIME now: in non-canonical mode with VTIME
     * set, and either VMIN 0 (VTIME bounds the whole read) or a byte has come (then VTIME
     * bounds the wait for the rest; Linux restarts it at each byte, Clonix counts from the
     * first time the read found too few).
     */
    boolean timed() {
        modeChanged();
        return !canonical && cc(VTIME) > 0 && (cc(VMIN) == 0 || !queue.isEmpty());
    }

    /** VTIME in nanoseconds (it counts tenths of a second). */
    long timeoutNanos() {
        return cc(VTIME) * 100_000_000L;
    }

    /**
     * True if poll should report input (n_tty_poll's input_available_p): a complete line in
     * canonical mode; otherwise VMIN bytes when VTIME is 0, else one byte.
     */
    boolean readable() {
        modeChanged();
        if (canonical) return !lines.isEmpty();
        int min = cc(VMIN);
        return queue.size() >= (cc(VTIME) == 0 && min > 0 ? min : 1);
    }

    /**
     * Rearranges the queue after ICANON changed (n_tty_set_termios): leaving canonical mode
     * makes everything typed readable, the half-edited line too; entering it makes what is
     * waiting one line, so that it is not lost behind the next one.
     */
    void modeChanged() {
        boolean now = (lflag() & ICANON) != 0;
        if (now == canonical) return;
        canonical = now;
        lines.clear();
        editing = 0;
        if (canonical && !queue.isEmpty()) lines.addLast(queue.size());
    }

    /** Drops all input (tcflush(TCIFLUSH), TCSETSF, and a signal character without NOFLSH). */
    void flush() {
        queue.clear();
        lines.clear();
        editing = 0;
    }

    /** Takes whatever input is waiting, complete lines and the line being edited, in order. */
    byte[] takeAll() {
        byte[] all = new byte[queue.size()];
        take(all, 0, all.length);
        flush();
        return all;
    }

    private void take(byte[] dst, int off, int n) {
        for (int i = 0; i < n; i++) dst[off + i] = queue.pollFirst();
    }

    /** Ends the line being edited: it becomes readable. */
    private void endLine() {
        lines.addLast(editing);
        editing = 0;
    }

    /** Erases up to {@code n} characters of the line being edited, on screen too with ECHOE. */
    private void erase(int n, int lflag) {
        for (int i = 0; i < n && editing > 0; i++) {
            int c = queue.pollLast() & 0xff;
            editing--;
            if ((lflag & (ECHO | ECHOE)) == (ECHO | ECHOE)) {
                echo.write(new byte[] {'\b', ' ', '\b'});
                if (echoedAsCaret(c, lflag)) echo.write(new byte[] {'\b', ' ', '\b'});
            }
        }
    }

    /** VKILL: the whole line; on screen with ECHOKE, else a newline with ECHOK. */
    private void killLine(int lflag) {
        if ((lflag & ECHOKE) != 0) {
            erase(editing, lflag | ECHOE);
            return;
        }
        erase(editing, lflag & ~ECHOE);
        if ((lflag & (ECHO | ECHOK)) == (ECHO | ECHOK)) echo.write(new byte[] {'\n'});
    }

    /** VWERASE: the blanks before the cursor, then the word before them. */
    private void eraseWord(int lflag) {
        while (editing > 0 && isBlank(queue.peekLast())) erase(1, lflag);
        while (editing > 0 && !isBlank(queue.peekLast())) erase(1, lflag);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private void echoChar(int c, int lflag) {
        if (echoedAsCaret(c, lflag)) echo.write(new byte[] {'^', (byte) (c ^ 0100)});
        else echo.write(new byte[] {(byte) c});
    }

    /** ECHOCTL shows a control character other than TAB and NL (and DEL) as ^ and a letter. */
    private static boolean echoedAsCaret(int c, int lflag) {
        return (lflag & ECHOCTL) != 0 && (c < 32 && c != '\t' && c != '\n' || c == 0177);
    }

    private int lflag() {
        return flag(3);
    }

    /** The termios' {@code i}th u32 (0 c_iflag, 1 c_oflag, 2 c_cflag, 3 c_lflag). */
    private int flag(int i) {
        return (termios[4 * i] & 0xff) | (termios[4 * i + 1] & 0xff) << 8
                | (termios[4 * i + 2] & 0xff) << 16 | (termios[4 * i + 3] & 0xff) << 24;
    }

    /** True if {@code c} is the special character c_cc[i], which 0 disables (_POSIX_VDISABLE). */
    private boolean is(int c, int i) {
        return cc(i) != 0 && c == cc(i);
    }

    /** c_cc[i]; c_cc starts after the four flags and c_line. */
    private int cc(int i) {
        return termios[17 + i] & 0xff;
    }
}
