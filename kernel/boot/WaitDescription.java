package boot;

import fs.FdTable;
import fs.Inode;
import fs.OpenFile;
import fs.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import mm.MmException;
import task.Task;
import task.Tasks;
import trace.Symbolizer;
import vm.Context;
import vm.Isa;

/**
 * What a sleeping task waits for, in words, for the deadlock report. A task asleep in a
 * system call has been rewound onto its {@code syscall} instruction (sync.WaitQueue), so the
 * call's number and arguments are still in its saved registers: a7 and a0..a5. From them
 * this names the object (the futex word and its value, the child waited for, the pipe and
 * who holds its other end) and, where the kernel knows it, who could end the wait.
 *
 * <p>Then where the task waits: the innermost frame of its stack in the program's own code,
 * as " at main dl.c:17", so the report says which lock or read of the program is stuck.
 *
 * <p>Examples: {@code futex 0x4010a0 (word = 2)}; {@code futex_lock_pi 0x4010a0 (word =
 * 0x80000005): owned by 5 (worker, S in read)}; {@code wait4 for any child (children: 5 S)};
 * {@code read fd 3: pipe:[17] is empty; its write end is open in 4, 5}.
 */
final class WaitDescription {
    /** Frames searched for the program's own code: libc's wrappers are never this deep. */
    private static final int MAX_FRAMES = 32;
    private static final int READ = 0, WRITE = 1, READV = 19, WRITEV = 20, PREAD = 17, PWRITE = 18,
            WAIT4 = 61, FUTEX = 202, WAITID = 247;

    private final Tasks tasks;

    WaitDescription(Tasks tasks) {
        this.tasks = tasks;
    }

    /**
     * A description of what {@code t} waits on: its wait channel, with the details the call's
     * arguments give, and where in the program's own code it waits (" at main dl.c:17").
     */
    String describe(Task t) {
        String channel = t.waitChannel();
        if (!t.state().isSleeping() || t.mm() == null) return channel;
        return waitsOn(t, channel) + where(t);
    }

    /**
     * " at FUNCTION FILE:LINE": the innermost frame of the sleeping task's stack that is the
     * program's own code rather than libc's wrappers (trace.Symbolizer#ownFrame), which is the
     * line a student looks for; "" when the program has no line table.
     */
    private static String where(Task t) {
        Context ctx = t.context();
        long[] frames = Symbolizer.backtrace(t, ctx.pc, ctx.regs[Isa.FP], ctx.regs[Isa.RA], MAX_FRAMES);
        return Symbolizer.of(t).ownFrame(frames).map(f -> " at " + f).orElse("");
    }

    /** What the sleeping {@code t} waits on, decoded from the call it sleeps in. */
    private String waitsOn(Task t, String channel) {
        // Not in a system call: a page fault found no memory (task.OomKiller).
        if (channel.equals(task.OomKiller.WAIT_CHANNEL)) return "out of memory: waiting for a process to exit";
        Context ctx = t.context();
        long nr = ctx.regs[Isa.A7];
        long a0 = ctx.regs[Isa.A0];
        return switch ((int) nr) {
            case FUTEX -> channel.equals("futex") ? futex(t, a0)
                    : channel.equals("futex_lock_pi") ? lockPi(t, a0) : channel;
            case WAIT4, WAITID -> channel.equals("wait4") || channel.equals("waitid") ? wait(t, nr == WAIT4 ? "wait4" : "waitid", (int) a0) : channel;
            case READ, READV, PREAD -> file(t, "read", a0, true);
            case WRITE, WRITEV, PWRITE -> file(t, "write", a0, false);
            default -> channel;
        };
    }

    private static String futex(Task t, long uaddr) {
        String word;
        try {
            word = Integer.toString(t.mm().read32(uaddr));
        } catch (MmException e) {
            word = "unreadable";
        }
        return "futex 0x" + Long.toHexString(uaddr) + " (word = " + word + ")";
    }

    /**
     * FUTEX_LOCK_PI: the word, and the lock's owner as the kernel knows it (a PI futex, such
     * as a PTHREAD_PRIO_INHERIT mutex, names its owner), with what the owner is doing.
     */
    private String lockPi(Task t, long uaddr) {
        String word;
        try {
            word = "0x" + Integer.toHexString(t.mm().read32(uaddr));
        } catch (MmException e) {
            word = "unreadable";
        }
        Task owner = tasks.futex().pi().ownerOfLockBlocking(t);
        String held = owner == null ? "" : ": owned by " + owner.tid() + " (" + owner.comm() + ", "
                + owner.state().letter() + (owner.waitChannel().isEmpty() ? "" : " in " + owner.waitChannel()) + ")";
        return "futex_lock_pi 0x" + Long.toHexString(uaddr) + " (word = " + word + ")" + held;
    }

    /** wait4/waitid: which child, and the state of each child the caller's group has. */
    private static String wait(Task t, String call, int pid) {
        String whom = pid == -1 ? "any child" : pid > 0 ? "child " + pid : "a child in its process group";
        List<String> kids = new ArrayList<>();
        for (Task c : t.groupLeader().children()) kids.add(c.tid() + " " + c.state().letter());
        return call + " for " + whom + (kids.isEmpty() ? "" : " (children: " + String.join(", ", kids) + ")");
    }

    /** read/write on fd: the file, and for a pipe who holds the end that could wake the caller. */
    private String file(Task t, String call, long fd, boolean reading) {
        FdTable files = t.files();
        OpenFile f = files == null ? null : files.get(fd);
        if (f == null) return call + " fd " + fd;
        Inode inode = f.inode();
        if (!(inode instanceof Pipe pipe)) return call + " fd " + fd;
        String state = reading ? "is empty" : "is full";
        String otherEnd = reading ? "write end" : "read end";
        TreeSet<Integer> holders = holdersOf(pipe, !reading);
        return call + " fd " + fd + ": pipe:[" + pipe.ino() + "] " + state + "; its " + otherEnd
                + (holders.isEmpty() ? " is closed" : " is open in " + join(holders));
    }

    /** The tgids of processes with an open file on {@code pipe} for writing ({@code writers}) or reading. */
    private TreeSet<Integer> holdersOf(Pipe pipe, boolean writers) {
        TreeSet<Integer> pids = new TreeSet<>();
        for (Task other : tasks.pids().all()) {
            FdTable files = other.files(); // null once the task has exited
            if (files != null && holds(files, pipe, writers)) pids.add(other.tgid());
        }
        return pids;
    }

    private static boolean holds(FdTable files, Pipe pipe, boolean writers) {
        for (int fd : files.openDescriptors()) {
            OpenFile f = files.get(fd);
            if (f != null && f.inode() == pipe && (writers ? f.isWritable() : f.isReadable())) return true;
        }
        return false;
    }

    private static String join(TreeSet<Integer> pids) {
        List<String> s = new ArrayList<>();
        for (int p : pids) s.add(Integer.toString(p));
        return String.join(", ", s);
    }
}
