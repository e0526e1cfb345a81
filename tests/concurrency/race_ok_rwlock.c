/*
 * race_ok_rwlock.c: two writers update a table under a read-write lock while two readers
 * sum it under the read lock. Correct: no report.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int table[16];

static void *writer(void *arg)
{
    for (int i = 0; i < 300; i++) {
        pthread_rwlock_wrlock(&lock);
        table[i % 16] += 1;
        pthread_rwlock_unlock(&lock);
    }
    return arg;
}

static void *reader(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 300; i++) {
        pthread_rwlock_rdlock(&lock);
        for (int j = 0; j < 16; j++) sum += table[j];
        pthread_rwlock_unlock(&lock);
    }
    return (void *)sum;
}

int main(void)
{
    pthread_t t[4];
    pthread_create(&t[0], 0, writer, 0);
    pthread_create(&t[1], 0, reader, 0);
    pthread_create(&t[2], 0, writer, 0);
    pthread_create(&t[3], 0, reader, 0);
    for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
    int total = 0;
    for (int j = 0; j < 16; j++) total += table[j];
    printf("total = %d\n", total);
    return 0;
}
