package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import task.Task;
import trace.TraceEvent;
import trace.TraceKind;

/**
 * The machine loop's shortcuts change nothing but host time: an idle CPU draws no burst and
 * is not visited, and a lone busy CPU that runs many rounds in one go (Scheduler#runLone)
 * gives the run the round-by-round loop gives, to the cycle: the same output, the same
 * trace with the same timestamps, the same CPU times, switches and clock.
 */
class MachineLoopTest {
    /**
     * One thread that computes, reads the clocks, takes CPU-time timer signals (ITIMER_VIRTUAL
     * and ITIMER_PROF, which the kernel checks before each return to user mode), sleeps, and
     * starts a worker thread that another CPU picks up.
     */
    static final String LONE = """
            #include <pthread.h>
            #include <sched.h>
            #include <signal.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/time.h>
            #include <time.h>

            static volatile long vticks, pticks;
            static void onVirtual(int sig) { (void) sig; vticks++; }
            static void onProf(int sig) { (void) sig; pticks++; }

            static long ns(clockid_t c) {
                struct timespec ts;
                clock_gettime(c, &ts);
                return ts.tv_sec * 1000000000L + ts.tv_nsec;
            }

            static unsigned long spin(long n) {
                unsigned long a = 1, b = 7;
                for (long i = 0; i < n; i++) { a = a * 3 + b; b ^= a >> 7; }
                return a ^ b;
            }

            static void *worker(void *arg) {
                long n = (long) arg;
                return (void *) spin(n);
            }

            int main(void) {
                // Move to CPU 0, then allow CPU 1 as well: each worker is placed on CPU 1,
                // which comes after this thread's CPU in a round.
                cpu_set_t cpus;
                CPU_ZERO(&cpus);
                CPU_SET(0, &cpus);
                sched_setaffinity(0, sizeof cpus, &cpus);
                sched_yield();
                CPU_SET(1, &cpus);
                sched_setaffinity(0, sizeof cpus, &cpus);
                signal(SIGVTALRM, onVirtual);
                signal(SIGPROF, onProf);
                struct itimerval v = {{0, 37}, {0, 37}}, p = {{0, 91}, {0, 91}};
                setitimer(ITIMER_VIRTUAL, &v, 0);
                setitimer(ITIMER_PROF, &p, 0);
                for (int round = 0; round < 4; round++) {
                    unsigned long x = spin(20000 + 7919 * round);
                    printf("round %d: %lu at %ld, cpu %ld, %ld/%ld ticks\\n", round, x, ns(CLOCK_MONOTONIC),
                           ns(CLOCK_PROCESS_CPUTIME_ID), vticks, pticks);
                    struct timespec nap = {0, 3000 + 1000 * round};
                    nanosleep(&nap, 0);
                    pthread_t t;
                    void *r;
                    pthread_create(&t, 0, worker, (void *) (long) (5000 * round + 100));
                    spin(300);
                    pthread_join(t, &r);
                    printf("worker %lu at %ld\\n", (unsigned long) r, ns(CLOCK_MONOTONIC));
                }
                return 0;
            }
            """;

    /**
     * Phases of system calls a few instructions apart, then of long computation, with
     * gaps of every length in between: the look-ahead of a lone CPU (Scheduler#runLone)
     * shrinks at each call and grows again while none comes, so its long runs end in every
     * kind of place.
     */
    static final String SYSCALLS = """
            #include <stdio.h>
            #include <time.h>
            #include <unistd.h>

            int main(void) {
                unsigned long a = 1;
                for (int phase = 0; phase < 6; phase++) {
                    long pids = 0;
                    for (int i = 0; i < 400; i++) pids += getpid();
                    for (long gap = 1; gap < 200000; gap = gap * 3 + phase) {
                        for (long i = 0; i < gap; i++) a = a * 5 + (unsigned long) i;
                        struct timespec ts;
                        clock_gettime(CLOCK_MONOTONIC, &ts);
                        a ^= (unsigned long) ts.tv_nsec;
                    }
                    printf("phase %d: %ld %lu\\n", phase, pids, a);
                }
                return 0;
            }
            """;

    @TempDir static Path tmp;
    static Executable lone, syscalls;

    @BeforeAll
    static void compile() throws Exception {
        lone = CGuest.compile(tmp, "lone", LONE);
        syscalls = CGuest.compile(tmp, "syscalls", SYSCALLS);
    }

    /** Everything a run shows, and the trace of it. */
    record Run(String output, List<TraceEvent> trace, List<String> tasks, List<Long> switches, long clock, List<String> reports) {}

    static Run run(Options options, boolean longBursts) {
        return run(options, longBursts, lone);
    }

    /** Runs program {@code exe} as /tmp/lone with long bursts on or off. */
    static Run run(Options options, boolean longBursts, Executable exe) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options, out, new ByteArrayInputStream(new byte[0]));
        k.install("/tmp/lone", exe);
        Scheduler sched = k.scheduler();
        sched.setLongBursts(longBursts);
        sched.tracer().enable(1 << 16);
        List<String> tasks = new ArrayList<>();
        k.tasks().observeReleases(t -> tasks.add(accounting(t)));
        k.run("/tmp/lone", List.of("lone"));
        GuestRun.checkNothingLeaked(k);
        List<Long> switches = new ArrayList<>();
        for (int i = 0; i < sched.cpuCount(); i++) switches.add(sched.runQueue(i).switches());
        assertTrue(sched.tracer().dropped() == 0, "the trace buffer holds the whole run");
        return new Run(out.toString(StandardCharsets.UTF_8), sched.tracer().events(), tasks, switches, sched.now(),
                k.reports());
    }

    /** Asserts that two runs show the same, naming the first trace event where they part. */
    static void assertSameRun(Run expected, Run actual) {
        assertSameTrace(expected.trace(), actual.trace());
        assertEquals(expected.output(), actual.output());
        assertEquals(expected.tasks(), actual.tasks());
        assertEquals(expected.switches(), actual.switches());
        assertEquals(expected.clock(), actual.clock());
        assertEquals(expected.reports(), actual.reports());
    }

    /** Asserts that two traces are the same, event by event, naming the first that differs. */
    static void assertSameTrace(List<TraceEvent> a, List<TraceEvent> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) assertEquals(a.get(i), b.get(i), "trace event " + i);
        assertEquals(a.size(), b.size(), "trace events");
    }

    private static String accounting(Task t) {
        return t.tid() + " " + t.comm() + " utime " + t.utime() + " stime " + t.stime() + " voluntary "
                + t.voluntarySwitches() + " involuntary " + t.involuntarySwitches() + " migrations " + t.migrations();
    }

    @Test
    void aLoneBusyCpuRunsExactlyAsRoundByRound() {
        Options options = Options.defaults().withCycleLimit(50_000_000);
        Run merged = run(options, true), rounds = run(options, false);
        assertTrue(merged.output().contains("round 3"), merged.output());
        assertSameRun(rounds, merged);
    }

    @Test
    void aLookAheadThatShrinksAtSystemCallsAndGrowsAgainChangesNothing() {
        Options options = Options.defaults().withCycleLimit(50_000_000);
        Run merged = run(options, true, syscalls), rounds = run(options, false, syscalls);
        assertTrue(merged.output().contains("phase 5: "), merged.output());
        assertSameRun(rounds, merged);
    }

    @Test
    void longBurstsUnderTheJitRunAsUnderTheInterpreter() {
        // The JIT runs a translated block only when the budget left holds all of it: a long
        // burst lets it run where a short one would not, and nothing may show it.
        Options options = Options.defaults().withCycleLimit(50_000_000);
        assertSameRun(run(options.withEngine(vm.Engine.INTERP), true), run(options.withEngine(vm.Engine.JIT), true));
    }

    @Test
    void theTimeLimitStopsALongBurstOnTheSameCycle() {
        // 0.3 ms of virtual time: the limit falls in the middle of the second computation.
        Options options = Options.defaults().withCycleLimit(300_000);
        Run merged = run(options, true), rounds = run(options, false);
        assertEquals(1, merged.reports().size());
        assertTrue(merged.reports().get(0).startsWith("clonix: time limit"), merged.reports().get(0));
        assertSameRun(rounds, merged);
    }

    @Test
    void idleCpusChangeNothing() {
        // On 2 CPUs and on 64, init sleeps on CPU 0 and the program runs on CPUs 0 and 1 with
        // the same streams of bursts: the 62 extra CPUs draw nothing, and are visited only
        // while a task waits in a queue (to see whether they can pull it), when the tracer
        // notes once that they are idle.
        Run two = run(Options.defaults().withCpus(2).withCycleLimit(50_000_000), true);
        Run many = run(Options.defaults().withCpus(64).withCycleLimit(50_000_000), true);
        List<TraceEvent> firstTwo = new ArrayList<>();
        for (TraceEvent e : many.trace()) {
            if (e.cpu() < 2) firstTwo.add(e);
            else assertTrue(e.kind() == TraceKind.SWITCH && e.tid() == 0, "only idleness on an extra CPU: " + e);
        }
        assertSameTrace(two.trace(), firstTwo);
        assertEquals(two.output(), many.output());
        assertEquals(two.tasks(), many.tasks());
        assertEquals(two.clock(), many.clock());
        assertTrue(many.switches().subList(2, 64).stream().allMatch(s -> s == 0), "no idle CPU switched: " + many.switches());
    }

    @Test
    void aThreadWokenByTheBusyCpuStartsInTheSameRound() {
        List<TraceEvent> trace = run(Options.defaults().withCpus(2).withCycleLimit(50_000_000), true).trace();
        int checked = 0;
        for (int i = 0; i < trace.size(); i++) {
            TraceEvent created = trace.get(i);
            if (created.kind() != TraceKind.NEW_TASK || !created.comm().equals("lone")) continue;
            // A worker is queued on idle CPU 1 during CPU 0's burst, and CPU 1, later in the
            // same round, runs it: its switch is stamped with the round's start, which is at
            // most one burst (and a system call) before the wake-up. Started a round later, it
            // would be stamped 100 cycles after that start.
            TraceEvent start = null;
            for (int j = i + 1; start == null && j < trace.size(); j++) {
                TraceEvent e = trace.get(j);
                if (e.kind() == TraceKind.SWITCH && e.tid() == created.tid()) start = e;
            }
            assertNotNull(start, "worker " + created.tid() + " runs");
            assertEquals(1, start.cpu());
            assertTrue(start.time() <= created.time() && created.time() - start.time() < 250, created + " then " + start);
            checked++;
        }
        assertEquals(4, checked, "each of the four workers starts on CPU 1");
    }
}
