/*
 * clone_test.h: what the clone lab's tests share. Like the tests, it is plain Linux C:
 * `gcc -Wall labs/clone/tests/NAME.c` builds each test unchanged, and on Linux each prints
 * exactly its NAME.expected.
 *
 * Apart from the article's demo, whose child prints as the article's does, a test's children
 * never print: they leave what they saw in memory, in their exit status or in a file, and
 * the test's main thread prints it, so that the output does not depend on the schedule or
 * on how standard output is buffered.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

/* What pthread_create passes to clone, less the thread-local storage (these tests have none). */
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM)

/*
 * Runs fn(arg) in a new task made by clone(flags) on a stack of its own, and returns what
 * clone returned: the new task's tid, or -1 with errno set. The stack is never freed: a
 * test makes only a few tasks, and a task may outlive the call that made it.
 */
static inline int spawn(int (*fn)(void *), int flags, void *arg)
{
    char *stack = malloc(STACK_SIZE);
    return clone(fn, stack + STACK_SIZE, flags, arg);
}

/*
 * Runs fn in a child made by clone(flags) and waits for it, saying why (after "what: ") if
 * clone or waitpid fails. Returns -1 if clone failed, so there is no child to report on;
 * otherwise 0, with the child's wait status in *status.
 */
static inline int run_child(const char *what, int (*fn)(void *), int flags, int *status)
{
    int pid = spawn(fn, flags, NULL);
    if (pid < 0) {
        printf("%s: clone: %s\n", what, strerror(errno));
        return -1;
    }
    if (waitpid(pid, status, 0) != pid)
        printf("%s: waitpid: %s\n", what, strerror(errno));
    return 0;
}

/*
 * Starts fn(arg) as a new thread of this process, as pthread_create does: the kernel
 * stores the thread's tid in *tid (CLONE_PARENT_SETTID) and, when the thread has gone,
 * stores 0 there and wakes a futex waiter (CLONE_CHILD_CLEARTID). Returns the tid or -1.
 */
static inline int spawn_thread(int (*fn)(void *), void *arg, volatile int *tid)
{
    char *stack = malloc(STACK_SIZE);
    return clone(fn, stack + STACK_SIZE, THREAD_FLAGS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, arg,
                 (int *)tid, NULL, (int *)tid);
}

/*
 * Waits, as pthread_join does, for the kernel to clear *tid when the thread has gone; gives
 * up after about a second (of the machine's time). Returns 1 if the thread has gone.
 */
static inline int join_thread(volatile int *tid)
{
    struct timespec ten_ms = {0, 10000000};
    for (int i = 0; i < 100; i++) {
        int seen = *tid;
        if (seen == 0)
            return 1;
        syscall(SYS_futex, tid, FUTEX_WAIT, seen, &ten_ms, NULL, 0);
    }
    return *tid == 0;
}

/* "yes" or "no", for lines that state a fact. */
static inline const char *yes(int fact)
{
    return fact ? "yes" : "no";
}
