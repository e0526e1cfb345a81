/*
 * fork_touch.c MIB ITERATIONS: fork + _exit + wait4 per second in a process that has
 * touched MIB MiB. The host twin of resources/bench/fork_touch.s (see docs/PERFORMANCE.md,
 * "Process creation"): map MIB MiB of private anonymous memory, write one byte per page,
 * then ITERATIONS times fork, let the child _exit(0) at once, and wait4 for it.
 * Prints "ITERATIONS iterations in T ns" (CLOCK_MONOTONIC around the loop) and exits 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: fork_touch MIB ITERATIONS\n");
        return 1;
    }
    size_t bytes = (size_t)atol(argv[1]) << 20;
    long iterations = atol(argv[2]);
    char *buf = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) return 1;
    for (size_t off = 0; off < bytes; off += 4096) buf[off] = 1;

    long long start = now_ns();
    for (long i = 0; i < iterations; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(0);
        if (pid < 0) return 2;
        int status;
        if (wait4(pid, &status, 0, NULL) != pid) return 3;
        if (status != 0) return 4;
    }
    long long elapsed = now_ns() - start;
    printf("%ld iterations in %lld ns\n", iterations, elapsed);
    return 0;
}
