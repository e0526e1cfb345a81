/*
 * thread_pool [WORKERS] [JOBS]: a fixed pool of threads serving a work queue.
 *
 * Starting a thread per task is wasteful when tasks are small, so a pool starts WORKERS
 * threads once (default 3) and hands them jobs through a queue. The queue is a linked list
 * guarded by one mutex, with two condition variables: workers wait on `work_ready` while
 * the queue is empty, and the main thread waits on `all_done` until every job it submitted
 * has finished. Shutting down sets a flag and broadcasts `work_ready`, so that idle workers
 * wake, see the flag and return.
 *
 * Each of the JOBS jobs (default 12) computes how many Collatz steps the number 27 + job
 * takes to reach 1 and stores it in its own slot. What to watch: the results are printed
 * in job order after all are done, so they are the same whichever worker ran which job; the
 * number of jobs each worker took depends on the schedule and is not printed. Try
 * `thread_pool 8 20`, and `strace thread_pool 2 3` to see the workers' futex waits.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* One unit of work: its number, its result, and the next job in the queue. */
struct job {
    int number;
    long steps;
    struct job *next;
};

/* The queue and its bookkeeping, all guarded by `lock`. */
static struct job *queue_head, *queue_tail;
static int unfinished, shutting_down;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_ready = PTHREAD_COND_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;

/* The job's work: the number of Collatz steps from 27 + number down to 1. */
static void run_job(struct job *j)
{
    long n = 27 + j->number, steps = 0;
    while (n != 1) {
        n = n % 2 ? 3 * n + 1 : n / 2;
        steps++;
    }
    j->steps = steps;
}

/* Appends a job to the queue and wakes one idle worker. The job stays the caller's. */
static void submit(struct job *j)
{
    pthread_mutex_lock(&lock);
    j->next = 0;
    if (queue_tail) queue_tail->next = j;
    else queue_head = j;
    queue_tail = j;
    unfinished++;
    pthread_cond_signal(&work_ready);
    pthread_mutex_unlock(&lock);
}

/* A worker: takes jobs off the queue until it is empty and the pool is shutting down. */
static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        struct job *j;
        while (!queue_head && !shutting_down) pthread_cond_wait(&work_ready, &lock);
        if (!queue_head) break;
        j = queue_head;
        queue_head = j->next;
        if (!queue_head) queue_tail = 0;
        /* The job runs without the lock, so that the other workers can take jobs meanwhile. */
        pthread_mutex_unlock(&lock);
        run_job(j);
        pthread_mutex_lock(&lock);
        if (--unfinished == 0) pthread_cond_signal(&all_done);
    }
    pthread_mutex_unlock(&lock);
    return 0;
}

int main(int argc, char **argv)
{
    int workers = argc > 1 ? atoi(argv[1]) : 3, jobs = argc > 2 ? atoi(argv[2]) : 12, i;
    pthread_t tid[64];
    struct job *job;

    if (workers < 1 || workers > 64 || jobs < 1 || jobs > 10000) {
        fprintf(stderr, "usage: thread_pool [WORKERS (1-64)] [JOBS (1-10000)]\n");
        return 2;
    }
    job = malloc(jobs * sizeof *job);
    if (!job) {
        perror("thread_pool: malloc");
        return 1;
    }
    for (i = 0; i < workers; i++) pthread_create(&tid[i], 0, worker, 0);
    for (i = 0; i < jobs; i++) {
        job[i].number = i;
        submit(&job[i]);
    }
    pthread_mutex_lock(&lock);
    while (unfinished > 0) pthread_cond_wait(&all_done, &lock);
    shutting_down = 1;
    pthread_cond_broadcast(&work_ready);
    pthread_mutex_unlock(&lock);
    for (i = 0; i < workers; i++) pthread_join(tid[i], 0);
    printf("%d workers ran %d jobs\n", workers, jobs);
    for (i = 0; i < jobs; i++) printf("job %2d: %ld takes %ld Collatz steps to reach 1\n", i, 27L + i, job[i].steps);
    free(job);
    return 0;
}
