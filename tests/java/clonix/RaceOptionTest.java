package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code clonix run --race}: reports and a count on standard error; the status stays the program's unless --race=fail. */
class RaceOptionTest extends CommandLineRun {
    @Test
    void raceReportsOnStandardErrorAndKeepsTheProgramsStatus() {
        assertEquals(0, clonix("run", "--race", "--cpus", "2", "tests/concurrency/race_flag.c"), err.toString());
        assertEquals("done\n", console.toString(StandardCharsets.UTF_8));
        String text = err.toString();
        assertTrue(text.startsWith("==================\nWARNING: data race (pid=2)\n"), text);
        assertTrue(text.endsWith("==================\nclonix run: 1 data race(s) reported\n"), text);
    }

    @Test
    void raceFailExitsWithThreadSanitizersStatusWhenARaceWasReported() {
        assertEquals(66, clonix("run", "--race=fail", "--cpus", "2", "tests/concurrency/race_flag.c"), err.toString());
    }

    @Test
    void aCleanRunSaysSoAndExitsWithItsStatus() {
        assertEquals(0, clonix("run", "--race=fail", "tests/concurrency/race_ok_pipe.c"), err.toString());
        assertEquals("clonix run: 0 data race(s) reported\n", err.toString());
    }
}
