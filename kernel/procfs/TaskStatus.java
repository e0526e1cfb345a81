package procfs;

import fs.FdTable;
import java.util.List;
import mm.MemoryUsage;
import mm.Mm;
import task.Cred;
import task.SigHand;
import task.Signals;
import task.Task;
import task.TaskState;

/**
 * The text of /proc/PID/status and /proc/PID/task/TID/status, as Linux's
 * fs/proc/array.c {@code proc_pid_status} prints it: one "Name:\tvalue" line per field, in
 * Linux's order, with Linux's number formats ({@code Umask:\t0022},
 * {@code VmRSS:\t     123 kB}, signal sets as 16 hex digits).
 *
 * <p>What Clonix leaves out or fills with a constant, and why:
 * <ul>
 * <li>Uid and Gid are the task's real, effective, saved and file-system ids. Clonix has no
 *     capability sets of its own (task.Cred): CapEff is full (CAP_LAST_CAP = 40, so
 *     000001ffffffffff) while the effective uid is 0, CapPrm while any of the real, effective
 *     and saved uids is 0, which is what Linux's rules give a program without file
 *     capabilities; there are no supplementary groups.</li>
 * <li>There is one pid namespace, so NStgid/NSpid/NSpgid/NSsid repeat the plain ids.</li>
 * <li>As on Linux, a task without an mm (a zombie) has no Vm and Rss lines, and one without
 *     an fs context has no Umask line.</li>
 * <li>Clonix has no page cache or shared libraries: resident pages of MAP_SHARED memory are
 *     RssShmem and the rest RssAnon; RssFile, VmLib, VmLck, VmPin and VmSwap are 0. The mm
 *     does not record the peak resident set, so VmHWM shows the current VmRSS. VmPTE is the
 *     page-table pages below the top level, as Linux counts them (a leaf fork shares counts
 *     in each process, as the copy Linux would have made).</li>
 * <li>The context-switch counts are the task's own, not summed over its thread group, as on
 *     Linux: /proc/PID/status shows the thread-group leader's.</li>
 * </ul>
 *
 * <p>Called on the kernel thread with the kernel quiescent, so the text is one consistent
 * snapshot of the task.
 */
final class TaskStatus {
    /** Linux's CAP_LAST_CAP is 40: the full capability set has 41 bits. */
    static final long FULL_CAPABILITIES = (1L << 41) - 1;
    private TaskStatus() {}

    /** The status text of task {@code t} on a machine of {@code cpus} CPUs. */
    static String format(Task t, int cpus) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Name", escapeName(t.comm()));
        if (t.fs() != null) line(sb, "Umask", String.format("%04o", t.fs().umask()));
        line(sb, "State", stateName(t.state()));
        line(sb, "Tgid", t.tgid());
        line(sb, "Ngid", 0);
        line(sb, "Pid", t.tid());
        line(sb, "PPid", parentPid(t));
        line(sb, "TracerPid", 0);
        Cred c = t.cred();
        line(sb, "Uid", ids(c.uid(), c.euid(), c.suid(), c.fsuid()));
        line(sb, "Gid", ids(c.gid(), c.egid(), c.sgid(), c.fsgid()));
        line(sb, "FDSize", fdSize(t.files()));
        line(sb, "Groups", " ");
        line(sb, "NStgid", t.tgid());
        line(sb, "NSpid", t.tid());
        line(sb, "NSpgid", t.signal().pgid());
        line(sb, "NSsid", t.signal().sid());
        if (t.mm() != null) memory(sb, t.mm());
        line(sb, "Threads", t.signal().threads().size());
        long ownPending = t.signals().pendingMask(), sharedPending = t.signal().signals().pendingMask();
        // Linux counts the signals queued for the task's user; Clonix the task's own, private
        // and shared (each queued real-time instance counts), over its RLIMIT_SIGPENDING.
        line(sb, "SigQ", (t.signals().pendingCount() + t.signal().signals().pendingCount()) + "/"
                + Long.toUnsignedString(t.signal().rlimits().cur(task.ResourceLimits.RLIMIT_SIGPENDING)));
        line(sb, "SigPnd", mask(ownPending));
        line(sb, "ShdPnd", mask(sharedPending));
        line(sb, "SigBlk", mask(t.signals().blocked()));
        line(sb, "SigIgn", mask(handlerMask(t.sighand(), true)));
        line(sb, "SigCgt", mask(handlerMask(t.sighand(), false)));
        line(sb, "CapInh", mask(0));
        line(sb, "CapPrm", mask(c.uid() == 0 || c.euid() == 0 || c.suid() == 0 ? FULL_CAPABILITIES : 0));
        line(sb, "CapEff", mask(c.capable() ? FULL_CAPABILITIES : 0));
        line(sb, "CapBnd", mask(FULL_CAPABILITIES));
        line(sb, "CapAmb", mask(0));
        line(sb, "NoNewPrivs", 0);
        line(sb, "Seccomp", 0);
        line(sb, "Cpus_allowed", CpuMask.hex(t.affinity(), cpus));
        line(sb, "Cpus_allowed_list", CpuMask.list(t.affinity(), cpus));
        // Per task, as Linux's task_context_switch_counts prints them (getrusage sums the group).
        line(sb, "voluntary_ctxt_switches", t.voluntarySwitches());
        line(sb, "nonvoluntary_ctxt_switches", t.involuntarySwitches());
        return sb.toString();
    }

    /**
     * The command name as the Name line shows it: white space other than a plain space, and
     * the backslash, become a backslash and a letter (a newline becomes backslash-n, a
     * backslash two backslashes), so that a name cannot break the one-field-a-line format
     * (Linux's seq_escape_str with ESCAPE_SPACE | ESCAPE_SPECIAL).
     */
    static String escapeName(String comm) {
        StringBuilder sb = new StringBuilder();
        for (char c : comm.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '\u000b' -> sb.append("\\v");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The State line's value: the letter and Linux's word for it, "S (sleeping)". */
    static String stateName(TaskState s) {
        return switch (s) {
            case RUNNING, RUNNABLE -> "R (running)";
            case INTERRUPTIBLE -> "S (sleeping)";
            case UNINTERRUPTIBLE -> "D (disk sleep)";
            case STOPPED -> "T (stopped)";
            case ZOMBIE -> "Z (zombie)";
            case DEAD -> "X (dead)";
        };
    }

    /**
     * The PPid: the real parent's tgid, 0 for init (whose parent on Linux is the idle task)
     * and for a task without a parent.
     */
    static int parentPid(Task t) {
        Task parent = t.realParent();
        if (parent == null || t.tgid() == 1) return 0;
        return parent.tgid();
    }

    /**
     * FDSize, the size of the descriptor array (Linux's fdtable max_fds): 64 until a higher
     * descriptor is used, then the next power of two, never shrinking (fs.FdTable). 0
     * without a table (a zombie).
     */
    static int fdSize(FdTable files) {
        return files == null ? 0 : files.capacity();
    }

    /** The Vm* and Rss* block, Linux's task_mem. */
    private static void memory(StringBuilder sb, Mm mm) {
        MemoryUsage u = mm.usage();
        kb(sb, "VmPeak", u.vmPeakKb());
        kb(sb, "VmSize", u.vmSizeKb());
        kb(sb, "VmLck", 0);
        kb(sb, "VmPin", 0);
        long pageKb = vm.PhysicalMemory.FRAME_SIZE / 1024;
        long shmemKb = mm.sharedResidentPages() * pageKb;
        kb(sb, "VmHWM", u.vmRssKb());
        kb(sb, "VmRSS", u.vmRssKb());
        kb(sb, "RssAnon", u.vmRssKb() - shmemKb);
        kb(sb, "RssFile", 0);
        kb(sb, "RssShmem", shmemKb);
        kb(sb, "VmData", u.vmDataKb());
        kb(sb, "VmStk", u.vmStkKb());
        kb(sb, "VmExe", u.vmExeKb());
        kb(sb, "VmLib", 0);
        kb(sb, "VmPTE", u.vmPteKb());
        kb(sb, "VmSwap", 0);
    }

    /** A signal set as a mask: bit (sig - 1) for each signal. */
    static long pendingMask(List<Integer> signals) {
        long m = 0;
        for (int sig : signals) m |= 1L << (sig - 1);
        return m;
    }

    /** The signals whose handler is SIG_IGN ({@code ignored}) or a function (otherwise). */
    static long handlerMask(SigHand sighand, boolean ignored) {
        if (sighand == null) return 0;
        long m = 0;
        for (int sig = 1; sig <= Signals.NSIG; sig++) {
            long h = sighand.handler(sig);
            boolean match = ignored ? h == SigHand.SIG_IGN : h != SigHand.SIG_IGN && h != SigHand.SIG_DFL;
            if (match) m |= 1L << (sig - 1);
        }
        return m;
    }

    /** The four ids of a Uid or Gid line: real, effective, saved, file system, as unsigned numbers. */
    private static String ids(int real, int effective, int saved, int fs) {
        return Integer.toUnsignedString(real) + "\t" + Integer.toUnsignedString(effective) + "\t"
                + Integer.toUnsignedString(saved) + "\t" + Integer.toUnsignedString(fs);
    }

    private static String mask(long m) {
        return String.format("%016x", m);
    }

    private static void line(StringBuilder sb, String name, Object value) {
        sb.append(name).append(":\t").append(value).append('\n');
    }

    /** A "Name:\t%8lu kB" line, Linux's SEQ_PUT_DEC with its 8-column padding. */
    private static void kb(StringBuilder sb, String name, long kb) {
        sb.append(name).append(":\t").append(String.format("%8d", kb)).append(" kB\n");
    }
}
