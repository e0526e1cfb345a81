package trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import signal.SigSet;
import syscall.Errno;
import task.Signals;

/**
 * strace-style lines from the event stream, as {@code strace -f} prints them:
 * {@code [pid     3] write(1, "x", 1) = 1}, {@code clone(child_stack=NULL, flags=CLONE_VM|SIGCHLD) = 4},
 * {@code close(9) = -1 EBADF (Bad file descriptor)}, {@code exit_group(0) = ?},
 * {@code --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3, ...} ---} for each signal
 * a task takes (handled, ignored or fatal; see {@link #render}), {@code +++ exited with 0 +++}
 * and {@code +++ killed by SIGINT +++}. A call that blocked is shown once, when it finally
 * returns (the kernel re-executes it from the start). The tracer records the arguments of the
 * common calls decoded as strace shows them (strings, argv, flags, signal names, and the
 * structures of {@link StructText}: see SyscallArguments and ProcessArguments); a buffer the
 * call fills (read, stat, wait4's status) is decoded at its exit, when the bytes are there.
 * Other calls show raw numbers (small ones in decimal, others in hex). The {@code [pid N]}
 * prefix (the pid right-aligned in 5 columns) is left out while only one task is alive, and
 * results line up in column 40, as strace's do. With stacks recorded (strace -k), each call's
 * stack follows its line (see StackLines).
 */
public final class Strace {
    /** Arguments shown per call; calls not listed show all six. */
    private static final Map<String, Integer> ARITY = new LinkedHashMap<>();

    static {
        String[] zero = {"fork", "vfork", "getpid", "getppid", "gettid", "sched_yield", "getuid", "getgid", "geteuid", "getegid", "pause"};
        String[] one = {"close", "exit", "exit_group", "brk", "pipe", "dup", "set_tid_address", "uname", "sysinfo"};
        String[] two = {"munmap", "nanosleep", "kill", "dup2", "pipe2", "clock_gettime", "getcwd", "chdir", "tkill", "access", "stat", "fstat", "lstat"};
        String[] three = {"read", "write", "open", "execve", "lseek", "readv", "writev", "ioctl", "mprotect", "tgkill", "getdents64", "fcntl"};
        String[] four = {"wait4", "openat", "newfstatat", "readlinkat", "rt_sigaction", "rt_sigprocmask"};
        for (String n : zero) ARITY.put(n, 0);
        for (String n : one) ARITY.put(n, 1);
        for (String n : two) ARITY.put(n, 2);
        for (String n : three) ARITY.put(n, 3);
        for (String n : four) ARITY.put(n, 4);
        // Locks, syncing, owners, times, statx and getrandom.
        ARITY.put("sync", 0);
        for (String n : new String[] {"fsync", "fdatasync", "syncfs"}) ARITY.put(n, 1);
        ARITY.put("flock", 2);
        for (String n : new String[] {"chown", "fchown", "lchown", "getrandom"}) ARITY.put(n, 3);
        for (String n : new String[] {"fallocate", "utimensat"}) ARITY.put(n, 4);
        for (String n : new String[] {"fchownat", "statx"}) ARITY.put(n, 5);
    }

    private static final String[] CLONE_FLAG_NAMES = {
        "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_PIDFD", "CLONE_PTRACE", "CLONE_VFORK",
        "CLONE_PARENT", "CLONE_THREAD", "CLONE_NEWNS", "CLONE_SYSVSEM", "CLONE_SETTLS", "CLONE_PARENT_SETTID",
        "CLONE_CHILD_CLEARTID", "CLONE_DETACHED", "CLONE_UNTRACED", "CLONE_CHILD_SETTID", "CLONE_NEWCGROUP",
        "CLONE_NEWUTS", "CLONE_NEWIPC", "CLONE_NEWUSER", "CLONE_NEWPID", "CLONE_NEWNET", "CLONE_IO"};

    /** The column (counting from 1) where strace puts the {@code =} of a result. */
    private static final int RESULT_COLUMN = 40;

    private Strace() {}

    /**
     * The strace lines of {@code events}, each ending in a newline. A call that blocked stays
     * unfinished until it is run again and returns; a signal settled as it was sent to a task
     * inside such a call (the SIGCHLD of a child that exits while its parent waits, a fatal
     * SIGTERM to a sleeper) is shown after the call's line, where strace shows it, since the
     * task takes it on its way back to user mode. A signal taken on the way to user mode ends
     * an unfinished call, which is left out. SIGKILL has no line, as in strace. Every thread
     * that ends gets its {@code +++ exited with N +++} line, as in {@code strace -f}, and the
     * {@code [pid N]} prefix is there while more than one traced task is alive (a task is
     * alive from its creation or first event to its exit), as strace prefixes lines while it
     * traces more than one.
     */
    public static String render(List<TraceEvent> events) {
        StringBuilder out = new StringBuilder();
        Map<Integer, TraceEvent> pending = new LinkedHashMap<>();
        Map<Integer, List<TraceEvent>> deferred = new HashMap<>();
        Set<Integer> live = new HashSet<>();
        for (TraceEvent e : events) {
            if (e.tid() == 0) continue;
            live.add(e.tid());
            String prefix = live.size() > 1 ? String.format("[pid %5d] ", e.tid()) : "";
            switch (e.kind()) {
                case SYSCALL_ENTER -> pending.put(e.tid(), e);
                case SYSCALL_EXIT -> {
                    if (e.result() == -Errno.BLOCKED) continue;
                    TraceEvent enter = pending.remove(e.tid());
                    if (enter == null) continue;
                    String call = e.decoded() != null ? name(enter) + "(" + e.decoded() + ")" : call(enter);
                    out.append(aligned(prefix + call)).append(result(e.result())).append('\n');
                    for (String frame : enter.stack()) out.append(frame).append('\n'); // strace -k
                    flush(out, prefix, deferred.remove(e.tid()));
                }
                case SIGNAL -> {
                    if (e.result() != 0 && pending.containsKey(e.tid())) {
                        deferred.computeIfAbsent(e.tid(), k -> new ArrayList<>()).add(e);
                    } else {
                        if (e.result() == 0) pending.remove(e.tid());
                        flush(out, prefix, List.of(e));
                    }
                }
                case EXIT -> {
                    TraceEvent enter = pending.remove(e.tid());
                    if (enter != null) {
                        out.append(aligned(prefix + call(enter))).append("?\n");
                        for (String frame : enter.stack()) out.append(frame).append('\n'); // strace -k
                    }
                    flush(out, prefix, deferred.remove(e.tid()));
                    out.append(prefix).append(ending((int) e.arg())).append('\n');
                    live.remove(e.tid());
                }
                default -> { }
            }
        }
        return out.toString();
    }

    /** The {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---} lines of {@code signals} (none for SIGKILL). */
    private static void flush(StringBuilder out, String prefix, List<TraceEvent> signals) {
        if (signals == null) return;
        for (TraceEvent e : signals) {
            if (e.arg() == Signals.SIGKILL) continue;
            String info = e.decoded() != null ? e.decoded() : "{si_signo=" + SigSet.name((int) e.arg()) + "}";
            out.append(prefix).append("--- ").append(SigSet.name((int) e.arg())).append(' ').append(info).append(" ---\n");
        }
    }

    /** The call's name, or {@code syscall_NR} for a number the table does not know, as strace writes it. */
    private static String name(TraceEvent enter) {
        return enter.name() == null ? "syscall_" + enter.arg() : enter.name();
    }

    /** {@code name(arg, ...)} for a SYSCALL_ENTER event. */
    static String call(TraceEvent enter) {
        String name = name(enter);
        if (enter.decoded() != null) return name + "(" + enter.decoded() + ")";
        List<Long> a = enter.args();
        if (name.equals("clone")) {
            return "clone(child_stack=" + StructText.pointer(a.get(1)) + ", flags=" + cloneFlags(a.get(0)) + ")";
        }
        int n = ARITY.getOrDefault(name, a.size());
        StringBuilder s = new StringBuilder(name).append('(');
        for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ", ").append(number(a.get(i)));
        return s.append(')').toString();
    }

    /**
     * A call followed by {@code "= "}, placed as strace places it: the {@code =} in column 40
     * when the line is shorter, else one space after the call.
     */
    static String aligned(String call) {
        StringBuilder s = new StringBuilder(call);
        if (s.length() < RESULT_COLUMN - 1) {
            while (s.length() < RESULT_COLUMN - 1) s.append(' ');
        } else {
            s.append(' ');
        }
        return s.append("= ").toString();
    }

    /** clone's flags as strace decodes them: named bits joined by |, then the exit signal. */
    static String cloneFlags(long flags) {
        StringBuilder s = new StringBuilder();
        for (int bit = 0; bit < CLONE_FLAG_NAMES.length; bit++) {
            if ((flags & (0x100L << bit)) != 0) s.append(s.length() == 0 ? "" : "|").append(CLONE_FLAG_NAMES[bit]);
        }
        long signal = flags & 0xff;
        if (signal != 0) s.append(s.length() == 0 ? "" : "|").append(SigSet.name((int) signal));
        long unknown = flags & ~0xffffffffL;
        if (unknown != 0) s.append(s.length() == 0 ? "" : "|").append(hex(unknown));
        return s.length() == 0 ? "0" : s.toString();
    }

    /** A result as strace shows it: the value, or {@code -1 ENOENT (No such file or directory)} for -errno. */
    static String result(long r) {
        if (r < 0 && r >= -4095) return "-1 " + Errno.name((int) -r) + " (" + Errno.message((int) -r) + ")";
        return number(r);
    }

    /** The line that ends a process in strace -f: its exit code or the signal that killed it. */
    static String ending(int waitStatus) {
        int sig = waitStatus & 0x7f;
        if (sig == 0) return "+++ exited with " + (waitStatus >> 8 & 0xff) + " +++";
        return "+++ killed by " + SigSet.name(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : "") + " +++";
    }

    private static String number(long v) {
        return v >= -4096 && v <= 65535 ? Long.toString(v) : hex(v);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
