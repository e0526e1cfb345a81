package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import obj.Executable;

/**
 * libpthread's figures (docs/PERFORMANCE.md, "libpthread"), from the C program
 * tests/bench/pthread_bench.c compiled by Clonix's compiler against the boot image's libc:
 * <ul>
 * <li>pthread_create + pthread_join pairs per second, and uncontended
 * pthread_mutex_lock + unlock pairs per second. As in {@link PingPongBench}, the host rate is
 * N over the difference of the median host times of runs with N and with 0 iterations, so
 * boot and exec are left out; the guest rate is what the program measures on the virtual
 * clock.
 * <li>How many threads can be alive at once, and the host memory each costs: the program
 * prints "mark 0" before creating its threads and "mark N" once all N are alive, blocked on
 * a barrier. The kernel runs on this host thread, so the console write of each mark happens
 * while the guest stands exactly there; the console stream collects garbage and reads the
 * heap in use at each mark, and the difference divided by N is the host memory per thread.
 * </ul>
 * Host time and memory are read here only; nothing guest-visible depends on them.
 */
public final class PthreadBench {
    /** Iterations of the timed runs. */
    public static final long CREATES = 5_000, LOCKS = 200_000;

    /** A rate: iterations per second on the host and on the guest's virtual clock. */
    public record Rate(String what, long iterations, double hostPerSecond, double guestPerSecond) {}

    /** Threads alive at once: whether it worked, the host bytes per thread, the guest frames used. */
    public record Alive(long threads, boolean ok, double hostBytesPerThread, String output) {}

    private PthreadBench() {}

    /** Measures "create" or "mutex" mode with {@code repetitions} pairs of runs after a warm-up. */
    public static Rate rate(Executable exe, String mode, long iterations, int repetitions) {
        Options options = Options.defaults();
        long[] empty = new long[repetitions], full = new long[repetitions];
        long[] guest = null;
        for (int r = -1; r < repetitions; r++) {
            long t0 = System.nanoTime();
            run(options, exe, mode, 0, OutputStream.nullOutputStream());
            long t1 = System.nanoTime();
            guest = parse(run(options, exe, mode, iterations, OutputStream.nullOutputStream()));
            long t2 = System.nanoTime();
            if (r < 0) continue;
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
        }
        double hostNanos = Math.max(1, Median.of(full) - Median.of(empty));
        return new Rate(mode, iterations, iterations * 1e9 / hostNanos, guest[0] * 1e9 / Math.max(1, guest[1]));
    }

    /**
     * Runs "alive N" on a machine with {@code memoryBytes} of memory and room for N + 16
     * tasks: threads-max raised to that when the default is too small, and pid_max too when
     * the default 32,768 ids are not enough (as an administrator would write both
     * /proc/sys/kernel files on Linux). 10,000 threads need neither.
     */
    public static Alive alive(Executable exe, long threads, long memoryBytes) {
        int tasks = (int) threads + 16;
        int pidMax = tasks + task.Pids.RESERVED_PIDS < task.Pids.PID_MAX ? 0 : tasks + task.Pids.RESERVED_PIDS + 1;
        Options options = Options.defaults().withMemory(memoryBytes).withPidMax(pidMax);
        if (tasks > task.Tasks.maxThreadsFor(memoryBytes >> 12)) options = options.withMaxTasks(tasks); // else the default suffices
        HeapAtMarks console = new HeapAtMarks();
        String output = run(options, exe, "alive", threads, console);
        boolean ok = output.contains(threads + " threads were alive at once");
        double perThread = console.heapAtMarks.size() == 2
                ? (console.heapAtMarks.get(1) - console.heapAtMarks.get(0)) / (double) threads : -1;
        return new Alive(threads, ok, perThread, output);
    }

    /** Boots a kernel, runs the program with MODE N, returns what it printed (throws if it failed). */
    private static String run(Options options, Executable exe, String mode, long n, OutputStream tee) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream both = new OutputStream() {
            @Override public void write(int b) throws java.io.IOException {
                out.write(b);
                tee.write(b);
            }

            @Override public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
                tee.write(b, off, len);
            }
        };
        Kernel k = Kernel.boot(options, both, new ByteArrayInputStream(new byte[0]));
        // Two VMAs per thread (its stack and guard page), as on Linux: vm.max_map_count must allow them.
        int maxTasks = k.tasks().maxTasks();
        if (maxTasks * 2L + 64 > k.tasks().vmSysctl().maxMapCount()) k.tasks().vmSysctl().setMaxMapCount(maxTasks * 2 + 64);
        k.install("/bin/pthread_bench", exe);
        int status = k.run("/bin/pthread_bench", List.of("pthread_bench", mode, Long.toString(n)));
        String text = out.toString(StandardCharsets.UTF_8);
        if (status != 0 && !mode.equals("alive")) throw new IllegalStateException("pthread_bench failed (" + status + "): " + text);
        return text;
    }

    /** A console that records the host heap in use whenever a line starting "mark " is written. */
    private static final class HeapAtMarks extends OutputStream {
        final List<Long> heapAtMarks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        @Override public void write(int b) {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            if (line.toString().startsWith("mark ")) heapAtMarks.add(usedHeapAfterGc());
            line.setLength(0);
        }

        private static long usedHeapAfterGc() {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) System.gc();
            return rt.totalMemory() - rt.freeMemory();
        }
    }

    /** Parses "N creates in T ns" or "N locks in T ns" into {N, T}. */
    public static long[] parse(String output) {
        for (String line : output.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 5 && w[2].equals("in") && w[4].equals("ns")) {
                try {
                    return new long[] {Long.parseLong(w[0]), Long.parseLong(w[3])};
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("pthread_bench: bad report: " + line);
                }
            }
        }
        throw new IllegalStateException("pthread_bench: no report in: " + output);
    }

    /** The report line of a rate, with the native rate if measured (else a negative number). */
    public static String line(Rate r, double nativePerSecond) {
        String label = r.what().equals("create") ? "pthread_create+join" : "mutex lock+unlock  ";
        String nat = nativePerSecond < 0 ? "" : String.format(Locale.ROOT, "   native (gcc -O2) %,14.0f /s   native/host %.1fx",
                nativePerSecond, nativePerSecond / r.hostPerSecond());
        return String.format(Locale.ROOT, "clonix   %s %,12.0f /s host   %,14.0f /s guest%s%n",
                label, r.hostPerSecond(), r.guestPerSecond(), nat);
    }

    /** The report line of an alive run. */
    public static String line(Alive a, long memoryBytes) {
        String[] printed = a.output().trim().split("\n");
        String result = a.ok() ? "ok" : "FAILED (" + printed[printed.length - 1] + ")";
        return String.format(Locale.ROOT, "clonix   %,7d threads alive (%d MiB guest memory): %s   %,.0f host bytes/thread%n",
                a.threads(), memoryBytes >> 20, result, a.hostBytesPerThread());
    }
}
