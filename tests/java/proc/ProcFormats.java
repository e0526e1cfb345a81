package proc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The line formats of Linux's /proc files, as regular expressions written from a real
 * Linux's /proc/self/status, stat and maps (HostProcFormatsTest checks them against the
 * host's files when the tests run on Linux).
 */
final class ProcFormats {
    private ProcFormats() {}

    /** The format of each /proc/PID/status field Clonix prints, by field name. */
    static final Map<String, Pattern> STATUS = new LinkedHashMap<>();

    static {
        status("Name", ".+");
        status("Umask", "[0-7]{4}");
        status("State", "[RSDTtXZPI] \\((running|sleeping|disk sleep|stopped|tracing stop|dead|zombie|parked|idle)\\)");
        for (String n : List.of("Tgid", "Ngid", "Pid", "PPid", "TracerPid", "FDSize", "NStgid", "NSpid", "NSpgid",
                "NSsid", "Threads", "NoNewPrivs", "Seccomp", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")) {
            status(n, "\\d+");
        }
        status("Uid", "\\d+\t\\d+\t\\d+\t\\d+");
        status("Gid", "\\d+\t\\d+\t\\d+\t\\d+");
        status("Groups", "(\\d+ )* ?");
        for (String n : List.of("VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS", "RssAnon", "RssFile",
                "RssShmem", "VmData", "VmStk", "VmExe", "VmLib", "VmPTE", "VmSwap")) {
            status(n, "(?=[ \\d]{8,} kB$) *\\d+ kB");
        }
        status("SigQ", "\\d+/\\d+");
        for (String n : List.of("SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt", "CapInh", "CapPrm", "CapEff",
                "CapBnd", "CapAmb")) {
            status(n, "[0-9a-f]{16}");
        }
        status("Cpus_allowed", "[0-9a-f]+(,[0-9a-f]{8})*");
        status("Cpus_allowed_list", "\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    }

    /** /proc/PID/stat: pid, (comm), a state letter and 49 more signed decimal fields. */
    static final Pattern STAT = Pattern.compile("\\d+ \\(.{0,15}\\) [RSDTtXZPI]( -?\\d+){49}\n");

    /** A /proc/PID/maps line: range, perms, offset, dev, inode, then padding and a name, or one space. */
    static final Pattern MAPS = Pattern.compile(
            "[0-9a-f]{8,}-[0-9a-f]{8,} [r-][w-][x-][ps] [0-9a-f]{8,} [0-9a-f]{2,}:[0-9a-f]{2,} \\d+ (?: {0,40}\\S.*)?");

    private static void status(String name, String value) {
        STATUS.put(name, Pattern.compile(Pattern.quote(name) + ":\t" + value));
    }

    /** The field names of a status text, in order. */
    static List<String> fieldNames(String status) {
        List<String> names = new ArrayList<>();
        for (String line : status.split("\n")) names.add(line.substring(0, line.indexOf(':')));
        return names;
    }

    /** Asserts that every line of {@code status} is a known field in its Linux format. */
    static void assertStatusFormat(String status) {
        assertTrue(status.endsWith("\n"), "ends with a newline");
        for (String line : status.split("\n")) {
            int colon = line.indexOf(':');
            assertTrue(colon > 0, "a field line: " + line);
            Pattern p = STATUS.get(line.substring(0, colon));
            assertTrue(p != null, "a known field: " + line);
            assertTrue(p.matcher(line).matches(), "Linux's format: " + line.replace("\t", "\\t"));
        }
    }
}
