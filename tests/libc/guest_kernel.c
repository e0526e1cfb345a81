/*
 * guest_kernel.c: the libc on the real Clonix kernel: malloc over brk and mmap, threads
 * made with clone() and joined through CLONE_CHILD_CLEARTID and a futex, fork and waitpid
 * with the wait-status macros, a pipe, files through stdio, and the clock. It compiles
 * with gcc on Linux too; guest_kernel.expected is what it prints there.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define THREADS 4
#define STACK_SIZE 65536

static long results[THREADS];
static int child_tids[THREADS];

static int worker(void *arg)
{
    long id = (long)arg, sum = 0, i;
    for (i = 1; i <= 1000 * (id + 1); i++) sum += i;
    results[id] = sum;
    return 0;
}

/* Waits until the kernel clears *tid at the thread's exit (CLONE_CHILD_CLEARTID). */
static void join(int *tid)
{
    for (;;) {
        int value = *(volatile int *)tid;
        if (value == 0) return;
        syscall(SYS_futex, tid, FUTEX_WAIT, value, 0, 0, 0);
    }
}

static void test_malloc(void)
{
    char *blocks[200];
    long sum = 0;
    int i, round;
    char *big;
    for (round = 0; round < 5; round++) {
        for (i = 0; i < 200; i++) {
            blocks[i] = malloc((size_t)(i * 37 % 3000 + 1));
            memset(blocks[i], i, (size_t)(i * 37 % 3000 + 1));
        }
        for (i = 0; i < 200; i++) {
            sum += blocks[i][i * 37 % 3000];
            free(blocks[i]);
        }
    }
    big = malloc(1 << 20);
    memset(big, 1, 1 << 20);
    for (i = 0; i < (1 << 20); i += 4096) sum += big[i];
    free(big);
    printf("malloc: sum %ld\n", sum);
}

static void test_threads(void)
{
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
                CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    long i;
    for (i = 0; i < THREADS; i++) {
        char *stack = malloc(STACK_SIZE);
        int tid = clone(worker, stack + STACK_SIZE, flags, (void *)i, &child_tids[i], 0, &child_tids[i]);
        if (tid < 0) printf("clone failed: %s\n", strerror(errno));
    }
    for (i = 0; i < THREADS; i++) join(&child_tids[i]);
    for (i = 0; i < THREADS; i++) printf("thread %ld: %ld\n", i, results[i]);
}

static void test_fork_pipe(void)
{
    int fds[2], status;
    char buf[32];
    pid_t pid;
    ssize_t n;
    pipe(fds);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dprintf(fds[1], "hello from %s", "the child");
        exit(7);
    }
    close(fds[1]);
    n = read(fds[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    close(fds[0]);
    if (waitpid(pid, &status, 0) != pid) printf("waitpid failed\n");
    printf("pipe: \"%s\"; child exited %d with status %d\n", buf, WIFEXITED(status), WEXITSTATUS(status));
}

static void test_files(void)
{
    FILE *f;
    char line[64];
    int i, lines = 0;
    struct stat st;
    mkdir("/tmp", 0777);
    f = fopen("/tmp/libc-test.txt", "w");
    for (i = 0; i < 100; i++) fprintf(f, "line %03d\n", i);
    fclose(f);
    stat("/tmp/libc-test.txt", &st);
    f = fopen("/tmp/libc-test.txt", "r");
    while (fgets(line, sizeof line, f)) lines++;
    printf("file: %d lines, %ld bytes, regular %d, last \"%.8s\"\n", lines, (long)st.st_size, S_ISREG(st.st_mode), line);
    fclose(f);
    unlink("/tmp/libc-test.txt");
    errno = 0;
    f = fopen("/tmp/libc-test.txt", "r");
    printf("fopen missing: %s, %s\n", f ? "opened" : "NULL", strerror(errno));
}

static void test_clock(void)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("clock: monotonic %d, cpu %d\n", b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec),
           sched_getcpu() >= 0);
}

int main(void)
{
    test_malloc();
    test_threads();
    test_fork_pipe();
    test_files();
    test_clock();
    printf("done\n");
    return 0;
}
