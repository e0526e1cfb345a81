/*
 * When every thread of a process ends with the exit system call (no exit_group, no fatal
 * signal), the process's wait status is its last thread's, not its leader's: Linux's
 * do_exit records the last thread's code as the group's (synchronize_group_exit). Here the
 * leader exits with 5 first, and the other thread, once the leader has gone, with 3.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

/* The leader's CLONE_CHILD_CLEARTID word (set_tid_address): the kernel clears it at its exit. */
static volatile int leader_word = 1;

static int last(void *arg) {
    (void) arg;
    int seen;
    while ((seen = leader_word) != 0) syscall(SYS_futex, &leader_word, FUTEX_WAIT, seen, NULL, NULL, 0);
    syscall(SYS_exit, 3);
    return 1;
}

int main(void) {
    int status;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *stack = malloc(STACK_SIZE);
        syscall(SYS_set_tid_address, &leader_word);
        clone(last, stack + STACK_SIZE, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, NULL);
        syscall(SYS_exit, 5);
    }
    waitpid(pid, &status, 0);
    printf("exited: %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
    return 0;
}
