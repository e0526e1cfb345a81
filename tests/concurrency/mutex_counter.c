/*
 * mutex_counter.c: correct. Three threads add to a counter under a mutex; every schedule
 * prints 150.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *worker(void *arg)
{
    int i;
    for (i = 0; i < 50; i++) {
        pthread_mutex_lock(&lock);
        counter = counter + 1;
        pthread_mutex_unlock(&lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t[3];
    int i;
    for (i = 0; i < 3; i++) pthread_create(&t[i], 0, worker, 0);
    for (i = 0; i < 3; i++) pthread_join(t[i], 0);
    printf("counter = %d\n", counter);
    return counter == 150 ? 0 : 1;
}
