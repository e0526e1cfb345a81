package boot;

/**
 * How to build the machine: CPUs, memory, the seed of the interleaving, and the scheduler's
 * time constants. Same options (and the same programs) give the same run, byte for byte.
 *
 * @param cpus           virtual CPUs (1..64)
 * @param memoryBytes    physical memory
 * @param seed           seed of the burst lengths, hence of the interleaving of the CPUs
 * @param timeSliceTicks round-robin slice, in timer ticks
 * @param burstCycles    mean length of one CPU's burst in a round of the machine loop
 * @param tickCycles     cycles between timer ticks (1e9 / HZ: {@link #withHz})
 * @param maxTasks       /proc/sys/kernel/threads-max at boot: most tasks at once (fork beyond it fails
 *                       with EAGAIN), or 0 for Linux's default for the memory size
 *                       (task.Tasks.maxThreadsFor)
 * @param cycleLimit     virtual cycles (nanoseconds) a command may run (0: no limit): Kernel.run stops
 *                       its command and everything left, a shell session kills a foreground job that
 *                       runs longer (--time-limit)
 * @param mount          a host directory mounted read-write at fs.HostDirFs.GUEST_PATH (/mnt/host), or null
 * @param policy         the scheduling policy's name (sched.Policies: "rr", "fcfs")
 * @param pidMax         /proc/sys/kernel/pid_max at boot, or 0 for Linux's default for the CPU count
 *                       (task.Pids.defaultPidMax)
 * @param engine         how the CPUs execute guest code (vm.Engine: the interpreter or the JIT); both
 *                       give the same run, byte for byte
 */
public record Options(int cpus, long memoryBytes, long seed, int timeSliceTicks, int burstCycles, long tickCycles,
        int maxTasks, long cycleLimit, java.nio.file.Path mount, String policy, int pidMax, vm.Engine engine) {

    /** Cycles in one virtual second: one cycle is one nanosecond. */
    public static final long CYCLES_PER_SECOND = 1_000_000_000L;
    /** The most timer ticks per second {@link #withHz} takes: a tick of 100 cycles, one mean burst. */
    public static final long MAX_HZ = 10_000_000L;

    /**
     * The default memory, 640 MiB: its default threads-max (10,240) lets one process keep
     * 10,000 threads alive, and a JVM of 1 GiB holds it (852 MiB, boot.JavaHeap).
     */
    public static final long DEFAULT_MEMORY = 640L << 20;

    /**
     * 4 CPUs, 640 MiB, seed 42, round-robin slices of 4 ticks of 10,000 cycles, bursts of 100,
     * threads-max and pid_max from the machine (10,240 and 32,768), no cycle limit, no mount,
     * and the engine {@link #defaultEngine}.
     */
    public static Options defaults() {
        return new Options(4, DEFAULT_MEMORY, 42, 4, 100, 10_000, 0, 0, null, "rr", 0, defaultEngine());
    }

    /**
     * The JIT, unless the system property {@code clonix.engine} names another engine
     * ("interp"): that lets the whole test suite run under the interpreter ({@code mvn verify
     * -Dclonix.engine=interp}) to show that it changes nothing. The engine never changes what
     * a guest sees, so this host setting cannot make runs differ.
     */
    public static vm.Engine defaultEngine() {
        vm.Engine e = vm.Engine.parse(System.getProperty("clonix.engine", "jit"));
        if (e == null) throw new IllegalArgumentException("clonix.engine: unknown engine " + System.getProperty("clonix.engine"));
        return e;
    }

    public Options withCpus(int n) {
        return new Options(n, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, pidMax, engine);
    }

    public Options withMemory(long bytes) {
        return new Options(cpus, bytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, pidMax, engine);
    }

    public Options withSeed(long s) {
        return new Options(cpus, memoryBytes, s, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, pidMax, engine);
    }

    public Options withTimeSlice(int ticks) {
        return new Options(cpus, memoryBytes, seed, ticks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, pidMax, engine);
    }

    /**
     * These options with {@code hz} timer ticks per virtual second (Linux's CONFIG_HZ), that
     * is a tick every 1e9 / hz cycles, rounded down; hz must be in 1..{@link #MAX_HZ}. The
     * default tick of 10,000 cycles is 100,000 Hz.
     */
    public Options withHz(long hz) {
        if (hz < 1 || hz > MAX_HZ) throw new IllegalArgumentException("hz out of range: " + hz);
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, CYCLES_PER_SECOND / hz, maxTasks,
                cycleLimit, mount, policy, pidMax, engine);
    }

    public Options withMaxTasks(int n) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, n, cycleLimit, mount, policy, pidMax, engine);
    }

    /**
     * These options with the host directory {@code hostDir} mounted read-write at /mnt/host
     * (fs.HostDirFs.GUEST_PATH); nothing outside it is reachable from the guest.
     */
    public Options withMount(java.nio.file.Path hostDir) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, hostDir, policy, pidMax, engine);
    }

    public Options withCycleLimit(long cycles) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycles, mount, policy, pidMax, engine);
    }

    /** These options with the scheduling policy called {@code name} (see sched.Policies; checked at boot). */
    public Options withPolicy(String name) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, name, pidMax, engine);
    }

    /**
     * These options with /proc/sys/kernel/pid_max set to {@code max} at boot (0: Linux's
     * default for the CPU count); it must be 0 or in task.Pids.PID_MAX_MIN..PID_MAX_LIMIT.
     */
    public Options withPidMax(int max) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, max, engine);
    }

    /** These options with CPUs that execute guest code with {@code e}. */
    public Options withEngine(vm.Engine e) {
        return new Options(cpus, memoryBytes, seed, timeSliceTicks, burstCycles, tickCycles, maxTasks, cycleLimit, mount, policy, pidMax, e);
    }
}
