package trace;

import boot.CGuest;
import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import obj.Executable;

/**
 * Test helper: runs a tests/kernel-asm program (or given source, or a C program) under a
 * kernel whose tracer is enabled before init starts, checks that nothing leaked, and returns
 * the trace.
 */
final class TracedRun {
    /** The trace of one run, with the kernel for further inspection. */
    record Result(List<TraceEvent> events, Tracer tracer, int status, String output) {}

    private TracedRun() {}

    /** Runs tests/kernel-asm/NAME.s with {@code options} and a trace buffer of {@code capacity} events (0: tracing off). */
    static Result program(Options options, String name, int capacity) throws Exception {
        return executable(options, GuestRun.build(name), name, capacity);
    }

    /** Runs {@code source} (assembled with lib.s) as /bin/NAME. */
    static Result source(Options options, String source, String name, int capacity) throws Exception {
        return executable(options, GuestRun.link(source, name + ".s"), name, capacity);
    }

    /**
     * Compiles C {@code source} with Clonix's compiler (in {@code tmp}) and runs it as
     * /tmp/NAME on the default machine, with the boot image's files installed so that it can
     * exec /bin programs; returns the strace text of the run.
     */
    static String strace(Path tmp, String name, String source) throws Exception {
        return strace(tmp, name, source, false);
    }

    /** {@link #strace(Path, String, String)}, with each call's stack under it if {@code stacks} (strace -k). */
    static String strace(Path tmp, String name, String source, boolean stacks) throws Exception {
        Kernel k = Kernel.boot(Options.defaults(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        for (var f : image.BootImage.load().guestFiles().entrySet()) k.installFile(f.getKey(), f.getValue(), 0755);
        k.install("/tmp/" + name, CGuest.compile(tmp, name, source));
        k.scheduler().tracer().enable(100_000);
        k.scheduler().tracer().stacks = stacks;
        k.run("/tmp/" + name, List.of(name));
        GuestRun.checkNothingLeaked(k);
        return Strace.render(k.scheduler().tracer().events());
    }

    private static Result executable(Options options, Executable exe, String name, int capacity) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options.withCycleLimit(50_000_000), out, new ByteArrayInputStream(new byte[0]));
        k.install("/bin/" + name, exe);
        Tracer tracer = k.scheduler().tracer();
        if (capacity > 0) tracer.enable(capacity);
        int status = k.run("/bin/" + name, List.of(name));
        GuestRun.checkNothingLeaked(k);
        return new Result(tracer.events(), tracer, status, out.toString());
    }
}
