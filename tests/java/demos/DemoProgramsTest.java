package demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teaching programs of userland/bin are plain Linux C. Where their output does not depend
 * on the schedule, each is built with the host's gcc, run natively, and must print exactly
 * what /bin/NAME prints in Clonix with the same arguments (and exit with the same status,
 * leaving nothing behind in the kernel). Without gcc on the host those comparisons are
 * skipped; the tests that check Clonix alone always run.
 */
@lab.PartOfLab("clone")
class DemoProgramsTest {
    /** Where a demo prints the CPU it ran on: a scheduler's choice, on Linux as in Clonix. */
    private static final Pattern CPU = Pattern.compile(", on cpu \\d+");

    @TempDir static Path tmp;

    private static final Map<String, Path> NATIVE = new LinkedHashMap<>();
    private static boolean gcc;

    @BeforeAll
    static void findGcc() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            gcc = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            gcc = false;
        }
    }

    @Test
    void cloneDemoPrintsWhatLinuxPrints() throws Exception {
        sameAsLinux("clone_demo");
        sameAsLinux("clone_demo", "copy");
    }

    @Test
    void raceWithMutexOrAtomicPrintsWhatLinuxPrints() throws Exception {
        sameAsLinux("race", "mutex");
        sameAsLinux("race", "atomic");
        sameAsLinux("race", "mutex", "8", "3000");
    }

    @Test
    void prodconsTotalsAreWhatLinuxPrints() throws Exception {
        sameAsLinux("prodcons");
        sameAsLinux("prodcons", "4", "4", "500", "1");
    }

    @Test
    void parallelSumTotalsAreWhatLinuxPrints() throws Exception {
        sameAsLinux("parallel_sum");
        sameAsLinux("parallel_sum", "3", "1000", "7");
    }

    @Test
    void threadPoolResultsAreWhatLinuxPrints() throws Exception {
        sameAsLinux("thread_pool");
        sameAsLinux("thread_pool", "8", "20");
    }

    @Test
    void barrierPhasesAreWhatLinuxPrints() throws Exception {
        sameAsLinux("barrier_phases");
        sameAsLinux("barrier_phases", "8", "3");
    }

    @Test
    void readersWritersWithTheLockPrintsWhatLinuxPrints() throws Exception {
        sameAsLinux("readers_writers");
    }

    @Test
    void orderedPhilosophersPrintWhatLinuxPrints() throws Exception {
        sameAsLinux("philosophers", "ordered");
    }

    @Test
    void racyCounterLosesUpdatesOnSeveralCpus() throws Exception {
        Run run = inClonix(Options.defaults(), "race");
        Matcher m = Pattern.compile("counter = (\\d+) \\(expected 80000, lost (\\d+) updates\\)").matcher(run.output);
        assertTrue(m.find(), run.output);
        assertTrue(Long.parseLong(m.group(2)) > 0, run.output);
        assertEquals(80000, Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)));
    }

    @Test
    void parallelSumSpreadsItsThreadsOverTheCpus() throws Exception {
        Run run = inClonix(Options.defaults(), "parallel_sum");
        Matcher m = CPU.matcher(run.output);
        List<String> cpus = new ArrayList<>();
        while (m.find()) if (!cpus.contains(m.group())) cpus.add(m.group());
        assertTrue(cpus.size() > 1, "four threads on four CPUs all ran on one:\n" + run.output);
        assertEquals(run.output, inClonix(Options.defaults(), "parallel_sum").output, "the same seed, the same CPUs");
    }

    @Test
    void badArgumentsGiveUsageAndStatusTwo() throws Exception {
        for (String[] argv : new String[][] {{"race", "sideways"}, {"prodcons", "0"}, {"philosophers", "1"},
                {"readers_writers", "0"}, {"barrier_phases", "0"}, {"parallel_sum", "0"}, {"thread_pool", "0"},
                {"threads_vs_procs", "0"}, {"clone_demo", "bogus"}}) {
            Run run = inClonix(Options.defaults(), argv);
            assertEquals(2, run.status, String.join(" ", argv));
            assertTrue(run.output.startsWith("usage: " + argv[0]), run.output);
        }
    }

    @Test
    @lab.PartOfLab("locks") // the stub's mutex spins, so the philosophers livelock instead
    void naivePhilosophersDeadlockWithEveryThreadOnAFutex() throws Exception {
        Run run = inClonix(Options.defaults(), "philosophers");
        assertEquals(128 + task.Signals.SIGKILL, run.status, "killed after the report: " + run.output);
        assertTrue(run.output.contains("deadlock: no task can run again"), run.output);
        Matcher m = Pattern.compile("\\d+ philosophers: S futex (0x[0-9a-f]+)").matcher(run.output);
        List<String> words = new ArrayList<>();
        while (m.find()) if (!words.contains(m.group(1))) words.add(m.group(1));
        // Five forks each awaited by one philosopher, and the main thread's join word.
        assertEquals(6, words.size(), run.output);
    }

    @Test
    void threadsShareTheCounterAndProcessesDoNot() throws Exception {
        Run run = inClonix(Options.defaults(), "threads_vs_procs", "4", "0");
        assertTrue(run.output.contains("counter = 4 "), run.output);
    }

    /** What one program printed, and its exit status. */
    private record Run(int status, String output) {}

    /** Runs NAME with ARGS natively (gcc build) and in Clonix; both must print the same, CPUs aside. */
    private static void sameAsLinux(String name, String... args) throws Exception {
        Assumptions.assumeTrue(gcc, "gcc is not installed on this host");
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(List.of(args));
        Run linux = natively(name, args);
        Run clonix = inClonix(Options.defaults(), argv.toArray(new String[0]));
        String what = String.join(" ", argv);
        assertEquals(linux.status, clonix.status, what);
        assertEquals(withoutCpus(linux.output), withoutCpus(clonix.output), what);
    }

    private static String withoutCpus(String output) {
        return CPU.matcher(output).replaceAll(", on cpu N");
    }

    /** Builds userland/bin/NAME.c with gcc once, then runs it with ARGS, for at most a minute. */
    private static Run natively(String name, String... args) throws Exception {
        Path exe = NATIVE.get(name);
        if (exe == null) {
            exe = tmp.resolve(name);
            Process cc = new ProcessBuilder("gcc", "-O0", "-pthread", "-o", exe.toString(),
                    Path.of("userland/bin", name + ".c").toString()).redirectErrorStream(true).start();
            String diagnostics = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cc.waitFor(120, TimeUnit.SECONDS), "gcc took too long");
            assertEquals(0, cc.exitValue(), diagnostics);
            NATIVE.put(name, exe);
        }
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not finish natively");
        return new Run(p.exitValue(), output);
    }

    /** Runs /bin/ARGV[0] of the boot image in a freshly booted kernel; nothing may be left behind. */
    private static Run inClonix(Options options, String... argv) {
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        String path = "/bin/" + argv[0];
        int status = kernel.run(path, List.of(argv));
        GuestRun.checkNothingLeaked(kernel);
        return new Run(status, console.toString(StandardCharsets.UTF_8));
    }
}
