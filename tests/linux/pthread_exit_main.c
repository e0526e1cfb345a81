/*
 * pthread_exit in main ends only the main thread: the other threads run on, and when the
 * last of them ends the process exits with status 0, running the atexit handlers and
 * flushing stdout. A thread can also join the main thread after it has called pthread_exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define THREADS 3

static pthread_t main_thread;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int finished;

static void at_exit(void)
{
    printf("atexit handler: %d threads finished their work\n", finished);
}

static void *worker(void *arg)
{
    long me = (long)arg;
    void *main_result = 0;
    if (me == 0) {
        /* The main thread's result, as it passed it to pthread_exit. */
        pthread_join(main_thread, &main_result);
        printf("worker 0 joined main, which returned %ld\n", (long)main_result);
    }
    usleep(20000 * (me + 1));
    pthread_mutex_lock(&lock);
    finished++;
    pthread_mutex_unlock(&lock);
    return 0;
}

int main(void)
{
    pthread_t t;
    long i;
    atexit(at_exit);
    main_thread = pthread_self();
    for (i = 0; i < THREADS; i++) {
        pthread_create(&t, 0, worker, (void *)i);
        pthread_detach(t);
    }
    printf("main: calling pthread_exit\n");
    fflush(stdout);
    pthread_exit((void *)42);
}
