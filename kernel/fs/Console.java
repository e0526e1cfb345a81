package fs;

/**
 * The machine's console as the boot code provides it: a byte sink for output (the host's
 * standard output under {@code ./clonix run}, the terminal in the shell) and a byte source for
 * input that may have nothing yet. /dev/console reads and writes through it.
 *
 * <p>Input may arrive at any time from outside the guest; when it does, the boot code calls
 * {@code ConsoleDevice.inputArrived()} so that sleeping readers run again.
 */
public interface Console {
    /** {@link #read} result: no input yet, but more may come (the reader sleeps). */
    int NOTHING_YET = -1;

    /** Writes {@code len} bytes of {@code src} from {@code off}; all are taken. */
    void write(byte[] src, int off, int len);

    /**
     * Reads up to {@code len} bytes into {@code dst[off..]}: returns how many (at least 1),
     * 0 at end of input (Ctrl-D, end of a script), or {@link #NOTHING_YET}.
     */
    int read(byte[] dst, int off, int len);

    /**
     * Whether a read now would return at once, with input or end of input, rather than
     * {@link #NOTHING_YET} (poll's POLLIN). A console that must ask for its input (the
     * shell's terminal) takes "no" as a reader waiting, as it takes a read that finds
     * nothing. The default suits a console whose reads never answer NOTHING_YET.
     */
    default boolean inputReady() {
        return true;
    }

    /**
     * True if the input is keys as a person types them, which the kernel's line discipline
     * must edit and turn into signals per the termios (the shell's terminal, in raw mode on
     * the host); false if it comes edited already, as from a host stream. A keyboard
     * console's {@link #read} then only says whether more can come: 0 once the input has
     * ended for good, else {@link #NOTHING_YET} (nothing typed yet).
     */
    default boolean keyboard() {
        return false;
    }
}
