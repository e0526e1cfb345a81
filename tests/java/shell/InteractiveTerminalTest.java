package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell on a terminal made of pipes ({@link TypedTerminal}): a person types a
 * command, recalls it with the up arrow, completes a program name with Tab, types input for
 * a program, interrupts a running program with Ctrl-C and stops one with Ctrl-Z, and the
 * prompt comes back every time.
 */
class InteractiveTerminalTest {
    @TempDir Path tmp;

    @Test
    @Timeout(120)
    void typingHistoryCompletionInputAndJobControlKeys() throws Exception {
        Path history = tmp.resolve("history");
        try (TypedTerminal t = new TypedTerminal(Options.defaults(), history, Pacer.WallClock.SYSTEM)) {
            TypedTerminal.Screen screen = t.screen;
            screen.await("$ ", 1);
            t.type("echo hello-there\r");
            screen.await("hello-there\r\n", 1);
            screen.await("$ ", 2);

            t.type("\033OA\r"); // the up arrow (as xterm sends it in keypad mode) brings the line back
            screen.await("hello-there\r\n", 2);
            screen.await("$ ", 3);

            t.type("ech\t"); // Tab completes the only program starting with "ech"
            t.type("completed\r");
            screen.await("completed\r\n", 1);
            screen.await("$ ", 4);

            t.type("cat\r"); // a program reading the console gets the lines typed
            t.type("a line for cat\r");
            screen.await("a line for cat", 2);
            t.type("\u0004"); // Ctrl-D: end of file for cat
            screen.await("$ ", 5);

            t.type("echo spinning; yes > /dev/null\r");
            screen.await("spinning\r\n", 1);
            t.type("\u0003"); // Ctrl-C: SIGINT to the foreground job
            screen.await("$ ", 6);
            t.type("echo status $?\r");
            screen.await("status 130", 1);
            screen.await("$ ", 7);

            t.type("echo stopping; yes > /dev/null\r");
            screen.await("stopping\r\n", 1);
            t.type("\u001a"); // Ctrl-Z: SIGTSTP, the job is stopped and kept
            screen.await("Stopped", 1);
            screen.await("$ ", 8);
            t.type("jobs\r");
            screen.await("[1]+  Stopped", 2);
            screen.await("$ ", 9);
            t.type("kill %1\r");
            screen.await("Terminated", 1);
            screen.await("$ ", 10);

            t.type("cat\r"); // Ctrl-Z while a program waits for a line stops it at once
            t.type("first\r");
            screen.await("first", 2); // typed, then written back by cat: cat is running and reading
            t.type("half a line\u001a");
            screen.await("Stopped", 3);
            screen.await("$ ", 11);
            t.type("kill %1\r");
            screen.await("Terminated", 2);
            screen.await("$ ", 12);

            t.type("exit 5\r");
            assertEquals(5, t.status.get(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(history).contains("echo hello-there"), "the history file keeps the commands");
    }

    @Test
    @Timeout(120)
    void aCommandOverSeveralLinesGetsTheContinuationPromptAndCtrlCLeavesALoop() throws Exception {
        try (TypedTerminal t = new TypedTerminal(Options.defaults(), null, Pacer.WallClock.SYSTEM)) {
            TypedTerminal.Screen screen = t.screen;
            screen.await("$ ", 1);

            t.type("for i in 1 2\r");
            screen.await("> ", 1); // PS2: the command goes on
            t.type("do echo round-$i\r");
            screen.await("> ", 2);
            t.type("done\r");
            screen.await("round-2\r\n", 1);
            screen.await("$ ", 2);

            t.type("if true\r");
            screen.await("> ", 3);
            t.type("\u0003"); // Ctrl-C at "> " drops the unfinished command
            screen.await("$ ", 3);

            t.type("while :; do :; done\r"); // built-ins only: no program to take the SIGINT
            Thread.sleep(200);
            t.type("\u0003");
            screen.await("$ ", 4);
            t.type("echo status $?\r");
            screen.await("status 130", 1);
            screen.await("$ ", 5);

            t.type("exit\r");
            assertEquals(0, t.status.get(30, TimeUnit.SECONDS));
        }
    }
}
