package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import boot.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell on a terminal made of pipes (JLine's ExternalTerminal, which does
 * what a pseudo-terminal's line discipline does, Ctrl-C and Ctrl-Z included), so it runs on
 * any machine: a person types a command, recalls it with the up arrow, completes a program
 * name with Tab, types input for a program, interrupts a running program with Ctrl-C and
 * stops one with Ctrl-Z, and the prompt comes back every time.
 */
class InteractiveTerminalTest {
    @TempDir Path tmp;

    /** Everything written to the screen, readable while the shell runs. */
    private static final class Screen extends OutputStream {
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

    static int count(String text, String s) {
        int n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
        return n;
    }

    @Test
    @Timeout(120)
    void typingHistoryCompletionInputAndJobControlKeys() throws Exception {
        PipedInputStream keyboard = new PipedInputStream(1 << 16);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        Screen screen = new Screen();
        Path history = tmp.resolve("history");
        ExecutorService shellThread = Executors.newSingleThreadExecutor();
        try (Terminal terminal = new ExternalTerminal("test", "xterm", keyboard, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(80, 24));
            Future<Integer> status = shellThread.submit(
                    () -> ShellMain.runInteractive(Options.defaults(), terminal, history));
            screen.await("$ ", 1);

            type(keys, "echo hello-there\r");
            screen.await("hello-there\r\n", 1);
            screen.await("$ ", 2);

            type(keys, "\033OA\r"); // the up arrow (as xterm sends it in keypad mode) brings the line back
            screen.await("hello-there\r\n", 2);
            screen.await("$ ", 3);

            type(keys, "ech\t"); // Tab completes the only program starting with "ech"
            type(keys, "completed\r");
            screen.await("completed\r\n", 1);
            screen.await("$ ", 4);

            type(keys, "cat\r"); // a program reading the console gets the lines typed
            type(keys, "a line for cat\r");
            screen.await("a line for cat", 2);
            type(keys, "\u0004"); // Ctrl-D: end of file for cat
            screen.await("$ ", 5);

            type(keys, "echo spinning; yes > /dev/null\r");
            screen.await("spinning\r\n", 1);
            type(keys, "\u0003"); // Ctrl-C: SIGINT to the foreground job
            screen.await("$ ", 6);
            type(keys, "echo status $?\r");
            screen.await("status 130", 1);
            screen.await("$ ", 7);

            type(keys, "echo stopping; yes > /dev/null\r");
            screen.await("stopping\r\n", 1);
            type(keys, "\u001a"); // Ctrl-Z: SIGTSTP, the job is stopped and kept
            screen.await("Stopped", 1);
            screen.await("$ ", 8);
            type(keys, "jobs\r");
            screen.await("[1]+  Stopped", 2);
            screen.await("$ ", 9);
            type(keys, "kill %1\r");
            screen.await("Terminated", 1);
            screen.await("$ ", 10);

            type(keys, "cat\r"); // Ctrl-Z while a program waits for a line stops it at once
            type(keys, "first\r");
            screen.await("first", 2); // typed, then written back by cat: cat is running and reading
            type(keys, "half a line\u001a");
            screen.await("Stopped", 3);
            screen.await("$ ", 11);
            type(keys, "kill %1\r");
            screen.await("Terminated", 2);
            screen.await("$ ", 12);

            type(keys, "exit 5\r");
            assertEquals(5, status.get(30, TimeUnit.SECONDS));
        } finally {
            shellThread.shutdownNow();
        }
        assertTrue(Files.readString(history).contains("echo hello-there"), "the history file keeps the commands");
    }

    @Test
    @Timeout(120)
    void aCommandOverSeveralLinesGetsTheContinuationPromptAndCtrlCLeavesALoop() throws Exception {
        PipedInputStream keyboard = new PipedInputStream(1 << 16);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        Screen screen = new Screen();
        ExecutorService shellThread = Executors.newSingleThreadExecutor();
        try (Terminal terminal = new ExternalTerminal("test", "xterm", keyboard, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(80, 24));
            Future<Integer> status = shellThread.submit(() -> ShellMain.runInteractive(Options.defaults(), terminal, null));
            screen.await("$ ", 1);

            type(keys, "for i in 1 2\r");
            screen.await("> ", 1); // PS2: the command goes on
            type(keys, "do echo round-$i\r");
            screen.await("> ", 2);
            type(keys, "done\r");
            screen.await("round-2\r\n", 1);
            screen.await("$ ", 2);

            type(keys, "if true\r");
            screen.await("> ", 3);
            type(keys, "\u0003"); // Ctrl-C at "> " drops the unfinished command
            screen.await("$ ", 3);

            type(keys, "while :; do :; done\r"); // built-ins only: no program to take the SIGINT
            Thread.sleep(200);
            type(keys, "\u0003");
            screen.await("$ ", 4);
            type(keys, "echo status $?\r");
            screen.await("status 130", 1);
            screen.await("$ ", 5);

            type(keys, "exit\r");
            assertEquals(0, status.get(30, TimeUnit.SECONDS));
        } finally {
            shellThread.shutdownNow();
        }
    }

    private static void type(OutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
