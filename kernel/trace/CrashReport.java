package trace;

import java.util.List;
import signal.SigSet;
import task.Task;
import vm.Context;
import vm.Isa;

/**
 * Where a crashed thread was: what gdb's {@code bt} shows of a core dump, for a program that
 * died of a signal whose default action dumps core (task.Tasks#crashed). Taken at the moment
 * of the crash, while the thread's registers and memory still exist; printed by clonix run
 * on standard error after the run, so the program's own output is untouched.
 *
 * <pre>
 * segv killed by SIGSEGV at 0x400160 (f segv.c:3)
 *   #0 f segv.c:3
 *   #1 main segv.c:8
 *   #2 _start+0xc8
 * </pre>
 */
public final class CrashReport {
    /** The frames shown at most; a deeper stack (runaway recursion) ends with "...". */
    static final int MAX_FRAMES = 16;

    private final String text;

    private CrashReport(String text) {
        this.text = text;
    }

    /**
     * The crash reports of one run, as {@link task.Tasks#observeCrashes} delivers them: the
     * first {@link #KEPT} are kept and the rest only counted, so that a program that crashes
     * child after child cannot fill the host's memory with reports.
     */
    public static final class Log {
        /** Reports kept; later crashes are counted. */
        public static final int KEPT = 8;

        private final List<CrashReport> reports = new java.util.ArrayList<>();
        private long more;

        /** Records the crash of thread {@code t} with {@code sig} (the observer's method). */
        public void crashed(Task t, int sig) {
            if (reports.size() < KEPT) reports.add(of(t, sig));
            else more++;
        }

        /** The reports, each line of the first kind prefixed by {@code prefix}, then how many were not kept. */
        public String render(String prefix) {
            StringBuilder b = new StringBuilder();
            for (CrashReport r : reports) b.append(prefix).append(r);
            if (more > 0) b.append(prefix).append(more).append(" more crash").append(more == 1 ? "" : "es").append(" not shown\n");
            return b.toString();
        }
    }

    /** The report of thread {@code t}, about to kill its process with {@code sig}. */
    public static CrashReport of(Task t, int sig) {
        Context c = t.context();
        Symbolizer s = Symbolizer.of(t);
        long[] frames = Symbolizer.backtrace(t, c.pc, c.regs[Isa.FP], c.regs[Isa.RA], MAX_FRAMES + 1);
        List<String> described = s.describe(frames);
        StringBuilder b = new StringBuilder();
        b.append(t.comm()).append(" killed by ").append(SigSet.name(sig)).append(" at 0x").append(Long.toHexString(c.pc))
                .append(" (").append(described.get(0)).append(")\n");
        for (int i = 0; i < Math.min(MAX_FRAMES, described.size()); i++) {
            b.append("  #").append(i).append(' ').append(described.get(i)).append('\n');
        }
        if (described.size() > MAX_FRAMES) b.append("  ...\n");
        return new CrashReport(b.toString());
    }

    /** The first line says who died of what and where; then one line per frame, newest first; each ends in a newline. */
    @Override
    public String toString() {
        return text;
    }
}
