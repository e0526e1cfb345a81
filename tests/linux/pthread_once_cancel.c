/*
 * pthread_once whose initialiser is cancelled: the once goes back to "not run", so a thread
 * already waiting in pthread_once wakes and runs the initialiser itself, and later calls
 * find it done (POSIX: "the effect on once_control shall be as if pthread_once() was never
 * called"). Before the fix, the waiter slept forever.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int calls, in_init;

static void init(void)
{
    int n = __sync_add_and_fetch(&calls, 1);
    if (n == 1) {
        in_init = 1;
        for (;;) pause(); /* a cancellation point: the first initialiser never finishes */
    }
}

static void *first(void *arg)
{
    (void)arg;
    pthread_once(&once, init);
    return (void *)1; /* not reached: the thread is cancelled inside init */
}

static void *second(void *arg)
{
    (void)arg;
    pthread_once(&once, init);
    return (void *)2;
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;

    pthread_create(&a, 0, first, 0);
    while (!in_init) usleep(1000);
    pthread_create(&b, 0, second, 0);
    usleep(20000); /* let the second thread start waiting for the first initialiser */
    printf("cancel: %d\n", pthread_cancel(a));
    pthread_join(a, &ra);
    printf("first thread: %s\n", ra == PTHREAD_CANCELED ? "cancelled" : "returned");
    pthread_join(b, &rb);
    printf("second thread returned %ld; init called %d times\n", (long)rb, calls);
    pthread_once(&once, init);
    printf("after another pthread_once: init called %d times\n", calls);
    return 0;
}
