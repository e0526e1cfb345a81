package proc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the expected formats of ProcFormats against the host's own /proc when the tests run
 * on Linux, so that the patterns the Clonix tests use are Linux's and not our own invention.
 */
class HostProcFormatsTest {
    @Test
    void statusPatternsMatchTheHostsStatusLines() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isReadable(status), "the host has a Linux /proc");
        int checked = 0;
        for (String line : Files.readString(status).split("\n")) {
            Pattern p = ProcFormats.STATUS.get(line.substring(0, line.indexOf(':')));
            if (p == null) continue;
            assertTrue(p.matcher(line).matches(), "host line " + line.replace("\t", "\\t"));
            checked++;
        }
        assertTrue(checked >= 40, "most fields are shared with Linux: " + checked);
    }

    @Test
    void statPatternMatchesTheHostsStat() throws Exception {
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat), "the host has a Linux /proc");
        String text = Files.readString(stat);
        // The host's comm is "java"; Linux has 52 fields since 3.5.
        assertTrue(ProcFormats.STAT.matcher(text).matches(), text);
    }

    @Test
    void mapsPatternMatchesTheHostsMaps() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "the host has a Linux /proc");
        for (String line : Files.readString(maps).split("\n")) {
            assertTrue(ProcFormats.MAPS.matcher(line).matches(), line);
        }
    }
}
