package task;

/**
 * The states of a task, as Linux's {@code task_struct.__state} / {@code exit_state}, each with
 * the letter {@code ps} and {@code /proc/PID/status} show for it.
 *
 * <p>Linux has no separate "running" and "runnable" states (both are {@code TASK_RUNNING},
 * letter R); Clonix keeps them apart because a student watching the scheduler wants to see
 * which task is on a CPU, but both print as R.
 */
public enum TaskState {
    /** On a CPU right now. */
    RUNNING('R'),
    /** Ready, waiting in a run queue for a CPU. */
    RUNNABLE('R'),
    /** Asleep on a wait queue; a signal may wake it (TASK_INTERRUPTIBLE). */
    INTERRUPTIBLE('S'),
    /** Asleep and deaf to signals (TASK_UNINTERRUPTIBLE): a vfork parent waiting for its child. */
    UNINTERRUPTIBLE('D'),
    /** Stopped by job control (SIGSTOP, SIGTSTP). */
    STOPPED('T'),
    /** Exited, waiting for its parent to collect the status with wait4 (EXIT_ZOMBIE). */
    ZOMBIE('Z'),
    /** Reaped or self-reaped; about to disappear (EXIT_DEAD). */
    DEAD('X');

    private final char letter;

    TaskState(char letter) {
        this.letter = letter;
    }

    /** The one-letter code of /proc/PID/stat and ps: R, S, D, T, Z or X. */
    public char letter() {
        return letter;
    }

    /** True for the states of a task that has not exited yet. */
    public boolean isAlive() {
        return this != ZOMBIE && this != DEAD;
    }

    /** True for a task that is asleep on some wait queue. */
    public boolean isSleeping() {
        return this == INTERRUPTIBLE || this == UNINTERRUPTIBLE;
    }
}
