package boot;

import fs.Console;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The console of a shell session: output goes straight to the terminal's stream; input is
 * keys, which the shell hands to the console device's line discipline as they are typed
 * ({@link Session#typeOnConsole}), so this class keeps only whether more input can come. A
 * read that finds nothing marks the console "starved": a program waits for the terminal,
 * which the shell sees when the machine goes idle, and then it waits for keys.
 *
 * <p>A batch session's console is {@link #closeInput closed} for good: every read returns 0,
 * so programs see end of file at once, which keeps a script deterministic. An interactive
 * Ctrl-D is a key like any other: the line discipline makes it one read's end of file in
 * canonical mode, and a plain byte in raw mode, as on a terminal.
 */
public final class SessionConsole implements Console {
    private final OutputStream out;
    private boolean closed;
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

    /** The line discipline has nothing for the reader: end of file if the input is closed, else it waits for keys. */
    @Override
    public int read(byte[] dst, int off, int len) {
        if (len == 0 || closed) return 0;
        starved = true;
        return NOTHING_YET;
    }

    /** True once the input is closed; otherwise the console is starved, as by an empty read. */
    @Override
    public boolean inputReady() {
        if (closed) return true;
        starved = true;
        return false;
    }

    @Override
    public boolean keyboard() {
        return true;
    }

    /** Keys were typed: whoever waited has something to look at (the caller then wakes the readers). */
    void fed() {
        starved = false;
    }

    /** Ends the input for good: every read from now on returns end of file (batch mode, or the terminal hung up). */
    public void closeInput() {
        closed = true;
        starved = false;
    }

    /** True if a read found no input since the last keys: a program waits for the terminal. */
    public boolean starved() {
        return starved;
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
