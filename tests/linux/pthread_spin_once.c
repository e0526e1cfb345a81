/*
 * Spinlocks (mutual exclusion, trylock's EBUSY) and pthread_once (the initialiser runs
 * exactly once however many threads race to it, and none returns before it finished).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define THREADS 4
#define ROUNDS 2000

static pthread_spinlock_t spin;
static long counter;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_calls, init_done;
static int saw_unfinished;

static void init(void)
{
    init_calls++;
    usleep(5000); /* let the other threads arrive and wait */
    init_done = 1;
}

static void *worker(void *arg)
{
    int i;
    (void)arg;
    pthread_once(&once, init);
    if (!init_done) saw_unfinished = 1;
    for (i = 0; i < ROUNDS; i++) {
        pthread_spin_lock(&spin);
        counter++;
        pthread_spin_unlock(&spin);
    }
    return 0;
}

static void *try_spin(void *arg) { return (void *)(long)pthread_spin_trylock(arg); }

int main(void)
{
    pthread_t t[THREADS];
    void *r;
    int i;

    pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, worker, 0);
    for (i = 0; i < THREADS; i++) pthread_join(t[i], 0);
    printf("counter %ld (expected %d)\n", counter, THREADS * ROUNDS);
    printf("once: init ran %d time(s), a caller returned before it finished: %d\n", init_calls, saw_unfinished);
    pthread_once(&once, init);
    printf("once again from main: init ran %d time(s)\n", init_calls);

    printf("spin trylock: %d\n", pthread_spin_trylock(&spin));
    pthread_create(&t[0], 0, try_spin, (void *)&spin);
    pthread_join(t[0], &r);
    printf("spin trylock by another: %s\n", (long)r == EBUSY ? "EBUSY" : "?");
    printf("spin unlock: %d\n", pthread_spin_unlock(&spin));
    printf("spin destroy: %d\n", pthread_spin_destroy(&spin));
    return 0;
}
