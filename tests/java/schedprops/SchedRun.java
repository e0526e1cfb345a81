package schedprops;

import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import task.Task;
import trace.TraceEvent;

/**
 * Test helper: runs an assembly program (linked with tests/kernel-asm/lib.s) in a booted
 * kernel, with the tracer on when asked, and keeps the kernel so that tests can read the
 * trace and the released tasks' accounting afterwards.
 */
final class SchedRun {
    /** One finished run: the kernel, the trace (empty when tracing was off), init's status and the released tasks. */
    record Result(Kernel kernel, List<TraceEvent> events, int status, List<Task> released) {
        /** The released tasks whose command name is {@code comm}, in release order. */
        List<Task> tasksNamed(String comm) {
            List<Task> out = new ArrayList<>();
            for (Task t : released) if (t.comm().equals(comm)) out.add(t);
            return out;
        }
    }

    private SchedRun() {}

    /** Runs {@code source} as /bin/NAME under {@code options}, tracing into a buffer of {@code capacity} events (0: off). */
    static Result run(Options options, String source, String name, int capacity) throws Exception {
        Kernel k = Kernel.boot(options, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        List<Task> released = new ArrayList<>();
        k.tasks().observeReleases(released::add);
        k.install("/bin/" + name, GuestRun.link(source, name + ".s"));
        if (capacity > 0) k.scheduler().tracer().enable(capacity);
        int status = k.run("/bin/" + name, List.of(name));
        GuestRun.checkNothingLeaked(k);
        return new Result(k, k.scheduler().tracer().events(), status, released);
    }

    /**
     * A program that forks until there are {@code processes} processes, all of which then
     * spin forever: the run ends at the options' cycle limit, which kills them all.
     */
    static String spinners(int processes) {
        return """
                        .text
                        .globl  _start
                _start: li      s1, %d
                .Lfork: beq     s1, zero, .Lspin
                        addi    s1, s1, -1
                        li      a7, 57
                        syscall
                        bne     a0, zero, .Lfork
                .Lspin: j       .Lspin
                """.formatted(processes - 1);
    }
}
