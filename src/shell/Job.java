package shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job: the processes of one pipeline, all in one process group (led by the first), with
 * the command text as typed. It is done when every process has been reaped; its status is
 * the last process's, as a pipeline's is.
 */
final class Job {
    private final int number;
    private boolean stopped;
    private int stopSignal = task.Signals.SIGTSTP;
    private final int pgid;
    private final String text;
    /** Pid to wait status (null while it runs), in pipeline order. */
    private final Map<Integer, Integer> statuses = new LinkedHashMap<>();
    /** Status of the last stage when it never started (127: not found). */
    private final Integer lastStageStatus;

    /** Job {@code number} of the processes {@code pids} (group {@code pgid}); {@code lastStageStatus} as in {@link #status}. */
    Job(int number, int pgid, List<Integer> pids, String text, Integer lastStageStatus) {
        this.number = number;
        this.pgid = pgid;
        this.text = text;
        this.lastStageStatus = lastStageStatus;
        for (int pid : pids) statuses.put(pid, null);
    }

    int number() { return number; }

    /** True while the job is stopped by job control (Ctrl-Z, SIGSTOP, SIGTTIN...). */
    boolean isStopped() { return stopped; }

    void setStopped(boolean s) { stopped = s; }

    /** Records that the job stopped, and the signal that stopped it (0 if unknown). */
    void stoppedBy(int sig) {
        stopped = true;
        if (sig != 0) stopSignal = sig;
    }

    /** The signal that stopped the job last (SIGTSTP unless known otherwise). */
    int stopSignal() { return stopSignal; }

    /** How bash shows the stopped job: "Stopped", "Stopped (signal)", "Stopped (tty input)"... */
    String stoppedState() {
        return Messages.signal(stopSignal);
    }

    int pgid() { return pgid; }

    String text() { return text; }

    /** The pids, in pipeline order. */
    List<Integer> pids() {
        return new ArrayList<>(statuses.keySet());
    }

    /** The pids not yet reaped. */
    List<Integer> running() {
        List<Integer> list = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : statuses.entrySet()) if (e.getValue() == null) list.add(e.getKey());
        return list;
    }

    /** Records that {@code pid} was reaped with {@code waitStatus}. */
    void exited(int pid, int waitStatus) {
        if (statuses.containsKey(pid)) statuses.put(pid, waitStatus);
    }

    /** True once every process has been reaped. */
    boolean isDone() {
        return !statuses.containsValue(null);
    }

    /**
     * The wait status that decides the job's result: the last process's, or an exit status
     * built from {@code lastStageStatus} when the last stage never started.
     */
    int waitStatus() {
        if (lastStageStatus != null) return (lastStageStatus & 0xff) << 8;
        Integer last = null;
        for (Integer s : statuses.values()) last = s;
        return last == null ? 0 : last;
    }

    /** The status $? takes: the exit code, or 128 + the signal. */
    int status() {
        return task.Signals.shellStatus(waitStatus());
    }
}
