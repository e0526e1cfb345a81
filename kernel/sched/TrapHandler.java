package sched;

import task.Task;
import vm.Trap;

/**
 * What the machine loop calls when a task leaves user mode, and before it goes back: the
 * kernel's trap dispatcher (system calls, page faults, fatal traps) and its return-to-user
 * work (a pending kill, signals). Implemented by boot.Kernel.
 */
public interface TrapHandler {
    /**
     * Handles {@code trap} of {@code t}, whose registers are saved in {@code t.context()}
     * (edit them there: the result in a0, a new pc). Afterwards the loop resumes the task if
     * it is still RUNNING, and otherwise (asleep, yielded, exited) picks another.
     */
    void trap(Task t, Trap trap);

    /**
     * True if {@code t} has work to do in the kernel before it runs user code again: a kill
     * to carry out, a signal to take, a stop. Asked before every stretch of user code, so it
     * must be cheap (Linux's check of the TIF_ work flags on exit to user mode).
     */
    boolean hasWorkBeforeUserMode(Task t);

    /**
     * How many more cycles {@code t} can run in user mode, trapping nowhere, before
     * {@link #hasWorkBeforeUserMode} could become true of it without any other task acting
     * (a timer on CPU time expiring, RLIMIT_CPU); 0 if it is true already. The machine loop
     * runs a lone busy CPU for that long at most in one go. The default, 0, never lets it.
     */
    default long cpuTimeBeforeWork(Task t) {
        return 0;
    }

    /**
     * Does that work, with {@code t}'s up-to-date registers in {@code t.context()} (Linux's
     * exit_to_user_mode_loop: do_signal, or do_exit for a killed task). Afterwards the loop
     * runs the task from its context if it is still RUNNING (perhaps in a signal handler),
     * and otherwise (exited, stopped) takes it off the CPU.
     */
    void beforeUserMode(Task t);
}
