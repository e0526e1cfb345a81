/*
 * How a thread library learns that a thread has ended: CLONE_PARENT_SETTID stores the new
 * thread's id in the parent's word, CLONE_CHILD_CLEARTID makes the kernel zero the child's
 * word when the thread exits and wake a futex waiter on it. pthread_join is built on this.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static volatile int ptid, ctid;
static volatile int work_done;

static int worker(void *arg) {
    (void) arg;
    work_done = 1;
    return 0;
}

int main(void) {
    char *stack = malloc(STACK_SIZE);
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM
              | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    ctid = -1;
    int tid = clone(worker, stack + STACK_SIZE, flags, NULL, &ptid, NULL, &ctid);
    printf("parent tid word holds the new tid: %d\n", ptid == tid);
    /* Wait while the kernel has not cleared the word; FUTEX_WAIT returns at once if it changed. */
    while (ctid != 0) syscall(SYS_futex, &ctid, FUTEX_WAIT, ctid, NULL, NULL, 0);
    printf("child tid word cleared at exit: %d\n", ctid);
    printf("thread ran: %d\n", work_done);
    printf("thread was in our group: %d\n", tid != getpid());
    return 0;
}
