package clonix;

import boot.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sched.Policies;
import task.Pids;
import task.Tasks;

/**
 * The options that describe the machine to boot, shared by {@code clonix} (the shell) and
 * {@code clonix run}: CPUs, memory, the seed of the interleaving, the scheduler's time
 * constants and policy, the task limits (threads-max, pid_max), and a host directory to mount. {@link #toOptions} checks them,
 * and that the Java heap can hold the memory asked for ({@link boot.JavaHeap}), and builds the kernel's {@link Options}.
 */
final class MachineOptions {
    /** The smallest --mem: the file system, half the memory, must hold the boot image (3.4 MB). */
    static final int MIN_MEM_MIB = 16;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "4", description = "virtual CPUs, 1 to 64 (default: ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--mem", paramLabel = "MIB", defaultValue = "" + (Options.DEFAULT_MEMORY >> 20),
            description = "physical memory in MiB (default: ${DEFAULT-VALUE})")
    int memMiB;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed of the CPU interleaving (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--timeslice", paramLabel = "TICKS", defaultValue = "4", description = "round-robin time slice in ticks (default: ${DEFAULT-VALUE})")
    int timeslice;

    @Option(names = "--hz", paramLabel = "HZ", defaultValue = "100000",
            description = "timer ticks per virtual second, 1 to 10000000; a tick is 1e9/HZ cycles (default: ${DEFAULT-VALUE})")
    long hz;

    @Option(names = "--sched", paramLabel = "POLICY", defaultValue = "rr",
            description = "scheduling policy: rr (round-robin with real-time priorities), fcfs, or stride "
                    + "(proportional share by nice value) (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--max-threads", paramLabel = "N", defaultValue = "0",
            description = "most tasks at once, as /proc/sys/kernel/threads-max, 20 to 1073741823 "
                    + "(default: Linux's, one task per 16 pages of memory: 10240 for 640 MiB)")
    int maxThreads;

    @Option(names = "--pid-max", paramLabel = "N", defaultValue = "0",
            description = "one above the largest pid, as /proc/sys/kernel/pid_max, 301 to 4194304 "
                    + "(default: Linux's, max(32768, 1024 per CPU))")
    int pidMax;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "seconds of virtual time a command may run: 'run' stops its program and "
                    + "everything it started, the shell kills a foreground job that runs longer (default: no limit)")
    double timeLimit;

    @Option(names = "--mount", paramLabel = "HOSTDIR",
            description = "mount the host directory HOSTDIR read-write at /mnt/host in the guest")
    Path mount;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "jit",
            description = "how the CPUs execute guest code: jit (hot code translated to JVM classes) or "
                    + "interp (the interpreter alone); both give the same output (default: ${DEFAULT-VALUE})")
    String engine;

    /** The largest --time-limit: a million seconds, far beyond any run, well within the cycle counter. */
    static final double MAX_TIME_LIMIT = 1e6;

    /** The kernel's options for these values; a UserError names the first bad one. */
    Options toOptions() throws HostFiles.UserError {
        if (cpus < 1 || cpus > 64) throw new HostFiles.UserError("--cpus must be between 1 and 64");
        if (memMiB < MIN_MEM_MIB || memMiB > 4096) {
            throw new HostFiles.UserError("--mem must be between " + MIN_MEM_MIB + " and 4096 MiB");
        }
        String tooLarge = boot.JavaHeap.refusal(memMiB, Runtime.getRuntime().maxMemory());
        if (tooLarge != null) throw new HostFiles.UserError(tooLarge);
        if (timeslice < 1) throw new HostFiles.UserError("--timeslice must be at least 1");
        if (hz < 1 || hz > Options.MAX_HZ) throw new HostFiles.UserError("--hz must be between 1 and " + Options.MAX_HZ);
        if (!Policies.NAMES.contains(policy)) {
            throw new HostFiles.UserError("--sched: unknown policy '" + policy + "' (known: " + String.join(", ", Policies.NAMES) + ")");
        }
        if (maxThreads != 0 && (maxThreads < Tasks.MIN_MAX_TASKS || maxThreads > Tasks.MAX_MAX_TASKS)) {
            throw new HostFiles.UserError("--max-threads must be between " + Tasks.MIN_MAX_TASKS + " and " + Tasks.MAX_MAX_TASKS);
        }
        if (pidMax != 0 && (pidMax < Pids.PID_MAX_MIN || pidMax > Pids.PID_MAX_LIMIT)) {
            throw new HostFiles.UserError("--pid-max must be between " + Pids.PID_MAX_MIN + " and " + Pids.PID_MAX_LIMIT);
        }
        if (!(timeLimit >= 0 && timeLimit <= MAX_TIME_LIMIT)) {
            throw new HostFiles.UserError("--time-limit must be between 0 (none) and " + (long) MAX_TIME_LIMIT + " seconds");
        }
        vm.Engine chosen = vm.Engine.parse(engine);
        if (chosen == null) throw new HostFiles.UserError("--engine must be interp or jit");
        if (mount != null && !Files.isDirectory(mount)) throw new HostFiles.UserError("--mount: not a directory: " + mount);
        if (mount != null) {
            try {
                fs.HostDirFs.checkMountable(mount);
            } catch (IOException e) {
                throw new HostFiles.UserError("--mount: cannot mount " + mount + ": " + e.getMessage());
            }
        }
        Options options = Options.defaults().withCpus(cpus).withMemory((long) memMiB << 20).withSeed(seed)
                .withTimeSlice(timeslice).withHz(hz).withPolicy(policy).withMaxTasks(maxThreads).withPidMax(pidMax)
                .withCycleLimit(Math.round(timeLimit * Options.CYCLES_PER_SECOND)).withEngine(chosen);
        return mount == null ? options : options.withMount(mount);
    }
}
