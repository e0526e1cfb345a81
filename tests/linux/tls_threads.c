/* Thread-local storage: every thread has its own _Thread_local / __thread variables, each
 * starting from the initial values (not from another thread's current ones), arrays and
 * structs included; &x is the caller's own copy, and another thread reading through that
 * pointer sees the owner's copy; a forked child inherits the values of the thread that
 * forked. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 4
#define ROUNDS 1000

struct point {
    int x, y;
    char tag[6];
};

__thread int counter;                       /* .tbss: starts at 0 in every thread */
_Thread_local long total = 100;             /* .tdata: starts at 100 in every thread */
__thread struct point where = {1, 2, "init"};
static __thread int squares[5] = {0, 1, 4, 9, 16};
__thread char buffer[40];

static int *published[THREADS];
static pthread_barrier_t published_all, read_all;

/* A static local: one per thread too, kept between calls of the same thread. */
static int calls(void)
{
    static _Thread_local int n;
    return ++n;
}

static void *work(void *arg)
{
    int id = (int)(long)arg, i, other;
    char line[160];
    for (i = 0; i < ROUNDS; i++) {
        counter++;
        total += id;
    }
    where.x += id;
    strcpy(where.tag, id % 2 ? "odd" : "even");
    for (i = 0; i < 5; i++) squares[i] *= id + 1;
    snprintf(buffer, sizeof buffer, "thread %d", id);
    for (i = 0; i < id; i++) calls();
    counter += 1000 * id;

    /* Publish &counter, then read the next thread's counter through its pointer. */
    published[id] = &counter;
    pthread_barrier_wait(&published_all);
    other = *published[(id + 1) % THREADS];
    pthread_barrier_wait(&read_all); /* the owners stay alive until everyone has read */

    snprintf(line, sizeof line, "%s: counter %d total %ld where {%d,%d,%s} squares %d %d calls %d next %d aligned %d\n",
             buffer, counter, total, where.x, where.y, where.tag, squares[2], squares[4], calls(), other,
             (int)((unsigned long)&total % sizeof total));
    return strdup(line);
}

int main(void)
{
    pthread_t t[THREADS];
    int i;
    pid_t pid;
    int status;

    counter = 7;
    total = -1;
    strcpy(buffer, "main");
    pthread_barrier_init(&published_all, 0, THREADS);
    pthread_barrier_init(&read_all, 0, THREADS);
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, work, (void *)(long)i);
    for (i = 0; i < THREADS; i++) {
        void *line;
        pthread_join(t[i], &line);
        fputs(line, stdout);
    }
    printf("%s: counter %d total %ld where {%d,%d,%s} squares %d calls %d\n",
           buffer, counter, total, where.x, where.y, where.tag, squares[3], calls());

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        counter++;
        printf("child: counter %d total %ld %s\n", counter, total, buffer);
        return 0;
    }
    waitpid(pid, &status, 0);
    printf("parent after child: counter %d, child status %d\n", counter, WEXITSTATUS(status));
    return 0;
}
