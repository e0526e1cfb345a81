package shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Tab completion: built-ins and /bin programs first, then guest paths, job specs and pids. */
class CompletionTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Shell sh = new Shell(ShellMain.boot(Options.defaults(), screen), Frontend.BATCH, new PrintStream(screen, true));

    private List<String> complete(String line) {
        List<Candidate> found = new ArrayList<>();
        new ShellCompleter(sh).complete(null, new DefaultParser().parse(line, line.length()), found);
        return found.stream().map(Candidate::value).toList();
    }

    @Test
    void theFirstWordCompletesToBuiltinsAndPrograms() {
        List<String> c = complete("");
        assertTrue(c.contains("cd") && c.contains("timeline") && c.contains("echo") && c.contains("cat"), c.toString());
        assertTrue(!c.contains("include/"), "no paths for a bare first word");
    }

    @Test
    void pathsCompleteInTheGuestFileSystem() {
        assertTrue(complete("ls /usr/").contains("/usr/include/"));
        assertTrue(complete("ls /b").contains("/bin/"));
        assertTrue(complete("cat /usr/include/std").stream().anyMatch(s -> s.equals("/usr/include/stdio.h")));
        sh.runLine("cd /usr");
        assertTrue(complete("ls inc").contains("include/"), "relative to the shell's directory");
    }

    @Test
    void jobSpecsAndPidsCompleteAfterTheFirstWord() {
        sh.runLine("sleep 100 &");
        List<String> c = complete("kill ");
        assertTrue(c.contains("%1"), c.toString());
        assertTrue(c.contains(Integer.toString(sh.jobPids().get(0))), c.toString());
        sh.shutdown();
        assertTrue(complete("kill ").stream().noneMatch(v -> v.startsWith("%")), "no jobs once they are gone");
    }
}
