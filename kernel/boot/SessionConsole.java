package boot;

import fs.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The console of a shell session: output goes straight to the terminal's stream, input is
 * whatever the shell has fed in with {@link #feed}. A read that finds nothing marks the
 * console "starved" and makes the reader sleep ({@link Console#NOTHING_YET}); the session
 * sees that when the machine goes idle and asks the terminal for a line.
 *
 * <p>End of input comes in two kinds. A batch session's console is {@link #closeInput closed}
 * for good: every read returns 0, so programs see end of file at once, which keeps a script
 * deterministic. An interactive Ctrl-D is {@link #feedEndOfFile one read's} end of file, as on
 * a terminal, after which reads wait for input again.
 */
public final class SessionConsole implements Console {
    private final OutputStream out;
    private byte[] input = new byte[256];
    private int head, tail;
    private boolean closed;
    private boolean endOfFilePending;
    private boolean starved;
    private boolean failed;

    /** A console writing to {@code out}, with no input yet. */
    public SessionConsole(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(byte[] src, int off, int len) {
        try {
            out.write(src, off, len);
        } catch (IOException e) {
            failed = true;
        }
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        if (len == 0) return 0;
        if (head < tail) {
            int n = Math.min(len, tail - head);
            System.arraycopy(input, head, dst, off, n);
            head += n;
            return n;
        }
        if (closed) return 0;
        if (endOfFilePending) {
            endOfFilePending = false;
            return 0;
        }
        starved = true;
        return NOTHING_YET;
    }

    /** Input, or an end of file, is waiting; if not, the console is starved as by an empty read. */
    @Override
    public boolean inputReady() {
        if (head < tail || closed || endOfFilePending) return true;
        starved = true;
        return false;
    }

    /** Appends {@code bytes} to the input; the caller then wakes the readers (Session does). */
    public void feed(byte[] bytes) {
        if (tail + bytes.length > input.length) {
            int live = tail - head;
            byte[] bigger = live + bytes.length > input.length ? new byte[2 * (live + bytes.length)] : input;
            System.arraycopy(input, head, bigger, 0, live);
            input = bigger;
            head = 0;
            tail = live;
        }
        System.arraycopy(bytes, 0, input, tail, bytes.length);
        tail += bytes.length;
        starved = false;
    }

    /** One end of file for the next read that finds no input (Ctrl-D at a terminal). */
    public void feedEndOfFile() {
        endOfFilePending = true;
        starved = false;
    }

    /** Ends the input for good: every read from now on returns end of file (batch mode). */
    public void closeInput() {
        closed = true;
        starved = false;
    }

    /** True if a read found no input since the last feed: a program waits for the terminal. */
    public boolean starved() {
        return starved;
    }

    /** Input fed but not yet read (tests). */
    public byte[] unread() {
        return Arrays.copyOfRange(input, head, tail);
    }

    /** Flushes the output stream. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
        }
    }

    /** True if writing to the host stream failed at some point. */
    public boolean failed() {
        return failed;
    }
}
