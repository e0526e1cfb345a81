/*
 * clone_wait.c ITERATIONS: clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|SIGCHLD) +
 * _exit + wait4 per second. The host twin of resources/bench/clone_wait.s (see
 * docs/PERFORMANCE.md, "Process creation"): the child runs on a stack of its own and calls
 * _exit(0) at once; the parent wait4s for it. Prints "ITERATIONS iterations in T ns"
 * (CLOCK_MONOTONIC around the loop) and exits 0.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char stack[64 * 1024] __attribute__((aligned(16)));

static int child(void *arg) {
    (void)arg;
    _exit(0);
}

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: clone_wait ITERATIONS\n");
        return 1;
    }
    long iterations = atol(argv[1]);
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD;

    long long start = now_ns();
    for (long i = 0; i < iterations; i++) {
        pid_t pid = clone(child, stack + sizeof stack, flags, NULL);
        if (pid < 0) return 2;
        int status;
        if (wait4(pid, &status, 0, NULL) != pid) return 3;
        if (status != 0) return 4;
    }
    long long elapsed = now_ns() - start;
    printf("%ld iterations in %lld ns\n", iterations, elapsed);
    return 0;
}
