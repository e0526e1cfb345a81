package libc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the library's hot paths cost in guest instructions, exactly (docs/PERFORMANCE.md,
 * "Guest instructions per operation"): tests/bench/libc_ops.c measures each operation on
 * the thread's CPU clock, which on Clonix counts one nanosecond per instruction. The bounds
 * are the goals of the work that made them cheap, with a little room, and far below what
 * the byte loops and the nine calls of a mutex pair cost before (given beside each), so a
 * change that loses the fast path fails here rather than only in a benchmark.
 */
class GuestInstructionCostTest {
    @TempDir
    Path tmp;

    /** The operations' costs, by the names libc_ops prints. */
    private Map<String, Long> costs() throws Exception {
        String output = CGuest.run(tmp, Options.defaults(), "libc_ops", Files.readString(Path.of("tests", "bench", "libc_ops.c")));
        Map<String, Long> costs = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("CPU ns")) continue;
            int last = line.lastIndexOf(' ');
            costs.put(line.substring(0, last).strip(), Long.parseLong(line.substring(last + 1)));
        }
        return costs;
    }

    private static void atMost(Map<String, Long> costs, String what, long bound) {
        Long cost = costs.get(what);
        assertTrue(cost != null && cost > 0 && cost <= bound, what + " costs " + cost + " instructions, more than " + bound + ": " + costs);
    }

    @lab.PartOfLab({"clone", "locks"})
    @Test
    void mutexPairsAndStringFunctionsCostWhatTheirFastPathsPromise() throws Exception {
        Map<String, Long> costs = costs();
        atMost(costs, "pthread_mutex_lock + unlock", 40);   // 220 through nine calls
        atMost(costs, "memset(p, 0, 160)", 100);             // 1,313 as a byte loop
        atMost(costs, "memcpy 160, aligned", 120);           // 1,316
        atMost(costs, "memcmp 160, equal", 250);             // 1,317
        atMost(costs, "strlen 40", 110);                     // 148
        atMost(costs, "strcmp 40, equal", 150);              // 309
        atMost(costs, "pthread_create + join", 1_500);       // 2,758, half of it memset
    }
}
