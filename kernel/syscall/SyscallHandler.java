package syscall;

import task.Task;

/**
 * The Java side of one system call: given the calling task and its six argument registers
 * (a0..a5), returns the value for a0: a result, {@code -errno}, or {@code -Errno.BLOCKED}
 * after putting the caller on a wait queue (see sync.WaitQueue). The task's saved registers
 * are in {@code t.context()}; a call that replaces them (execve) edits them there.
 *
 * <p>{@code args} belongs to the table and holds the next call's arguments once this one has
 * returned: read it during the call, never keep it or write it (see SyscallTable).
 */
@FunctionalInterface
public interface SyscallHandler {
    long call(Task t, long[] args);
}
