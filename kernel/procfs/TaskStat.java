package procfs;

import fs.ConsoleDevice;
import java.util.List;
import mm.MemoryUsage;
import mm.Mm;
import task.Task;

/**
 * The one-line text of /proc/PID/stat and /proc/PID/task/TID/stat: Linux's 52 fields in
 * Linux's order (fs/proc/array.c {@code do_task_stat}), separated by single spaces.
 *
 * <p>Times are in clock ticks of USER_HZ = 100 (one tick is 10 ms = 10,000,000 cycles of
 * virtual time). utime and stime come from the tasks' cycle accounting: user-mode cycles and
 * the fixed cost charged per system call. For /proc/PID/stat they are summed over the live
 * threads of the group (Linux also adds the time of threads that have exited, which Clonix
 * does not keep); cutime and cstime (reaped children's time) are not kept either and read 0.
 *
 * <p>Fields Clonix has no source for print what Linux prints for a task without them:
 * flags 0, no page-fault counts, itrealvalue 0,
 * rsslim unlimited, kstkesp/kstkeip/wchan 0, no swap, no delay accounting, no guest time.
 *
 * <p>The only terminal is the console, /dev/console (major 5, minor 1): a process of the
 * session it is the controlling terminal of has tty_nr (5 &lt;&lt; 8) | 1 = 1281 and tpgid
 * the console's foreground group; any other process has tty_nr 0 and tpgid -1, as a
 * process without a controlling terminal has on Linux.
 */
final class TaskStat {
    /** Clock ticks per second as user space sees them (USER_HZ). */
    static final long USER_HZ = 100;
    /** Virtual cycles (nanoseconds) per clock tick. */
    static final long CYCLES_PER_TICK = 1_000_000_000L / USER_HZ;
    /** RLIM_INFINITY printed as an unsigned long. */
    static final String RLIM_INFINITY = "18446744073709551615";

    /** tty_nr of /dev/console: new_encode_dev(MKDEV(5, 1)). */
    static final int CONSOLE_TTY_NR = (5 << 8) | 1;

    private TaskStat() {}

    /**
     * The stat line of {@code t}; {@code wholeGroup} sums the times over its thread group
     * (/proc/PID/stat) instead of the one thread (/proc/PID/task/TID/stat).
     */
    static String format(Task t, boolean wholeGroup, ConsoleDevice console) {
        boolean hasTty = console.session() != 0 && console.session() == t.signal().sid();
        Mm mm = t.mm();
        MemoryUsage usage = mm != null ? mm.usage() : null;
        ProcessArgs.Strings argv = ProcessArgs.argv(mm);
        ProcessArgs.Strings envp = ProcessArgs.envp(mm);
        long utime = t.utime(), stime = t.stime();
        if (wholeGroup) {
            utime = 0;
            stime = 0;
            for (Task thread : t.signal().threads()) {
                utime += thread.utime();
                stime += thread.stime();
            }
        }
        long shared = TaskStatus.pendingMask(t.signal().pendingSignals());
        StringBuilder sb = new StringBuilder();
        sb.append(t.tid()).append(" (").append(t.comm()).append(") ").append(t.state().letter());
        List<Object> fields = List.of(
                TaskStatus.parentPid(t),            // 4 ppid
                t.signal().pgid(),                  // 5 pgrp
                t.signal().sid(),                   // 6 session
                hasTty ? CONSOLE_TTY_NR : 0,        // 7 tty_nr
                hasTty ? console.foregroundGroup() : -1, // 8 tpgid
                0,                                  // 9 flags
                0, 0, 0, 0,                         // 10-13 minflt cminflt majflt cmajflt
                ticks(utime), ticks(stime),         // 14-15 utime stime
                0, 0,                               // 16-17 cutime cstime
                taskPrio(t),                        // 18 priority (task_prio)
                t.priority(),                       // 19 nice
                t.signal().threads().size(),        // 20 num_threads
                0,                                  // 21 itrealvalue
                ticks(t.startTime()),               // 22 starttime
                usage != null ? usage.vmSizeKb() * 1024 : 0,   // 23 vsize (bytes)
                usage != null ? usage.vmRssKb() / 4 : 0,       // 24 rss (pages)
                RLIM_INFINITY,                      // 25 rsslim
                mm != null ? mm.startCode() : 0,    // 26 startcode
                mm != null ? mm.endCode() : 0,      // 27 endcode
                mm != null ? mm.startStack() : 0,   // 28 startstack
                0, 0,                               // 29-30 kstkesp kstkeip
                shared,                             // 31 signal (pending)
                t.signals().blocked() & 0x7fffffffL, // 32 blocked (Linux shows the low 31 bits)
                TaskStatus.handlerMask(t.sighand(), true),   // 33 sigignore
                TaskStatus.handlerMask(t.sighand(), false),  // 34 sigcatch
                0, 0, 0,                            // 35-37 wchan nswap cnswap
                t.exitSignal(),                     // 38 exit_signal
                Math.max(0, t.lastCpu()),           // 39 processor
                isRealTime(t) ? t.rtPriority() : 0, // 40 rt_priority
                t.policy(),                         // 41 policy
                0, 0, 0,                            // 42-44 delayacct_blkio_ticks guest_time cguest_time
                mm != null ? mm.startData() : 0,    // 45 start_data
                mm != null ? mm.endData() : 0,      // 46 end_data
                mm != null ? mm.startBrk() : 0,     // 47 start_brk
                argv.start(), argv.end(),           // 48-49 arg_start arg_end
                envp.start(), envp.end(),           // 50-51 env_start env_end
                t.state().isAlive() ? 0 : t.exitCode());      // 52 exit_code
        for (Object f : fields) sb.append(' ').append(f);
        return sb.append('\n').toString();
    }

    /**
     * Linux's task_prio(): -1 - rt_priority for a real-time task (SCHED_FIFO, SCHED_RR), so
     * -2..-100, and 20 + nice for the others, so 0..39. Like Linux's, it shows the priority
     * the task is scheduled with, so a boost inherited through a PI futex counts.
     */
    static long taskPrio(Task t) {
        return t.schedRtPriority() > 0 ? -1 - t.schedRtPriority() : 20 + t.schedNice();
    }

    /** Whether {@code t} runs under SCHED_FIFO (1) or SCHED_RR (2). */
    static boolean isRealTime(Task t) {
        return t.policy() == 1 || t.policy() == 2;
    }

    /** Cycles (nanoseconds) as whole clock ticks. */
    static long ticks(long cycles) {
        return cycles / CYCLES_PER_TICK;
    }
}
