/*
 * check_then_act.c: two customers each book the last seat. A booking checks that a seat is
 * free, then takes it: between the check and the act is a window of three instructions.
 * Bug, depth 2 (one preemption): if one customer is preempted inside the window while the
 * other books, both take the seat and free_seats goes below zero. Each customer first does
 * some private work (about WORK * 10 instructions), as a real program would.
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int free_seats = 1;
static int booked;
static int work = 100;

static void *customer(void *arg)
{
    int i, sum = 0;
    int n = work;
    for (i = 0; i < n; i++) sum += i * i;        /* private work: its own stack only */
    if (free_seats > 0) {                         /* check ... */
        free_seats = free_seats - 1;              /* ... then act */
        booked++;
    }
    return (void *)(long)sum;
}

int main(int argc, char **argv)
{
    pthread_t a, b;
    if (argc > 1) work = atoi(argv[1]);
    pthread_create(&a, 0, customer, 0);
    pthread_create(&b, 0, customer, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    printf("free seats: %d, booked: %d\n", free_seats, booked);
    assert(free_seats >= 0);
    return 0;
}
