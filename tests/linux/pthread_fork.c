/*
 * fork in a threaded program: while worker threads keep malloc and stdio busy, main forks
 * again and again; each child (one thread now) must find malloc and stdio usable, be its
 * own single thread (pid == tid, pthread_self the forking thread's descriptor), make and
 * join a thread of its own, and exit. pthread_atfork handlers run in POSIX's order: the
 * prepare handlers last registered first, the parent and child handlers in order. A thread
 * other than main forks too.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKERS 4
#define FORKS 8

static volatile int stop;
static FILE *sink;

/* The handlers append to a log, printed later, so that output order does not depend on
 * which process runs first. */
static char log_text[256];

static void note(const char *what)
{
    strcat(log_text, what);
    strcat(log_text, " ");
}

static void prepare_a(void) { note("prepare-A"); }
static void parent_a(void) { note("parent-A"); }
static void child_a(void) { note("child-A"); }
static void prepare_b(void) { note("prepare-B"); }
static void parent_b(void) { note("parent-B"); }
static void child_b(void) { note("child-B"); }

static void *worker(void *arg)
{
    long id = (long)arg;
    long n = 0;
    while (!stop) {
        char *p = malloc(16 + (n % 200));
        char *q = malloc(64);
        fprintf(sink, "worker %ld round %ld\n", id, n);
        free(p);
        free(q);
        n++;
    }
    return 0;
}

static void *child_thread(void *arg)
{
    char *p = malloc(100);
    strcpy(p, "thread in child");
    return p;
}

/* What a child does: everything here needs malloc's and stdio's locks free, and the
 * thread bookkeeping reset to one thread. */
static int child_body(int round, pthread_t forker)
{
    pthread_t t;
    void *result;
    char *blocks[10];
    int i;
    for (i = 0; i < 10; i++) blocks[i] = malloc(32 * (i + 1));
    for (i = 0; i < 10; i++) free(blocks[i]);
    fprintf(sink, "child %d\n", round);
    printf("child %d: pid==tid %s, self is the forking thread %s\n", round,
           getpid() == (pid_t)syscall(SYS_gettid) ? "yes" : "no",
           pthread_equal(pthread_self(), forker) ? "yes" : "no");
    /* pthread_kill finds the thread by the tid in its descriptor: it must be the child's. */
    printf("child %d: pthread_kill(self, 0) = %d\n", round, pthread_kill(pthread_self(), 0));
    if (pthread_create(&t, 0, child_thread, 0) != 0) return 1;
    pthread_join(t, &result);
    printf("child %d: joined \"%s\"\n", round, (char *)result);
    free(result);
    if (round == 0) printf("child %d: handlers: %s\n", round, log_text);
    return 0;
}

static int fork_and_wait(int round)
{
    pthread_t me = pthread_self();
    int status;
    pid_t pid;
    fflush(stdout);
    log_text[0] = 0;
    pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) exit(child_body(round, me));
    waitpid(pid, &status, 0);
    if (round == 0) printf("parent: handlers: %s\n", log_text);
    printf("round %d: child exited %d\n", round, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}

static void *forking_thread(void *arg)
{
    fork_and_wait((int)(long)arg);
    return 0;
}

int main(void)
{
    pthread_t workers[WORKERS], t;
    long i;
    sink = fopen("/dev/null", "w");
    pthread_atfork(prepare_a, parent_a, child_a);
    pthread_atfork(prepare_b, parent_b, child_b);
    for (i = 0; i < WORKERS; i++) pthread_create(&workers[i], 0, worker, (void *)i);
    for (i = 0; i < FORKS; i++) fork_and_wait((int)i);
    pthread_create(&t, 0, forking_thread, (void *)(long)FORKS);
    pthread_join(t, 0);
    stop = 1;
    for (i = 0; i < WORKERS; i++) pthread_join(workers[i], 0);
    fclose(sink);
    printf("done\n");
    return 0;
}
