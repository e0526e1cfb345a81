/*
 * prodcons [PRODUCERS] [CONSUMERS] [ITEMS] [SLOTS]: the bounded buffer.
 *
 * PRODUCERS threads (default 2) each put ITEMS numbers (default 1000) into a ring buffer of
 * SLOTS places (default 4); CONSUMERS threads (default 3) take them out and add them up.
 * One mutex guards the buffer and two condition variables say why a thread waits: a
 * producer waits on `not_full` while every slot is taken, a consumer on `not_empty` while
 * none is. Each wait is in a while loop, because a woken thread must check again: another
 * one may have taken the slot first. The last producer to finish wakes every consumer, so
 * that those waiting on an empty buffer see that nothing more will come, and return.
 *
 * What to watch: the totals. Every item is consumed exactly once, so the sum is the same
 * whatever the schedule; which consumer took how many items is not, and is not printed.
 * Try `prodcons 4 4 500 1` (one slot: strict alternation) and `strace prodcons 1 1 10 1`
 * to see the futex calls of the waits.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_SLOTS 1024

static long buffer[MAX_SLOTS];
static int slots = 4, head, tail, used;
static int producers = 2, consumers = 3, producers_left;
static long items = 1000;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;

/* What one consumer took: how many items, and their sum. Written only by that consumer. */
struct tally {
    long count, sum;
};

/* Producer number (long)arg: puts arg*ITEMS+1 .. arg*ITEMS+ITEMS into the buffer. */
static void *produce(void *arg)
{
    long first = (long)arg * items + 1, n;
    for (n = first; n < first + items; n++) {
        pthread_mutex_lock(&lock);
        while (used == slots) pthread_cond_wait(&not_full, &lock);
        buffer[tail] = n;
        tail = (tail + 1) % slots;
        used++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    /* The last producer out tells every waiting consumer that nothing more will come. */
    if (--producers_left == 0) pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&lock);
    return 0;
}

/* Consumer: takes items until the buffer is empty and every producer is done. */
static void *consume(void *arg)
{
    struct tally *mine = arg;
    for (;;) {
        long n;
        pthread_mutex_lock(&lock);
        while (used == 0 && producers_left > 0) pthread_cond_wait(&not_empty, &lock);
        if (used == 0) {
            pthread_mutex_unlock(&lock);
            return 0;
        }
        n = buffer[head];
        head = (head + 1) % slots;
        used--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        mine->count++;
        mine->sum += n;
    }
}

int main(int argc, char **argv)
{
    pthread_t tid[128];
    struct tally tally[64];
    long count = 0, sum = 0, total;
    int i;

    if (argc > 1) producers = atoi(argv[1]);
    if (argc > 2) consumers = atoi(argv[2]);
    if (argc > 3) items = atol(argv[3]);
    if (argc > 4) slots = atoi(argv[4]);
    if (producers < 1 || producers > 64 || consumers < 1 || consumers > 64 || items < 1 || slots < 1
            || slots > MAX_SLOTS) {
        fprintf(stderr, "usage: prodcons [PRODUCERS (1-64)] [CONSUMERS (1-64)] [ITEMS] [SLOTS (1-%d)]\n", MAX_SLOTS);
        return 2;
    }
    producers_left = producers;
    for (i = 0; i < consumers; i++) {
        tally[i].count = tally[i].sum = 0;
        pthread_create(&tid[i], 0, consume, &tally[i]);
    }
    for (i = 0; i < producers; i++) pthread_create(&tid[consumers + i], 0, produce, (void *)(long)i);
    for (i = 0; i < consumers + producers; i++) pthread_join(tid[i], 0);
    for (i = 0; i < consumers; i++) {
        count += tally[i].count;
        sum += tally[i].sum;
    }
    total = producers * items;
    printf("%d producers, %d consumers, %d slots\n", producers, consumers, slots);
    printf("produced %ld items, consumed %ld\n", total, count);
    printf("sum of consumed items = %ld (expected %ld)\n", sum, total * (total + 1) / 2);
    return 0;
}
