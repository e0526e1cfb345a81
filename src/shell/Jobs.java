package shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The job table, numbered as bash numbers jobs: the lowest number above every job still
 * in the table. The current job ({@code %+}) is the newest, the previous ({@code %-}) the
 * one before it.
 */
final class Jobs {
    private final List<Job> jobs = new ArrayList<>();
    /**
     * The status of the last process of each finished job that left the table, by pid, so
     * that {@code wait $!} after its notice still gets it, as bash remembers it; the
     * oldest are forgotten past {@link #REMEMBERED}.
     */
    private final java.util.LinkedHashMap<Integer, Integer> finished = new java.util.LinkedHashMap<>();
    private static final int REMEMBERED = 64;

    /** The number a new job gets. */
    int nextNumber() {
        int n = 0;
        for (Job j : jobs) n = Math.max(n, j.number());
        return n + 1;
    }

    /** Adds a job (background, or stopped). */
    void add(Job job) {
        jobs.add(job);
    }

    /** Removes a job; if it is done, its status is remembered for {@link #finishedStatus}. */
    void remove(Job job) {
        jobs.remove(job);
        if (job.isDone()) {
            finished.put(job.pids().get(job.pids().size() - 1), job.status());
            if (finished.size() > REMEMBERED) finished.remove(finished.keySet().iterator().next());
        }
    }

    /** The status of finished job whose last process was {@code pid}, or null if none is remembered. */
    Integer finishedStatus(int pid) {
        return finished.get(pid);
    }

    /** The jobs, oldest first. */
    List<Job> all() {
        return new ArrayList<>(jobs);
    }

    /** '+' for the current job, '-' for the previous one, ' ' otherwise. */
    char mark(Job job) {
        int i = jobs.indexOf(job);
        if (i == jobs.size() - 1) return '+';
        if (i == jobs.size() - 2) return '-';
        return ' ';
    }

    /** The job holding process {@code pid}, or null. */
    Job byPid(int pid) {
        for (Job j : jobs) if (j.pids().contains(pid)) return j;
        return null;
    }

    /** The job whose process group is {@code pgid}, or null. */
    Job byGroup(int pgid) {
        for (Job j : jobs) if (j.pgid() == pgid) return j;
        return null;
    }

    /**
     * The job a job spec names: {@code %N}, {@code %+} or {@code %%} (current), {@code %-}
     * (previous), {@code %STRING} (the job whose command starts with it); null if none.
     */
    Job find(String spec) {
        if (!spec.startsWith("%")) return null;
        String s = spec.substring(1);
        if (jobs.isEmpty()) return null;
        if (s.isEmpty() || s.equals("+") || s.equals("%")) return jobs.get(jobs.size() - 1);
        if (s.equals("-")) return jobs.size() < 2 ? null : jobs.get(jobs.size() - 2);
        if (s.chars().allMatch(Character::isDigit)) {
            for (Job j : jobs) if (Integer.toString(j.number()).equals(s)) return j;
            return null;
        }
        for (Job j : jobs) if (j.text().startsWith(s)) return j;
        return null;
    }
}
