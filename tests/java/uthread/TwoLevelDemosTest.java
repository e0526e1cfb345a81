package uthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/**
 * The demonstrations of the two-level library in /bin make their claims: CPU-bound user
 * threads need one LWP (mn_cpu), blocking ones make the pool grow (mn_io), and ps sees only
 * the LWPs while user threads outnumber them (mn_ps).
 */
@PartOfLab("clone")
class TwoLevelDemosTest {
    /** Runs /bin/NAME of the boot image with args; returns its output after checking status 0 and no leaks. */
    private static String runDemo(String name, String... args) {
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(Options.defaults(), console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        List<String> argv = new ArrayList<>(List.of("/bin/" + name));
        argv.addAll(List.of(args));
        int status = kernel.run("/bin/" + name, argv);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        boot.GuestRun.checkNothingLeaked(kernel);
        return output;
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void cpuBoundUserThreadsRunOnOneLwp() {
        String out = runDemo("mn_cpu", "12");
        assertTrue(out.startsWith("thread  0: 303 primes below 2000\n"), out);
        assertEquals("12 CPU-bound user threads ran on 1 LWP; the kernel saw 1 thread", lastLine(out));
    }

    @Test
    @PartOfLab("uthread")
    void blockingUserThreadsMakeThePoolGrow() {
        String out = runDemo("mn_io", "3");
        assertEquals("concurrency level at start: 1 LWP\nreader 0 read 'a'\nreader 1 read 'b'\nreader 2 read 'c'\n"
                + "4 user threads blocked in the kernel at once: the pool grew to 4 LWPs\n", out);
    }

    @Test
    @PartOfLab("uthread")
    void psSeesTheLwpsNotTheUserThreads() {
        String out = runDemo("mn_ps", "10", "3");
        long rows = out.lines().filter(line -> line.endsWith(" /bin/mn_ps 10 3")).count();
        assertEquals(3, rows, out); // ps -L prints one row per LWP
        assertEquals("10 user threads (and main) on 3 LWPs; /proc/self/task has 3 entries", lastLine(out));
    }

    @Test
    void benchmarkProgramReportsEveryMode() {
        for (String mode : new String[] {"create", "switch", "kcreate", "kswitch"}) {
            String out = runDemo("mn_bench", mode, "40");
            assertTrue(out.matches("40 iterations in [1-9][0-9]* ns\n"), mode + ": " + out);
        }
    }
}
