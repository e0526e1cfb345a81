package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * With --time-limit, a script cannot hang on a program that never ends: a foreground job
 * that runs longer than the limit of virtual time is killed as a deadlocked one is, and the
 * session goes on with the next command. Jobs that end in time are untouched.
 */
class TimeLimitTest {
    @Test
    void aForegroundJobPastTheLimitIsKilledAndTheScriptGoesOn() throws Exception {
        String script = "yes > /dev/null\necho $?\nsleep 5 | cat\necho $?\nsleep 0.5; echo in time\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults().withCycleLimit(1_000_000_000L),
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        assertEquals("""
                sh: time limit of 1 s reached; killing job: yes > /dev/null
                Killed
                137
                sh: time limit of 1 s reached; killing job: sleep 5 | cat
                Killed
                137
                in time
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
    }
}
