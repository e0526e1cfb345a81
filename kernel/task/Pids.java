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
 * {@link #pidMax()} (Linux's /proc/sys/kernel/pid_max) allocation wraps around to
 * {@link #RESERVED_PIDS} (300): Linux keeps the low numbers for daemons started at boot, and
 * so do we. A number is skipped while it is still in use as the id of a task, a thread
 * group, a process group or a session, because kill(-pgid) and wait4(-pgid) must never
 * reach a newcomer. pid 1 is init, pid 0 the idle tasks (never in the table).
 *
 * <p><b>pid_max.</b> As on Linux, the default is {@link #defaultPidMax}: 32768, or 1024 per
 * CPU on a machine with more than 32 CPUs; an administrator may set it anywhere from
 * {@link #PID_MAX_MIN} to {@link #PID_MAX_LIMIT} (4194304, the 64-bit limit). Lowering it
 * does not touch tasks whose ids are already above it; new ids simply wrap earlier.
 *
 * <p><b>Cost.</b> Checking whether an id is free must not look at every task, or creating
 * n threads would cost n² (100,000 threads in one process is a benchmark), nor at every
 * process, or a fork would cost as much as there are processes. Every thread of a group has
 * the same tgid, process group and session, so the table counts its tasks per thread group
 * (by tgid) and per {@link SignalStruct}, and counts how many groups have each id as their
 * process group or session, kept up to date by {@link SignalStruct#setPgid} and
 * {@link SignalStruct#setSid}: {@link #inUse} is three look-ups.
 *
 * <p>The table is a TreeMap, so listing tasks (ps, /proc) is in pid order and deterministic.
 */
public final class Pids {
    /** Linux's default pid_max (PID_MAX_DEFAULT), for machines of up to 32 CPUs. */
    public static final int PID_MAX = 32768;
    /** The largest pid_max Linux allows on 64-bit machines (PID_MAX_LIMIT, 4 * 1024 * 1024). */
    public static final int PID_MAX_LIMIT = 4 * 1024 * 1024;
    /** Where allocation restarts after wrapping (Linux's RESERVED_PIDS). */
    public static final int RESERVED_PIDS = 300;
    /** The smallest pid_max Linux accepts (pid_max_min: RESERVED_PIDS + 1). */
    public static final int PID_MAX_MIN = RESERVED_PIDS + 1;

    private final TreeMap<Integer, Task> byTid = new TreeMap<>();
    /** How many tasks of the table belong to each thread group, by tgid. */
    private final TreeMap<Integer, Integer> tasksPerTgid = new TreeMap<>();
    /**
     * How many tasks of the table share each SignalStruct (one per thread group): the
     * process groups and sessions in use are theirs. Identity keys; the order of this map
     * is never visible, since {@link #inUse} only asks whether some entry matches.
     */
    private final java.util.IdentityHashMap<SignalStruct, Integer> tasksPerGroup = new java.util.IdentityHashMap<>();
    /**
     * How many of the groups in {@link #tasksPerGroup} have each id as their process group id,
     * plus how many have it as their session id (a group whose pgid is its sid counts twice).
     */
    private final java.util.HashMap<Integer, Integer> groupIds = new java.util.HashMap<>();
    private int last;
    private int pidMax = PID_MAX;

    /** An empty table whose first allocation returns 1. */
    public Pids() {}

    /** Linux's default pid_max for a machine with {@code cpus} CPUs: max(32768, 1024 * cpus). */
    public static int defaultPidMax(int cpus) {
        return Math.max(PID_MAX, 1024 * cpus);
    }

    /** One above the largest id that {@link #allocate} hands out (/proc/sys/kernel/pid_max). */
    public int pidMax() {
        return pidMax;
    }

    /**
     * Sets pid_max, as writing /proc/sys/kernel/pid_max does: false (EINVAL for the caller)
     * unless {@code max} is in {@link #PID_MAX_MIN}..{@link #PID_MAX_LIMIT}.
     */
    public boolean setPidMax(int max) {
        if (max < PID_MAX_MIN || max > PID_MAX_LIMIT) return false;
        pidMax = max;
        return true;
    }

    /**
     * The next free id after the last one given, or -1 if every id is in use (the caller
     * returns EAGAIN). Does not reserve it: {@link #add} does, when the task exists.
     */
    public int allocate() {
        int candidate = last;
        for (int tries = 0; tries < pidMax; tries++) {
            candidate++;
            if (candidate >= pidMax) candidate = RESERVED_PIDS;
            if (!inUse(candidate)) {
                last = candidate;
                return candidate;
            }
        }
        return -1;
    }

    /** The last pid handed out (what /proc/loadavg shows last, Linux's idr cursor minus one). */
    public int lastPid() {
        return last;
    }

    /**
     * Sets the last pid handed out, so the next allocation starts after it, as writing
     * /proc/sys/kernel/ns_last_pid does on Linux (checkpoint/restore uses it; tests too).
     */
    public void setLastPid(int pid) {
        if (pid < 0 || pid >= pidMax) throw new IllegalArgumentException("pid out of range: " + pid);
        last = pid;
    }

    /**
     * True if {@code id} is some task's tid or tgid, or some group's process group or session
     * id: three look-ups, whatever the number of tasks and processes.
     */
    public boolean inUse(int id) {
        return byTid.containsKey(id) || tasksPerTgid.containsKey(id) || groupIds.containsKey(id);
    }

    /** Enters {@code t} in the table under its tid; its tgid and signal must already be set. */
    public void add(Task t) {
        byTid.put(t.tid(), t);
        tasksPerTgid.merge(t.tgid(), 1, Integer::sum);
        SignalStruct group = t.signal();
        if (tasksPerGroup.merge(group, 1, Integer::sum) == 1) {
            // The group's first task: count its ids from now on, and follow their changes.
            group.table = this;
            groupIds.merge(group.pgid, 1, Integer::sum);
            groupIds.merge(group.sid, 1, Integer::sum);
        }
    }

    /** Takes {@code t} out of the table (it has been reaped); its ids become free. */
    public void remove(Task t) {
        if (!byTid.remove(t.tid(), t)) return;
        release(tasksPerTgid, t.tgid());
        SignalStruct group = t.signal();
        if (tasksPerGroup.merge(group, -1, Integer::sum) == 0) {
            tasksPerGroup.remove(group);
            release(groupIds, group.pgid);
            release(groupIds, group.sid);
            group.table = null;
        }
    }

    /** A group in the table changes one of its ids, its process group or its session, from {@code from} to {@code to}. */
    void renumber(int from, int to) {
        release(groupIds, from);
        groupIds.merge(to, 1, Integer::sum);
    }

    private static void release(java.util.Map<Integer, Integer> counts, int key) {
        if (counts.merge(key, -1, Integer::sum) == 0) counts.remove(key);
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
     * id (de_thread). The old entry must already be gone or be {@code t} itself; the tgid
     * and the group do not change.
     */
    void rekey(Task t, int oldTid) {
        byTid.remove(oldTid, t);
        byTid.put(t.tid(), t);
    }
}
