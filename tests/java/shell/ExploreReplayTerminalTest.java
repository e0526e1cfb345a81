package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shell's explore and replay at a terminal: Ctrl-C stops an exploration (reporting what
 * it found) and a replay that would run for ever, each with status 130, and a replayed
 * program reads the lines typed at the terminal.
 */
class ExploreReplayTerminalTest {
    @Test
    @Timeout(180)
    void ctrlCStopsExploreAndReplayAndAReplayReadsTheTerminal() throws Exception {
        try (TypedTerminal t = new TypedTerminal(Options.defaults(), null, Pacer.WallClock.SYSTEM)) {
            TypedTerminal.Screen screen = t.screen;
            int prompts = 1;
            screen.await("$ ", prompts);
            String[] setup = {
                "cd /tmp",
                "echo 'int main(void) { for (;;) ; }' > loop.c",
                "echo '#include <stdio.h>' > upper.c",
                "echo 'int main(void) { char b[64]; while (fgets(b, 64, stdin)) printf(\"got %s\", b); return 3; }' >> upper.c",
                "cc loop.c -o loop && cc upper.c -o upper && echo built",
                "echo clonix-schedule 1 > empty.schedule",
            };
            for (String line : setup) {
                t.type(line + "\r");
                screen.await("$ ", ++prompts);
            }
            assertTrue(screen.text().contains("built"), screen.text());

            // A million runs would take an hour: Ctrl-C reports the runs done so far.
            t.type("explore --runs 1000000 --jobs 1 ./upper\r");
            Thread.sleep(2000);
            t.type("\u0003");
            screen.await("$ ", ++prompts);
            assertTrue(screen.text().contains("explore ./upper (pct, depth 3, seed 42): "), screen.text());
            assertTrue(screen.text().contains(" run(s) (interrupted)\r\n"), screen.text());
            assertTrue(screen.text().contains("  exit 3, output \"\" (0 bytes)  (first: run 0)"), screen.text());
            t.type("echo status $?\r");
            screen.await("status 130", 1);
            screen.await("$ ", ++prompts);

            // The session has no time limit: only Ctrl-C ends this replay.
            t.type("replay empty.schedule ./loop\r");
            Thread.sleep(1000);
            t.type("\u0003");
            screen.await("$ ", ++prompts);
            t.type("echo status $?\r");
            screen.await("status 130", 2);
            screen.await("$ ", ++prompts);

            t.type("replay empty.schedule ./upper\r");
            Thread.sleep(500);
            t.type("typed line\r");
            screen.await("got typed line", 1);
            t.type("\u0004"); // Ctrl-D: the end of the input
            screen.await("$ ", ++prompts);
            t.type("echo status $?\r");
            screen.await("status 3", 1);
            screen.await("$ ", ++prompts);

            t.type("exit\r");
            assertEquals(0, t.status.get(30, TimeUnit.SECONDS));
        }
    }
}
