package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clonix's strace prints the same lines as the real strace: each tests/strace/NAME.c is
 * built by Clonix's compiler and traced in Clonix, and its lines must equal
 * tests/strace/NAME.expected, which is what {@code strace -ff} printed on Linux for the same
 * program built with gcc. A second test runs the real strace on this machine (when gcc and
 * strace can run) and checks that the recorded file is still what it prints.
 *
 * <p>The normalisations, the same on both sides: each process's lines are taken apart (the
 * programs' calls are raw syscall()s, so both C libraries make the same ones), the main
 * process's from its {@code write(-1, "begin", 5)} to its {@code write(-1, "end", 3)};
 * processes are named P0 (the program) and P1, P2... in the order it forks them, and a pid
 * is replaced by its name where one is printed (fork's and wait4's results, kill's and
 * wait4's first argument, si_pid); an address of six hex digits or more reads {@code 0x?};
 * the spaces that put {@code =} in column 40 are one.
 */
class StraceLinuxTest {
    private static final Path DIR = Path.of("tests/strace");

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"structs", "children"})
    void clonixPrintsTheLinesStracePrints(String name) throws Exception {
        String source = Files.readString(DIR.resolve(name + ".c"));
        String clonix = TracedRun.strace(tmp, name, source);
        Map<Integer, List<String>> byPid = new LinkedHashMap<>();
        Pattern prefixed = Pattern.compile("\\[pid +(\\d+)\\] (.*)");
        for (String line : clonix.split("\n")) {
            Matcher m = prefixed.matcher(line);
            if (!m.matches()) continue; // init's lines come before the program's
            byPid.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(m.group(2));
        }
        int main = byPid.keySet().stream().filter(p -> byPid.get(p).stream().anyMatch(l -> l.contains("\"begin\"")))
                .findFirst().orElseThrow(() -> new AssertionError("no begin marker in\n" + clonix));
        assertEquals(Files.readString(DIR.resolve(name + ".expected")), normalise(main, byPid), clonix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"structs", "children"})
    void theRecordedLinesAreWhatStraceOnThisMachinePrints(String name) throws Exception {
        Path exe = tmp.resolve(name);
        Assumptions.assumeTrue(run(tmp, "gcc", "-O0", "-o", exe.toString(), DIR.resolve(name + ".c").toAbsolutePath().toString()),
                "gcc is not available");
        Assumptions.assumeTrue(run(tmp, "strace", "-ff", "-o", tmp.resolve("st").toString(), exe.toString()),
                "strace cannot run here");
        Map<Integer, List<String>> byPid = new LinkedHashMap<>();
        int main = -1;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("st.")).sorted().toList()) {
                int pid = Integer.parseInt(f.getFileName().toString().substring(3));
                List<String> lines = Files.readAllLines(f);
                byPid.put(pid, lines);
                if (lines.stream().anyMatch(l -> l.contains("\"begin\""))) main = pid;
            }
        }
        assertEquals(Files.readString(DIR.resolve(name + ".expected")), normalise(main, byPid));
    }

    /** The normalised transcript: a "== Pn" header, then that process's lines, for P0 and each child it forked. */
    static String normalise(int main, Map<Integer, List<String>> byPid) {
        List<String> own = byPid.get(main);
        List<String> marked = own.subList(index(own, "\"begin\""), index(own, "\"end\"") + 1);
        List<Integer> order = new ArrayList<>(List.of(main));
        Pattern fork = Pattern.compile("fork\\(\\) += (\\d+)");
        for (String line : marked) {
            Matcher m = fork.matcher(line);
            if (m.find()) order.add(Integer.parseInt(m.group(1)));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            out.append("== P").append(i).append('\n');
            for (String line : i == 0 ? marked : byPid.getOrDefault(order.get(i), List.of())) {
                out.append(line(line, order)).append('\n');
            }
        }
        return out.toString();
    }

    private static final Pattern PID = Pattern.compile("(fork\\(\\) = |wait4\\(|kill\\(|si_pid=)(\\d+)");
    private static final Pattern WAIT_RESULT = Pattern.compile("^(wait4\\(.*\\) = )(\\d+)$");

    /** One line normalised (see the class comment). */
    private static String line(String line, List<Integer> order) {
        String s = line.replaceAll("^(.*?\\)) +(= .*)$", "$1 $2").replaceAll("0x[0-9a-f]{6,}", "0x?");
        s = replacePids(PID.matcher(s), order);
        return replacePids(WAIT_RESULT.matcher(s), order);
    }

    private static String replacePids(Matcher m, List<Integer> order) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int n = order.indexOf(Integer.parseInt(m.group(2)));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (n < 0 ? m.group(2) : "P" + n)));
        }
        return m.appendTail(sb).toString();
    }

    private static int index(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i;
        throw new AssertionError("no " + marker + " marker in " + lines);
    }

    /** Runs a host command in {@code dir}; false if it cannot be run or fails. */
    private static boolean run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("host.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
