package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unbounded fork bomb ({@code for (;;) fork();}) on a small machine, started in the
 * background and killed with {@code kill -9 %1}, then again with {@code kill -9 -1}: each
 * time the job is reported killed once, {@code ps} shows only the shell, and the session goes
 * on. The bounded bomb, with exact output, is the transcript tests/scripts/fork_bomb.sh.
 */
class ForkBombRecoveryTest {
    private static final String SCRIPT = String.join("\n",
            "cd /tmp",
            "echo '#include <unistd.h>' > bomb.c",
            "echo 'int main(void) { for (;;) fork(); }' >> bomb.c",
            "cc bomb.c -o bomb",
            "./bomb &",
            "sleep 0.001",
            "jobs",
            "kill -9 %1",
            "jobs",
            "ps",
            "./bomb &",
            "sleep 0.001",
            "kill -9 -1",
            "jobs",
            "ps",
            "echo the session goes on",
            "");

    @Test
    void anUnboundedForkBombIsKilledByJobAndByMinusOneOnASmallThreadsMax() throws Exception {
        check(Options.defaults().withMaxTasks(64));
    }

    @Test
    void anUnboundedForkBombIsKilledByJobAndByMinusOneInLittleMemory() throws Exception {
        check(Options.defaults().withMemory(16L << 20).withMaxTasks(400).withCpus(2));
    }

    private static void check(Options options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(options, new ByteArrayInputStream(SCRIPT.getBytes(StandardCharsets.UTF_8)), out, true);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertFalse(text.contains("internal error"), text);
        assertTrue(text.contains("$ jobs\n[1]+  Running                 ./bomb &\n$ kill -9 %1\n"),
                "the job runs while its group lives:\n" + text);
        assertEquals(2, TypedTerminal.count(text, "Killed                  ./bomb\n"),
                "each job is reported killed, once:\n" + text);
        assertTrue(text.contains("$ kill -9 -1\n[1]+  Killed                  ./bomb\n$ jobs\n$ ps\n"), text);
        assertEquals(List.of(List.of("sh", "ps"), List.of("sh", "ps")), psListings(text), "ps shows only the shell:\n" + text);
        assertTrue(text.endsWith("$ echo the session goes on\nthe session goes on\n"), text);
    }

    /** The commands each {@code ps} listed, in order. */
    private static List<List<String>> psListings(String text) {
        List<List<String>> listings = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equals("$ ps")) continue;
            List<String> commands = new ArrayList<>();
            for (int j = i + 2; j < lines.length && !lines[j].startsWith("$ "); j++) {
                String[] columns = lines[j].trim().split("\\s+");
                commands.add(columns[columns.length - 1]);
            }
            listings.add(commands);
        }
        return listings;
    }
}
