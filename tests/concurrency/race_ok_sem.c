/*
 * race_ok_sem.c: a producer and a consumer share a ring of 4 slots counted by two
 * semaphores (free and used). Correct: sem_post releases, sem_wait acquires, no report.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t free_slots, used_slots;
static int ring[4];

static void *producer(void *arg)
{
    for (int i = 0; i < 300; i++) {
        sem_wait(&free_slots);
        ring[i % 4] = i;
        sem_post(&used_slots);
    }
    return arg;
}

int main(void)
{
    pthread_t p;
    long sum = 0;
    sem_init(&free_slots, 0, 4);
    sem_init(&used_slots, 0, 0);
    pthread_create(&p, 0, producer, 0);
    for (int i = 0; i < 300; i++) {
        sem_wait(&used_slots);
        sum += ring[i % 4];
        sem_post(&free_slots);
    }
    pthread_join(p, 0);
    printf("sum = %ld\n", sum);
    return 0;
}
