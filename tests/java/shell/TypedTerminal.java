package shell;

import static org.junit.jupiter.api.Assertions.fail;

import boot.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The interactive shell on a terminal made of pipes (JLine's ExternalTerminal, which does
 * what a pseudo-terminal's line discipline does, Ctrl-C and Ctrl-Z included), so it runs on
 * any machine: a test types keys and waits for what appears on the screen. The shell runs on
 * a thread of its own, as it would on a person's terminal.
 */
final class TypedTerminal implements AutoCloseable {
    /** Everything written to the screen, readable while the shell runs. */
    static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** Waits until {@code s} has appeared {@code times} times in all. */
        void await(String s, int times) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count(text(), s) < times) {
                if (System.nanoTime() > deadline) fail("waited for '" + s + "' x" + times + "; screen:\n" + text());
                Thread.sleep(10);
            }
        }
    }

    final Screen screen = new Screen();
    private final PipedOutputStream keys;
    private final Terminal terminal;
    private final ExecutorService shellThread = Executors.newSingleThreadExecutor();
    /** The shell's exit status, once it has ended. */
    final Future<Integer> status;

    /** Boots a shell with {@code options} on an 80x24 terminal, pacing with {@code clock}, history in {@code history} (may be null). */
    TypedTerminal(Options options, Path history, Pacer.WallClock clock) throws IOException {
        PipedInputStream keyboard = new PipedInputStream(1 << 16);
        keys = new PipedOutputStream(keyboard);
        terminal = new ExternalTerminal("test", "xterm", keyboard, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(80, 24));
        status = shellThread.submit(() -> new JLineConsole(options, terminal, history, clock).run());
    }

    /** Types {@code s} (\r is Enter, \u0003 Ctrl-C...). */
    void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits for the {@code n}th prompt since the start. */
    void awaitPrompt(int n) throws InterruptedException {
        screen.await("$ ", n);
    }

    @Override
    public void close() throws IOException {
        shellThread.shutdownNow();
        terminal.close();
    }

    static int count(String text, String s) {
        int n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
        return n;
    }
}
