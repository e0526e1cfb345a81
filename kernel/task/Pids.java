package task;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Process ids and the table of every task, as Linux's pid allocator ({@code alloc_pid} in
 * kernel/pid.c) and its pid hash.
 *
 * <p><b>Allocation.</b> Ids are handed out in increasing order starting after the last one
 * given, so a new process almost always has a larger pid than the previous one. At
 * {@link #PID_MAX} (32768, Linux's default {@code pid_max}) allocation wraps around to
 * {@link #RESERVED_PIDS} (300): Linux keeps the low numbers for daemons started at boot, and
 * so do we. A number is skipped while it is still in use as the id of a task, a thread
 * group, a process group or a session, because kill(-pgid) and wait4(-pgid) must never
 * reach a newcomer. pid 1 is init, pid 0 the idle tasks (never in the table).
 *
 * <p>The table is a TreeMap, so listing tasks (ps, /proc) is in pid order and deterministic.
 */
public final class Pids {
    /** One above the largest pid (Linux's default /proc/sys/kernel/pid_max). */
    public static final int PID_MAX = 32768;
    /** Where allocation restarts after wrapping (Linux's RESERVED_PIDS). */
    public static final int RESERVED_PIDS = 300;

    private final TreeMap<Integer, Task> byTid = new TreeMap<>();
    private int last;

    /** An empty table whose first allocation returns 1. */
    public Pids() {}

    /**
     * The next free id after the last one given, or -1 if every id is in use (the caller
     * returns EAGAIN). Does not reserve it: {@link #add} does, when the task exists.
     */
    public int allocate() {
        int candidate = last;
        for (int tries = 0; tries < PID_MAX; tries++) {
            candidate++;
            if (candidate >= PID_MAX) candidate = RESERVED_PIDS;
            if (!inUse(candidate)) {
                last = candidate;
                return candidate;
            }
        }
        return -1;
    }

    /**
     * Sets the last pid handed out, so the next allocation starts after it, as writing
     * /proc/sys/kernel/ns_last_pid does on Linux (checkpoint/restore uses it; tests too).
     */
    public void setLastPid(int pid) {
        if (pid < 0 || pid >= PID_MAX) throw new IllegalArgumentException("pid out of range: " + pid);
        last = pid;
    }

    /** True if {@code id} is some task's tid or tgid, or some group's process group or session id. */
    public boolean inUse(int id) {
        if (byTid.containsKey(id)) return true;
        for (Task t : byTid.values()) {
            if (t.tgid() == id || t.signal().pgid == id || t.signal().sid == id) return true;
        }
        return false;
    }

    /** Enters {@code t} in the table under its tid. */
    public void add(Task t) {
        byTid.put(t.tid(), t);
    }

    /** Takes {@code t} out of the table (it has been reaped); its ids become free. */
    public void remove(Task t) {
        byTid.remove(t.tid(), t);
    }

    /** The task with thread id {@code tid}, or null (find_task_by_vpid). */
    public Task find(int tid) {
        return byTid.get(tid);
    }

    /** Every task in the table, in tid order (a copy). */
    public List<Task> all() {
        return new ArrayList<>(byTid.values());
    }

    /** How many tasks exist, zombies included (the count RLIMIT_NPROC-like limits check). */
    public int count() {
        return byTid.size();
    }

    /**
     * Moves {@code t} to a new tid: execve from a non-leader thread takes over the leader's
     * id (de_thread). The old entry must already be gone or be {@code t} itself.
     */
    void rekey(Task t, int oldTid) {
        byTid.remove(oldTid, t);
        byTid.put(t.tid(), t);
    }
}
