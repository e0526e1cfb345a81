package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import obj.Executable;
import task.Task;

/**
 * The scheduler's benchmarks (docs/PERFORMANCE.md, "The scheduler"), run by
 * {@code ./clonix bench sched}:
 * <ul>
 * <li><b>Aggregate rate.</b> With N CPUs, N processes each spin through an equal share of a
 * fixed amount of work (bench/spin_share.s); the rate is the guest instructions they ran
 * per second of host time. The machine simulates every CPU on one host thread, so the ideal
 * is a rate that does not depend on N: per-CPU costs (bursts, ticks, balancing) must not
 * grow with the number of CPUs.
 * <li><b>Decision cost.</b> T threads on 8 CPUs call sched_yield forever
 * (bench/yield_crowd.s); every yield is one scheduling decision and one context switch. The
 * host time per switch must not grow with T.
 * <li><b>Idle CPUs.</b> One process spins (bench/spin_share.s with one process) on machines
 * of 1, 4, 16 and 64 CPUs. The host CPU time must not grow with the idle CPUs: an idle CPU
 * costs nothing until something can run on it. Each machine is also timed with the lone
 * busy CPU's long bursts turned off (sched.Scheduler#setLongBursts), to show what they add.
 * <li><b>System-call cost.</b> One process calls getpid in a loop (bench/getpid_loop.s): the
 * host CPU time and the bytes the host thread allocates per call, which is the cost of the
 * system-call path itself (the trap, the table's dispatch, the return to user mode).
 * </ul>
 * All use differences of two runs to leave out boot, exec and the teardown: the
 * aggregate rate subtracts a run that does one iteration per process, the decision cost
 * stops identical runs at two cycle limits (the runs are deterministic, so the first is a
 * prefix of the second) and divides the extra host time by the extra switches. Host time is
 * read here only; nothing guest-visible depends on it.
 */
public final class SchedBench {
    /** Physical memory of the benchmark machines. */
    static final long MEMORY_BYTES = 256L << 20;
    /** Total spin-loop iterations of one aggregate-rate run, shared out among the CPUs. */
    public static final long SPIN_ITERATIONS = 150_000_000L;
    /** CPUs of the decision-cost machine. */
    public static final int CROWD_CPUS = 8;
    /** Cycle limits of the two decision-cost runs: after the threads exist, then a window later. */
    static final long CROWD_FIRST_LIMIT = 10_000_000L, CROWD_SECOND_LIMIT = 30_000_000L;

    /** Guest instructions per host second with {@code cpus} CPUs busy. */
    public record Rate(int cpus, long instructions, double hostSeconds) {
        public double perSecond() { return instructions / hostSeconds; }
    }

    /**
     * Iterations of the idle-CPU benchmark's one spinning process (two instructions each)
     * under the interpreter; the JIT runs twenty times as many, to take as long.
     */
    public static final long IDLE_ITERATIONS = 30_000_000L;

    /** The idle-CPU benchmark's iterations under {@code engine}. */
    static long idleIterations(vm.Engine engine) {
        return engine == vm.Engine.JIT ? 20 * IDLE_ITERATIONS : IDLE_ITERATIONS;
    }

    /**
     * Host CPU nanoseconds for one busy process on {@code cpus} CPUs run by {@code engine},
     * with and without the lone busy CPU's long bursts.
     */
    public record IdleCost(int cpus, vm.Engine engine, double nanos, double nanosWithoutLongBursts) {}

    /** Calls of the system-call benchmark's timed run. */
    public static final long SYSCALL_ITERATIONS = 2_000_000L;

    /** Host CPU nanoseconds and bytes allocated by the host thread per system call, under {@code engine}. */
    public record SyscallCost(vm.Engine engine, long calls, double nanos, double bytes) {
        public double nanosPerCall() { return nanos / calls; }
        public double bytesPerCall() { return bytes / calls; }
    }

    /** Host nanoseconds per scheduling decision with {@code threads} runnable threads. */
    public record DecisionCost(int threads, long switches, double hostNanos) {
        public double nanosPerSwitch() { return hostNanos / switches; }
    }

    private SchedBench() {}

    /**
     * Measures the aggregate rate with {@code cpus} CPUs: {@code repetitions} pairs of runs
     * (one iteration per process, then the full share), after one warm-up pair.
     */
    public static Rate aggregateRate(int cpus, int repetitions) {
        Executable exe = BenchPrograms.build("spin_share");
        Options options = Options.defaults().withCpus(cpus).withMemory(MEMORY_BYTES);
        long share = SPIN_ITERATIONS / cpus;
        long[] empty = new long[repetitions], full = new long[repetitions];
        long instructions = 0;
        for (int r = -1; r < repetitions; r++) {
            long t0 = System.nanoTime();
            long base = userInstructions(run(options, exe, "spin_share", List.of(Integer.toString(cpus), "1")));
            long t1 = System.nanoTime();
            long all = userInstructions(run(options, exe, "spin_share", List.of(Integer.toString(cpus), Long.toString(share))));
            long t2 = System.nanoTime();
            if (r < 0) continue; // warm-up: HotSpot compiles the loop during the first runs
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
            instructions = all - base;
        }
        return new Rate(cpus, instructions, Math.max(1, Median.of(full) - Median.of(empty)) / 1e9);
    }

    /**
     * Measures the decision cost with {@code threads} yielding threads on {@link #CROWD_CPUS}
     * CPUs: {@code repetitions} pairs of runs stopped at the two cycle limits, after one
     * warm-up pair.
     */
    public static DecisionCost decisionCost(int threads, int repetitions) {
        Executable exe = BenchPrograms.build("yield_crowd");
        Options base = Options.defaults().withCpus(CROWD_CPUS).withMemory(MEMORY_BYTES).withMaxTasks(threads + 16);
        long[] first = new long[repetitions], second = new long[repetitions];
        long switches = 0;
        for (int r = -1; r < repetitions; r++) {
            long t0 = System.nanoTime();
            long s1 = switches(run(base.withCycleLimit(CROWD_FIRST_LIMIT), exe, "yield_crowd", List.of(Integer.toString(threads))));
            long t1 = System.nanoTime();
            long s2 = switches(run(base.withCycleLimit(CROWD_SECOND_LIMIT), exe, "yield_crowd", List.of(Integer.toString(threads))));
            long t2 = System.nanoTime();
            if (r < 0) continue;
            first[r] = t1 - t0;
            second[r] = t2 - t1;
            switches = s2 - s1;
        }
        return new DecisionCost(threads, Math.max(1, switches), Math.max(1, Median.of(second) - Median.of(first)));
    }

    /**
     * Measures the idle-CPU cost with {@code cpus} CPUs: {@code repetitions} pairs of runs of
     * one spinning process (one iteration, then {@link #IDLE_ITERATIONS}), after one warm-up
     * pair, with long bursts and then without. The time is the host CPU time of this thread,
     * which runs the whole machine, so other processes on the host do not count.
     */
    public static IdleCost idleCost(int cpus, vm.Engine engine, int repetitions) {
        Executable exe = BenchPrograms.build("spin_share");
        Options options = Options.defaults().withCpus(cpus).withMemory(MEMORY_BYTES).withEngine(engine);
        double[] nanos = new double[2];
        for (int longBursts = 1; longBursts >= 0; longBursts--) {
            long[] empty = new long[repetitions], full = new long[repetitions];
            for (int r = -1; r < repetitions; r++) {
                long t0 = threadCpuNanos();
                run(options, exe, "spin_share", List.of("1", "1"), longBursts == 1);
                long t1 = threadCpuNanos();
                run(options, exe, "spin_share", List.of("1", Long.toString(idleIterations(engine))), longBursts == 1);
                long t2 = threadCpuNanos();
                if (r < 0) continue;
                empty[r] = t1 - t0;
                full[r] = t2 - t1;
            }
            nanos[1 - longBursts] = Math.max(1, Median.of(full) - Median.of(empty));
        }
        return new IdleCost(cpus, engine, nanos[0], nanos[1]);
    }

    /**
     * Measures the system-call cost under {@code engine}: {@code repetitions} pairs of runs of
     * getpid_loop (one call, then {@link #SYSCALL_ITERATIONS}), after one warm-up pair. The
     * time is this thread's CPU time and the bytes are what this thread allocated
     * (com.sun.management.ThreadMXBean), medians of the differences of each pair.
     */
    public static SyscallCost syscallCost(vm.Engine engine, int repetitions) {
        Executable exe = BenchPrograms.build("getpid_loop");
        Options options = Options.defaults().withCpus(1).withMemory(MEMORY_BYTES).withEngine(engine);
        long[] nanos = new long[repetitions], bytes = new long[repetitions];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = -1; r < repetitions; r++) {
            long t0 = threadCpuNanos(), b0 = ProcessBench.allocatedBytes(threads);
            run(options, exe, "getpid_loop", List.of("1"));
            long t1 = threadCpuNanos(), b1 = ProcessBench.allocatedBytes(threads);
            run(options, exe, "getpid_loop", List.of(Long.toString(SYSCALL_ITERATIONS)));
            long t2 = threadCpuNanos(), b2 = ProcessBench.allocatedBytes(threads);
            if (r < 0) continue;
            nanos[r] = (t2 - t1) - (t1 - t0);
            bytes[r] = (b2 - b1) - (b1 - b0);
        }
        return new SyscallCost(engine, SYSCALL_ITERATIONS - 1, Math.max(1, Median.of(nanos)), Math.max(0, Median.of(bytes)));
    }

    /** One report line for a system-call cost. */
    public static String line(SyscallCost c) {
        return String.format(Locale.ROOT, "clonix   getpid, %-6s              %,8.1f ns per call   %,6.1f bytes allocated per call%n",
                c.engine().optionName(), c.nanosPerCall(), c.bytesPerCall());
    }

    /** The idle-CPU figures for 1, 4, 16 and 64 CPUs under both engines, with a header line. */
    public static String idleReport() {
        StringBuilder out = new StringBuilder("clonix   one busy process: host CPU ms (x 1 CPU), without long bursts\n");
        for (vm.Engine engine : vm.Engine.values()) {
            IdleCost one = null;
            for (int cpus : new int[] {1, 4, 16, 64}) {
                IdleCost c = idleCost(cpus, engine, 3);
                if (one == null) one = c;
                out.append(String.format(Locale.ROOT, "clonix   %-6s %,5d M instr, %2d CPUs   %7.0f ms (%4.2fx)   %7.0f ms (%4.2fx)%n",
                        engine.optionName(), 2 * idleIterations(engine) / 1_000_000, cpus, c.nanos() / 1e6, c.nanos() / one.nanos(),
                        c.nanosWithoutLongBursts() / 1e6, c.nanosWithoutLongBursts() / one.nanos()));
            }
        }
        return out.toString();
    }

    /** The host CPU time of the calling thread, which runs the machine. */
    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** One report line for an aggregate rate, with its ratio to {@code oneCpu}'s rate. */
    public static String line(Rate r, Rate oneCpu) {
        return String.format(Locale.ROOT, "clonix   aggregate rate, %2d CPUs busy   %,8.1f M instr/s host   (%3.0f%% of 1 CPU)%n",
                r.cpus(), r.perSecond() / 1e6, 100 * r.perSecond() / oneCpu.perSecond());
    }

    /** One report line for a decision cost. */
    public static String line(DecisionCost d) {
        return String.format(Locale.ROOT, "clonix   %,6d threads on %d CPUs      %,8.0f ns per switch   (%,d switches timed)%n",
                d.threads(), CROWD_CPUS, d.nanosPerSwitch(), d.switches());
    }

    /** A booted machine after it ran {@code exe} as /bin/NAME with {@code args} to the end or to its cycle limit. */
    private static Kernel run(Options options, Executable exe, String name, List<String> args) {
        return run(options, exe, name, args, true);
    }

    /** {@link #run(Options, Executable, String, List)} with the lone busy CPU's long bursts on or off. */
    private static Kernel run(Options options, Executable exe, String name, List<String> args, boolean longBursts) {
        Kernel k = Kernel.boot(options, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        k.scheduler().setLongBursts(longBursts);
        k.install("/bin/" + name, exe);
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(args);
        int status = k.run("/bin/" + name, argv);
        boolean limited = options.cycleLimit() > 0;
        if (!limited && status != 0) throw new IllegalStateException(name + " failed with status " + status);
        if (limited && k.reports().isEmpty()) throw new IllegalStateException(name + " ended before its cycle limit");
        return k;
    }

    /** User-mode cycles (one per instruction) of every task the machine ever ran. */
    private static long userInstructions(Kernel k) {
        long sum = 0;
        for (Task t : k.tasks().pids().all()) sum += t.utime();
        for (int cpu = 0; cpu < k.scheduler().cpuCount(); cpu++) sum += k.tasks().releasedUserTime(cpu);
        return sum;
    }

    /** Context switches on every CPU of the machine. */
    private static long switches(Kernel k) {
        long sum = 0;
        for (int i = 0; i < k.scheduler().cpuCount(); i++) sum += k.scheduler().runQueue(i).switches();
        return sum;
    }


    /** Prints the whole report (java -cp ... bench.SchedBench). */
    public static void main(String[] args) {
        for (vm.Engine engine : vm.Engine.values()) System.out.print(line(syscallCost(engine, 5)));
        System.out.print(idleReport());
        Rate one = null;
        for (int cpus : new int[] {1, 4, 16, 64}) {
            Rate r = aggregateRate(cpus, 3);
            if (one == null) one = r;
            System.out.print(line(r, one));
        }
        for (int threads : new int[] {10, 100, 1_000, 10_000}) System.out.print(line(decisionCost(threads, 3)));
    }
}
