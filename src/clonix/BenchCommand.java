package clonix;

import bench.PingPongBench;
import bench.ProcessBench;
import bench.ProcessBench.Measurement;
import bench.ProcessBench.Workload;
import bench.SchedBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import obj.Executable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vm.InterpreterBench;

/**
 * {@code clonix bench NAME}: run one of the benchmarks recorded in docs/PERFORMANCE.md.
 * {@code interp} times the interpreter; {@code jit} the interpreter and the JIT side by side, on the bare
 * machine and on a 4-thread sum under the kernel; {@code fork} times fork + exit + wait with 1 MiB and
 * 64 MiB touched; {@code clone} times clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND) +
 * exit + wait; {@code sched} measures the scheduler (what a system call costs, what idle CPUs cost, the aggregate rate
 * with 1 to 64 CPUs, the cost of a decision among 100 to 10,000 threads, futex ping-pong); {@code pthread} thread
 * creation, mutexes and many threads alive; {@code uthread} the two-level library;
 * {@code startup} the time to the shell's prompt and of {@code run hello.c}; {@code cc} the
 * code the C compiler generates (tests/ccbench, docs/PERFORMANCE.md "C compiler: generated
 * code"); {@code explore} the time {@code clonix explore} takes to find a bug of depth 2. With
 * {@code --with-gcc} the same programs written in C (tests/bench) are built with the host's
 * gcc and timed in the same run, so the figures sit side by side.
 */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Run a benchmark: 'interp' measures the interpreter (about 20 s),"
        + " 'jit' the interpreter and the JIT side by side on the compiler's benchmark programs and on a 4-thread sum under the kernel (about two minutes),"
        + " 'fork' and 'clone' process creation (about half a minute each), 'sched' the scheduler (about two minutes),"
        + " 'pthread' and 'uthread' the thread libraries, 'startup' the time to the prompt, 'cc' the compiler's code,"
        + " 'explore' the time to find a bug of depth 2, 'race' what --race costs.")
final class BenchCommand extends ToolCommand {
    @Parameters(paramLabel = "NAME", description = "which benchmark: ${COMPLETION-CANDIDATES}")
    Name name;

    @Option(names = "--with-gcc", description = "also build and time the C versions in tests/bench with gcc")
    boolean withGcc;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "jit",
            description = "how the machines the benchmark boots execute guest code: jit or interp (default: ${DEFAULT-VALUE});"
                    + " 'interp' and 'jit' measure both engines, and 'sched' both for its first sections, whatever this says")
    String engine;

    enum Name { interp, jit, fork, clone, sched, startup, uthread, pthread, cc, explore, race }

    /** Iterations of the native runs: enough for about a second each on a 2020s machine. */
    private static final long NATIVE_FORK_1MIB = 5_000, NATIVE_FORK_64MIB = 500, NATIVE_CLONE = 20_000;

    @Override
    int call0() throws Exception {
        vm.Engine chosen = vm.Engine.parse(engine);
        if (chosen == null) throw new HostFiles.UserError("--engine must be interp or jit");
        // The benchmarks boot their machines with Options.defaults(), whose engine is the
        // clonix.engine property's: set it for this run only, since commands may run inside
        // a JVM that goes on (the tests).
        String before = System.getProperty("clonix.engine");
        System.setProperty("clonix.engine", chosen.optionName());
        try {
            run(spec.commandLine().getOut());
        } finally {
            if (before == null) System.clearProperty("clonix.engine");
            else System.setProperty("clonix.engine", before);
        }
        return 0;
    }

    /** Runs the benchmark named on the command line, printing its figures to {@code out}. */
    private void run(PrintWriter out) throws Exception {
        switch (name) {
            case interp -> interp(out);
            case jit -> engines(out);
            case fork -> processCreation(out, List.of(Workload.FORK_1MIB, Workload.FORK_64MIB));
            case clone -> processCreation(out, List.of(Workload.CLONE));
            case sched -> sched(out);
            case startup -> out.append(bench.StartupBench.run()).flush(); // docs/PERFORMANCE.md, "Start-up"
            case uthread -> out.append(bench.UthreadBench.run()).flush(); // docs/PERFORMANCE.md, "Two-level threads"
            case pthread -> PthreadBenchRun.run(out, withGcc); // docs/PERFORMANCE.md, "libpthread"
            case cc -> compiledCode(out);
            case explore -> out.append(bench.ExploreBench.run(ProjectDir.find().resolve("tests/concurrency/check_then_act.c"),
                    Runtime.getRuntime().availableProcessors())).flush(); // docs/PERFORMANCE.md, "Schedule exploration"
            case race -> out.append(bench.RaceBench.run(PingPongBench.compile(ProjectDir.find().resolve("tests/bench/race_work.c")))).flush(); // docs/PERFORMANCE.md, "The race detector"
        }
    }

    private void interp(PrintWriter out) throws Exception {
        out.print(InterpreterBench.run());
        out.flush();
        if (withGcc) {
            for (String loop : List.of("arith", "memloop")) {
                for (String opt : List.of("-O0", "-O2")) {
                    Path binary = buildWithGcc(loop, opt);
                    try {
                        String report = runNative(binary, List.of("200000000", "3"));
                        for (String line : report.split("\n")) out.append("gcc ").append(opt).append(' ').append(line).append('\n');
                    } finally {
                        Files.deleteIfExists(binary);
                    }
                    out.flush();
                }
            }
        }
    }

    /**
     * The two execution engines on the compiler's benchmark programs (tests/ccbench, bare
     * machine), with --with-gcc beside each program built with gcc -O0 and run natively (the
     * median CPU time of 21 runs, process start included) and the ratio of the JIT's time to it
     * (docs/PERFORMANCE.md, "The JIT"); then the 4-thread sum under the kernel.
     */
    private void engines(PrintWriter out) throws Exception {
        Path project = ProjectDir.find();
        if (!Path.of("").toAbsolutePath().equals(project)) throw new HostFiles.UserError("run 'bench jit' from the project directory " + project);
        out.print(bench.EngineBench.header().stripTrailing() + (withGcc ? String.format(" %12s %10s", "gcc -O0 ms", "jit/gcc") : "") + "\n");
        for (String name : cc.CompilerBench.NAMES) {
            bench.EngineBench.Figures f = bench.EngineBench.measure(name);
            out.print(bench.EngineBench.line(f).stripTrailing());
            if (withGcc) {
                Path binary = buildWithGcc(project.resolve("tests/ccbench/" + name + ".c"), "-O0");
                try {
                    double gcc = nativeCpuNanos(binary, List.of());
                    out.printf(" %12.1f %9.1fx", gcc / 1e6, f.jitNanos() / gcc);
                } finally {
                    Files.deleteIfExists(binary);
                }
            }
            out.println();
            out.flush();
        }
        kernelSum(out, project);
    }

    /**
     * The 4-thread sum under the kernel (bench.KernelSumBench), with --with-gcc beside the same
     * file built with gcc -O0 -pthread: the median CPU time of a run with as many longs less
     * the median of a run with none, as Clonix's figure leaves out boot, exec and thread creation.
     */
    private void kernelSum(PrintWriter out, Path project) throws Exception {
        out.println();
        out.print(bench.KernelSumBench.header(withGcc));
        out.flush();
        bench.KernelSumBench.Figures f = bench.KernelSumBench.measure(project);
        double gcc = -1;
        if (withGcc) {
            Path binary = buildWithGcc(project.resolve("tests/bench/parallel_sum.c"), "-O0", "-pthread");
            try {
                gcc = nativeCpuNanos(binary, List.of(Long.toString(bench.KernelSumBench.LONGS))) - nativeCpuNanos(binary, List.of("0"));
            } finally {
                Files.deleteIfExists(binary);
            }
        }
        out.print(bench.KernelSumBench.line(f, gcc));
        out.flush();
    }

    /**
     * The median CPU time (user + system, from bash's time) of 21 native runs of {@code binary}
     * with {@code args}, process start included, as the Clonix figures are the CPU time of the
     * thread running the machine.
     */
    private static double nativeCpuNanos(Path binary, List<String> args) throws Exception {
        long[] nanos = new long[21];
        for (int i = 0; i < nanos.length; i++) {
            List<String> command = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT=%3U:%3S; time \"$0\" \"$@\" > /dev/null", binary.toString()));
            command.addAll(args);
            String t = runProcess(command);
            if (t == null || !t.strip().matches("[0-9.]+:[0-9.]+")) throw new HostFiles.UserError(binary + ": cannot time the gcc build: " + t);
            String[] us = t.strip().split(":");
            nanos[i] = Math.round((Double.parseDouble(us[0]) + Double.parseDouble(us[1])) * 1e9);
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2];
    }

    /**
     * Measures each workload on Clonix; with --with-gcc also runs its C twin (gcc -O2) and
     * prints the two side by side (docs/PERFORMANCE.md, "Process creation").
     */
    private void processCreation(PrintWriter out, List<Workload> workloads) throws Exception {
        List<Measurement> measured = new ArrayList<>();
        for (Workload w : workloads) {
            Measurement m = ProcessBench.measure(w, w.defaultIterations, 5);
            measured.add(m);
            out.print(ProcessBench.line(m));
            out.flush();
        }
        out.print(ProcessBench.loadLine());
        if (!withGcc) return;
        out.println();
        out.print(ProcessBench.sideBySideHeader());
        for (Measurement m : measured) {
            Workload w = m.workload();
            Path binary = buildWithGcc(w.program, "-O2");
            try {
                long iterations = w == Workload.FORK_1MIB ? NATIVE_FORK_1MIB
                        : w == Workload.FORK_64MIB ? NATIVE_FORK_64MIB : NATIVE_CLONE;
                String report = runNative(binary, w.arguments(iterations));
                long[] parsed = ProcessBench.parseReport(report);
                if (parsed[0] <= 0 || parsed[1] <= 0) throw new HostFiles.UserError(w.program + ": unexpected output: " + report);
                out.print(ProcessBench.sideBySide(m, parsed[0] * 1e9 / parsed[1]));
            } finally {
                Files.deleteIfExists(binary);
            }
            out.flush();
        }
    }

    /**
     * The scheduler's figures (docs/PERFORMANCE.md, "The scheduler"): aggregate rates, decision
     * costs, and futex ping-pong, which --with-gcc compares with the same C program run natively.
     */
    private void sched(PrintWriter out) throws Exception {
        for (vm.Engine engine : vm.Engine.values()) out.print(SchedBench.line(SchedBench.syscallCost(engine, 5)));
        out.print(SchedBench.idleReport());
        out.flush();
        SchedBench.Rate oneCpu = null;
        for (int cpus : new int[] {1, 4, 16, 64}) {
            SchedBench.Rate r = SchedBench.aggregateRate(cpus, 3);
            if (oneCpu == null) oneCpu = r;
            out.print(SchedBench.line(r, oneCpu));
            out.flush();
        }
        for (int threads : new int[] {100, 1_000, 10_000}) {
            out.print(SchedBench.line(SchedBench.decisionCost(threads, 3)));
            out.flush();
        }
        Path project = ProjectDir.find();
        Executable pingPong = PingPongBench.compile(project.resolve("tests/bench/futex_pingpong.c"));
        PingPongBench.Result result = PingPongBench.measure(pingPong, 5);
        double nativeRate = -1;
        if (withGcc) {
            Path binary = buildWithGcc("futex_pingpong", "-O2");
            try {
                double[] rates = new double[3];
                for (int i = 0; i < rates.length; i++) {
                    String report = runNative(binary, List.of(Long.toString(PingPongBench.ROUNDS)));
                    long[] parsed = PingPongBench.parse(report);
                    if (parsed == null) throw new HostFiles.UserError("futex_pingpong: unexpected output: " + report);
                    rates[i] = parsed[0] * 1e9 / Math.max(1, parsed[1]);
                }
                Arrays.sort(rates);
                nativeRate = rates[1];
            } finally {
                Files.deleteIfExists(binary);
            }
        }
        out.print(PingPongBench.line(result, nativeRate));
        out.flush();
    }

    /**
     * The compiler's benchmark programs (tests/ccbench) on the bare machine; with --with-gcc
     * each is also built with gcc -O0 and run 50 times natively, and the median of a run is
     * printed beside it (it includes the process's start, about 1.5 ms).
     */
    private void compiledCode(PrintWriter out) throws Exception {
        Path project = ProjectDir.find();
        Path here = Path.of("").toAbsolutePath();
        if (!here.equals(project)) throw new HostFiles.UserError("run 'bench cc' from the project directory " + project);
        cc.CompilerBench.report(cc.CompilerBench.NAMES, 5, out);
        if (!withGcc) return;
        for (String name : cc.CompilerBench.NAMES) {
            Path binary = buildWithGcc(project.resolve("tests/ccbench/" + name + ".c"), "-O0");
            try {
                long[] nanos = new long[50];
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    runNative(binary, List.of());
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                out.printf("gcc -O0  %-8s median %.1f ms a run%n", name, nanos[nanos.length / 2] / 1e6);
            } finally {
                Files.deleteIfExists(binary);
            }
            out.flush();
        }
    }

    /** Builds tests/bench/NAME.c with gcc OPT into a temporary file, which the caller deletes. */
    private static Path buildWithGcc(String name, String opt) throws HostFiles.UserError, IOException, InterruptedException {
        return buildWithGcc(ProjectDir.find().resolve("tests/bench/" + name + ".c"), opt);
    }

    /** Builds C file {@code source} with gcc and {@code options} into a temporary file, which the caller deletes. */
    private static Path buildWithGcc(Path source, String... options) throws HostFiles.UserError, IOException, InterruptedException {
        if (!Files.exists(source)) throw new HostFiles.UserError(source + ": benchmark source not found");
        Path binary = Files.createTempFile("clonix-bench-", "");
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", binary.toString(), source.toString()));
        if (runProcess(command) == null) {
            Files.deleteIfExists(binary);
            throw new HostFiles.UserError("gcc failed to build " + source);
        }
        return binary;
    }

    /** Runs a native benchmark binary with {@code args}; returns its output. */
    private static String runNative(Path binary, List<String> args) throws HostFiles.UserError, IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        String report = runProcess(command);
        if (report == null) throw new HostFiles.UserError(binary + " failed");
        return report;
    }

    /** Runs a host command; returns its standard output, or null if it failed. */
    private static String runProcess(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? output : null;
    }
}
