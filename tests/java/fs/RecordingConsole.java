package fs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/** A console for tests: output is recorded, input is fed by the test and may be empty. */
final class RecordingConsole implements Console {
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final ArrayDeque<Byte> input = new ArrayDeque<>();
    boolean endOfInput;
    /** True: input is keys for the console device's line discipline (ConsoleDevice.receive), as the shell's terminal. */
    boolean keyboard;

    @Override
    public boolean keyboard() {
        return keyboard;
    }

    void type(String s) {
        for (byte b : s.getBytes()) input.add(b);
    }

    @Override
    public void write(byte[] src, int off, int len) {
        output.write(src, off, len);
    }

    @Override
    public boolean inputReady() {
        return !input.isEmpty() || endOfInput;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        if (input.isEmpty()) return endOfInput ? 0 : NOTHING_YET;
        int n = 0;
        while (n < len && !input.isEmpty()) dst[off + n++] = input.poll();
        return n;
    }
}
