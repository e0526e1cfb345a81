/*
 * guest_basics.c: a program for Clonix built with Clonix's compiler and this libc (crt0,
 * syscall stubs, clone, stdio, printf, string, stdlib), run on the bare machine, which
 * serves only write and exit. It also compiles with gcc against glibc on Linux, and
 * guest_basics.expected is what it prints there: the two libcs must agree.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void first_registered(void) { printf("atexit: registered first, runs last\n"); }
static void second_registered(void) { printf("atexit: registered second, runs first\n"); }

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int child(void *arg) { return arg != 0; }

int main(int argc, char **argv, char **envp)
{
    char buf[64];
    char *end;
    int values[] = { 42, -7, 1000, 0, 3, 3, -100, 9 };
    int i, n;
    long lval;
    long stack[64];

    atexit(first_registered);
    atexit(second_registered);
    printf("argc=%d argv[1]=%s envp %s\n", argc, argc > 1 ? argv[1] : "-", envp ? "present" : "missing");
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, 42, 7);
    printf("[%x] [%#X] [%#o] [%lu] [%lld] [%hhd] [%zu]\n", 255u, 255u, 8u, ULONG_MAX, LLONG_MIN, 300, sizeof(long));
    printf("[%s] [%.2s] [%8s] [%-8s] [%c] [%%] [%p]\n", "str", "str", "right", "left", 'c', (void *)0);
    n = snprintf(buf, 8, "%s-%d", "truncated", 12345);
    printf("snprintf: %d \"%s\"\n", n, buf);
    n = (int)strtol("  -0x1fz", &end, 0);
    printf("strtol: %d, end \"%s\"\n", n, end);
    printf("strtoul: %lu\n", strtoul("18446744073709551615", 0, 10));
    errno = 0;
    lval = strtol("99999999999999999999", 0, 10);
    printf("strtol overflow: %ld %s\n", lval, strerror(errno));
    qsort(values, 8, sizeof values[0], compare_ints);
    for (i = 0; i < 8; i++) printf("%d%s", values[i], i < 7 ? " " : "\n");
    srand(42);
    n = rand();
    printf("rand after srand(42): %d %d\n", n, rand());
    printf("strlen %zu, strcmp %d, strstr \"%s\"\n", strlen("hello"), strcmp("a", "b") < 0, strstr("haystack", "st"));
    errno = 0;
    lval = syscall(999);
    printf("syscall(999) = %ld, errno %d (%s)\n", lval, errno, strerror(errno));
    errno = 0;
    n = clone(0, stack + 64, 0, 0);
    printf("clone(NULL fn) = %d, errno %s\n", n, strerror(errno));
    errno = 0;
    n = clone(child, 0, 0, 0);
    printf("clone(NULL stack) = %d, errno %s\n", n, strerror(errno));
    {
        static const int statuses[] = { 0x0000, 0x0700, 0x0009, 0x008b, 0x137f, 0xffff };
        for (i = 0; i < 6; i++) {
            int s = statuses[i];
            printf("status %#06x: exited %d code %d signaled %d sig %d core %d stopped %d stopsig %d continued %d\n", s,
                   WIFEXITED(s), WEXITSTATUS(s), WIFSIGNALED(s), WTERMSIG(s), WCOREDUMP(s) != 0, WIFSTOPPED(s),
                   WSTOPSIG(s), WIFCONTINUED(s));
        }
    }
    {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(0, &set);
        CPU_SET(3, &set);
        CPU_SET(64, &set);
        CPU_SET(5000, &set);
        printf("cpu set: count %d, has 3 %d, has 4 %d, has 64 %d, size %zu\n", CPU_COUNT(&set), CPU_ISSET(3, &set) != 0,
               CPU_ISSET(4, &set) != 0, CPU_ISSET(64, &set) != 0, sizeof set);
    }
    {
        sigset_t set;
        struct sigaction sa;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGRTMAX);
        printf("sigset: INT %d TERM %d RTMAX %d, add 0 -> %d; sizes %zu %zu\n", sigismember(&set, SIGINT),
               sigismember(&set, SIGTERM), sigismember(&set, SIGRTMAX), sigaddset(&set, 0), sizeof(sigset_t), sizeof sa);
    }
    fprintf(stderr, "to stderr\n");
    return 3;
}
