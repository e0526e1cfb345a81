package race;

import task.Task;

/**
 * What the race detector keeps about one task: its slot in every vector clock, its clock,
 * and the names a report gives it: "thread T2 (tid 5)" in process {@code pid}, where T0 is
 * the thread that started the program and T1, T2, ... the others in the order they were
 * created, as ThreadSanitizer numbers them. Kept after the task has gone, for the reports
 * that name its accesses.
 */
final class ThreadState {
    final int slot;
    final VectorClock vc;
    final int tid;
    int pid;
    int number;
    /** The task while it lives (for the stack it runs on), then null. */
    Task task;

    ThreadState(int slot, VectorClock vc, Task task, int number) {
        this.slot = slot;
        this.vc = vc;
        this.task = task;
        this.tid = task.tid();
        this.pid = task.tgid();
        this.number = number;
        vc.set(slot, Math.max(1, vc.get(slot)));
    }

    /** The current epoch: this thread's own entry in its clock. */
    int epoch() {
        return vc.get(slot);
    }

    /** Starts a new epoch, after a release: what the thread does next is not part of what it released. */
    void tick() {
        vc.set(slot, vc.get(slot) + 1);
    }

    /** "main thread" for T0, else "thread T2", followed by the tid. */
    String name() {
        return (number == 0 ? "main thread" : "thread T" + number) + " (tid " + tid + ")";
    }
}
