package boot;

import fs.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A console over host streams: output to {@code out}, input from {@code in}, read until its
 * end (then every read returns end of file). A failing host stream is the host's problem,
 * not the guest's: output is then dropped and input ends, and {@link #failed} says so.
 */
public final class StreamConsole implements Console {
    private final OutputStream out;
    private final InputStream in;
    private boolean failed;

    /** A console writing to {@code out} and reading {@code in}. */
    public StreamConsole(OutputStream out, InputStream in) {
        this.out = out;
        this.in = in;
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
        try {
            int n = in.read(dst, off, len);
            return n < 0 ? 0 : n;
        } catch (IOException e) {
            failed = true;
            return 0;
        }
    }

    /** Flushes the output stream. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
        }
    }

    /** True if a host stream failed at some point. */
    public boolean failed() {
        return failed;
    }
}
