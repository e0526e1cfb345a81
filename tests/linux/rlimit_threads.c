/*
 * Resource limits on a process with threads, as Linux and glibc enforce them:
 *   - RLIMIT_NPROC counts threads: they are tasks of the user, so pthread_create fails with
 *     EAGAIN once the user has as many tasks as the limit allows;
 *   - RLIMIT_AS bounds thread stacks, which are mappings: pthread_create fails with EAGAIN
 *     when the stack it needs would pass the limit, and succeeds with a smaller stack;
 *   - RLIMIT_AS bounds the growth of the main stack too: a recursion that would take the
 *     process past it gets SIGSEGV, however generous RLIMIT_STACK is;
 *   - RLIMIT_STACK, as the process starts, is the default stack size of its threads (glibc
 *     reads it at start-up, rounded up to a page; 2 MiB when it is unlimited), and a small
 *     one is the size of the stack a program starts with: the program cannot use more
 *     (SIGSEGV), even though the loader's stack is usually bigger.
 * Each part runs in a child process, so that the limits it sets die with it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIB 1024L
#define MIB (1024L * 1024)
#define USER 31337

static void show(const char *what, int r) { printf("%-48s %s\n", what, r == 0 ? "ok" : strerror(r)); }

static void report(pid_t pid) {
    int status;
    fflush(stdout);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) printf("  killed by signal %d\n", WTERMSIG(status));
    else printf("  exited %d\n", WEXITSTATUS(status));
    fflush(stdout); /* before the next fork, or the child would print it again */
}

/* The size of the address space, from /proc/self/status (VmSize, in KiB). */
static long vm_size(void) {
    char line[128];
    long kib = 0;
    FILE *f = fopen("/proc/self/status", "r");
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "VmSize: %ld kB", &kib) == 1) break;
    }
    fclose(f);
    return kib * KIB;
}

static int pipe_fds[2];

/* Waits until main writes to the pipe, so that the thread stays a task of the user. */
static void *wait_for_main(void *arg) {
    char c;
    (void)arg;
    read(pipe_fds[0], &c, 1);
    return NULL;
}

static void threads_count_as_tasks(void) {
    struct rlimit two = {2, 2};
    pthread_t t1, t2;
    int r;
    pipe(pipe_fds);
    setrlimit(RLIMIT_NPROC, &two);
    if (setuid(USER) != 0) {
        printf("setuid failed\n");
        exit(1);
    }
    /* This process is the user's only task: one more thread makes two. */
    show("NPROC 2: a second task (a thread)", pthread_create(&t1, NULL, wait_for_main, NULL));
    r = pthread_create(&t2, NULL, wait_for_main, NULL);
    show("NPROC 2: a third task (a thread)", r);
    write(pipe_fds[1], "x", 1);
    pthread_join(t1, NULL);
    if (r == 0) pthread_join(t2, NULL);
    exit(0);
}

static void *nothing(void *arg) { return arg; }

static void thread_stacks_count_in_as(void) {
    struct rlimit as;
    pthread_attr_t small;
    pthread_t t;
    int r;
    as.rlim_cur = as.rlim_max = vm_size() + 4 * MIB;
    show("setrlimit(RLIMIT_AS, VmSize + 4 MiB)", setrlimit(RLIMIT_AS, &as) ? errno : 0);
    pthread_attr_init(&small);
    pthread_attr_setstacksize(&small, 8 * MIB);
    show("pthread_create with an 8 MiB stack", r = pthread_create(&t, &small, nothing, NULL));
    if (r == 0) pthread_join(t, NULL);
    pthread_attr_setstacksize(&small, 1 * MIB);
    show("pthread_create with a 1 MiB stack", r = pthread_create(&t, &small, nothing, NULL));
    if (r == 0) pthread_join(t, NULL);
    exit(0);
}

static long depth(long n) {
    volatile char frame[1024];
    frame[0] = (char)n;
    if (n == 0) return frame[0];
    return depth(n - 1) + frame[0];
}

static void stack_growth_counts_in_as(void) {
    struct rlimit as, stack = {64 * MIB, 64 * MIB};
    setrlimit(RLIMIT_STACK, &stack);
    as.rlim_cur = as.rlim_max = vm_size() + 512 * KIB;
    show("setrlimit(RLIMIT_AS, VmSize + 512 KiB)", setrlimit(RLIMIT_AS, &as) ? errno : 0);
    printf("  100 KiB deep: %ld\n", depth(100));
    fflush(stdout);
    printf("  4 MiB deep: %ld\n", depth(4096));
    exit(0);
}

static void default_thread_stack(const char *self, long limit) {
    struct rlimit stack = {limit, RLIM_INFINITY};
    setrlimit(RLIMIT_STACK, &stack);
    char *argv[] = {(char *)self, "print-default-stack", NULL};
    execv(self, argv);
    exit(127);
}

int main(int argc, char **argv) {
    pid_t pid;
    if (argc > 1) {
        pthread_attr_t a;
        size_t size;
        pthread_attr_init(&a);
        pthread_attr_getstacksize(&a, &size);
        printf("  a thread's default stack: %ld KiB\n", (long)(size / KIB));
        fflush(stdout);
        printf("  100 KiB deep: %ld\n", depth(100));
        return 0;
    }
    if ((pid = fork()) == 0) threads_count_as_tasks();
    report(pid);
    if ((pid = fork()) == 0) thread_stacks_count_in_as();
    report(pid);
    if ((pid = fork()) == 0) stack_growth_counts_in_as();
    report(pid);
    printf("RLIMIT_STACK 1000 KiB at exec:\n");
    fflush(stdout);
    if ((pid = fork()) == 0) default_thread_stack(argv[0], 1000 * KIB);
    report(pid);
    printf("RLIMIT_STACK unlimited at exec:\n");
    fflush(stdout);
    if ((pid = fork()) == 0) default_thread_stack(argv[0], RLIM_INFINITY);
    report(pid);
    printf("RLIMIT_STACK 32 KiB at exec:\n");
    fflush(stdout);
    if ((pid = fork()) == 0) default_thread_stack(argv[0], 32 * KIB);
    report(pid);
    return 0;
}
