package sched;

import task.Task;
import vm.Trap;

/**
 * What the machine loop calls when a task leaves user mode: the kernel's trap dispatcher
 * (system calls, page faults, fatal traps). Implemented by boot.Kernel.
 */
public interface TrapHandler {
    /**
     * Handles {@code trap} of {@code t}, whose registers are saved in {@code t.context()}
     * (edit them there: the result in a0, a new pc). Afterwards the loop resumes the task if
     * it is still RUNNING, and otherwise (asleep, yielded, exited) picks another.
     */
    void trap(Task t, Trap trap);

    /** {@code t} is about to run with a kill pending: make it exit (it must not run again). */
    void die(Task t);
}
