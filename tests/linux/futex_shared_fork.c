/*
 * A futex in MAP_SHARED memory is keyed by the shared page, not by the address space: after
 * fork, the child sleeps on a word of an anonymous shared mapping and the parent, in its own
 * address space, wakes it. (With FUTEX_PRIVATE_FLAG they would be two different futexes.)
 */
#define _GNU_SOURCE
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long futex(int *addr, int op, int val, long val2, int *addr2, int val3) {
    return syscall(SYS_futex, addr, op, val, val2, addr2, val3);
}

int main(void) {
    int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *word = &shared[10];
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long r = futex(word, FUTEX_WAIT, 0, 0, NULL, 0);
        _exit(r == 0 && *word == 1 ? 42 : 1);
    }
    /* Requeueing the word onto itself counts its sleepers without waking them. */
    while (futex(word, FUTEX_REQUEUE, 0, INT_MAX, word, 0) != 1) sched_yield();
    printf("private wake finds nobody: %ld\n", futex(word, FUTEX_WAKE_PRIVATE, 1, 0, NULL, 0));
    *word = 1;
    printf("shared wake wakes the child: %ld\n", futex(word, FUTEX_WAKE, 1, 0, NULL, 0));
    int status;
    waitpid(pid, &status, 0);
    printf("child exit status: %d\n", WEXITSTATUS(status));
    munmap(shared, 4096);
    return 0;
}
