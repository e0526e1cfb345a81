/*
 * race_ok_once.c: four threads call pthread_once to build a table, then read it. Correct:
 * whoever returns from pthread_once sees what the initialiser wrote; no report.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int table[32];

static void build(void)
{
    for (int i = 0; i < 32; i++) table[i] = i * i;
}

static void *worker(void *arg)
{
    long sum = 0;
    pthread_once(&once, build);
    for (int i = 0; i < 32; i++) sum += table[i];
    return (void *)sum;
}

int main(void)
{
    pthread_t t[4];
    void *r;
    long total = 0;
    for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], &r);
        total += (long)r;
    }
    printf("total = %ld\n", total);
    return 0;
}
