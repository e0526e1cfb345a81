/*
 * libc_ops.c [N]: what common libc operations cost, in CPU nanoseconds per operation
 * (docs/PERFORMANCE.md, "Guest instructions per operation").
 *
 * On Clonix one instruction is one cycle and one cycle one nanosecond of CPU time, and a
 * system call adds 100: a thread's CPU clock (CLOCK_THREAD_CPUTIME_ID) is the exact count of
 * the instructions it retired plus 100 per system call. Each operation runs in a loop of N
 * and of 2N iterations; the difference of the two CPU times over N is the cost of one
 * iteration, exactly, with the clock calls and the set-up cancelled out. The same difference
 * for an empty loop (its counter and branch) is subtracted, so a figure is the operation
 * alone: the call with its argument set-up, and everything the callee runs.
 *
 * pthread_create + join also counts the new thread's instructions, so it is measured on the
 * process's clock (CLOCK_PROCESS_CPUTIME_ID, which includes threads that have exited), and
 * includes its system calls at 100 each. The same file builds with gcc -pthread, where the
 * figures are host nanoseconds and only a rough guide.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUF 4096

static unsigned long words_a[BUF / 8 + 8], words_b[BUF / 8 + 8]; /* 8-byte aligned */
static unsigned char *a = (unsigned char *)words_a, *b = (unsigned char *)words_b;
/* Strings 8-byte aligned, as malloc's and most arrays are. */
static char text[48] __attribute__((aligned(8))) = "the quick brown fox jumps over a lazy do";
static char same_text[48] __attribute__((aligned(8))) = "the quick brown fox jumps over a lazy do";
static char text_copy[48] __attribute__((aligned(8)));
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile long sink;

static long cpu_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void *nothing(void *arg) { return arg; }

/* One loop function per operation, so that each loop is compiled alike: a counter in a
 * register, a compare-and-branch, and the body. */
#define LOOP(name, body) static void name(long n) { long i; for (i = 0; i < n; i++) { body; } }

LOOP(empty, )
LOOP(mutex_pair, pthread_mutex_lock(&m); pthread_mutex_unlock(&m))
LOOP(memset_160, memset(a, 0, 160))
LOOP(memset_4096, memset(a, 0, 4096))
LOOP(memcpy_160, memcpy(b, a, 160))
LOOP(memcpy_160_misaligned, memcpy(b + 1, a + 3, 160))
LOOP(memcpy_4096, memcpy(b, a, 4096))
LOOP(memmove_160_overlapping, memmove(a + 8, a, 160))
LOOP(memcmp_160, sink = memcmp(a, b, 160))
LOOP(memchr_160, sink = (long)memchr(a, 7, 160))
LOOP(strlen_40, sink = (long)strlen(text))
LOOP(strcmp_40, sink = strcmp(text, same_text))
LOOP(strcpy_40, strcpy(text_copy, text))
LOOP(create_join, pthread_t t; pthread_create(&t, 0, nothing, 0); pthread_join(t, 0))

struct op {
    const char *what;
    void (*loop)(long);
    clockid_t clock;
};

static const struct op ops[] = {
    {"pthread_mutex_lock + unlock", mutex_pair, CLOCK_THREAD_CPUTIME_ID},
    {"memset(p, 0, 160)", memset_160, CLOCK_THREAD_CPUTIME_ID},
    {"memset(p, 0, 4096)", memset_4096, CLOCK_THREAD_CPUTIME_ID},
    {"memcpy 160, aligned", memcpy_160, CLOCK_THREAD_CPUTIME_ID},
    {"memcpy 160, misaligned", memcpy_160_misaligned, CLOCK_THREAD_CPUTIME_ID},
    {"memcpy 4096, aligned", memcpy_4096, CLOCK_THREAD_CPUTIME_ID},
    {"memmove 160, overlapping", memmove_160_overlapping, CLOCK_THREAD_CPUTIME_ID},
    {"memcmp 160, equal", memcmp_160, CLOCK_THREAD_CPUTIME_ID},
    {"memchr 160, absent", memchr_160, CLOCK_THREAD_CPUTIME_ID},
    {"strlen 40", strlen_40, CLOCK_THREAD_CPUTIME_ID},
    {"strcmp 40, equal", strcmp_40, CLOCK_THREAD_CPUTIME_ID},
    {"strcpy 40", strcpy_40, CLOCK_THREAD_CPUTIME_ID},
    {"pthread_create + join", create_join, CLOCK_PROCESS_CPUTIME_ID},
};

/* The CPU time of one iteration of loop: (time of 2n iterations - time of n) / n. */
static long per_iteration(void (*loop)(long), clockid_t clock, long n)
{
    long t0, t1, t2;
    t0 = cpu_ns(clock);
    loop(n);
    t1 = cpu_ns(clock);
    loop(2 * n);
    t2 = cpu_ns(clock);
    return ((t2 - t1) - (t1 - t0)) / n;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000;
    long loop_cost;
    unsigned i;
    if (n <= 0) {
        fprintf(stderr, "usage: libc_ops [N]\n");
        return 2;
    }
    memset(b, 0, BUF); /* a is zero too: memcmp compares equal buffers, memchr finds no 7 */
    loop_cost = per_iteration(empty, CLOCK_THREAD_CPUTIME_ID, n);
    printf("CPU ns per operation (on Clonix: guest instructions, plus 100 per system call), N = %ld\n", n);
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        ops[i].loop(1); /* touch every page first: a page fault's retry is not free */
        printf("%-30s %6ld\n", ops[i].what, per_iteration(ops[i].loop, ops[i].clock, n) - loop_cost);
    }
    return 0;
}
