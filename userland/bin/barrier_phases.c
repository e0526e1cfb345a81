/*
 * barrier_phases [THREADS] [PHASES]: threads computing in lock step with a barrier.
 *
 * THREADS threads (default 4) sit in a ring, each owning one number, at first its index plus
 * one. In every phase (default 5 of them) each thread adds its right neighbour's number to
 * its own. That takes three barrier waits per phase: after everyone has read its
 * neighbour's old value (before anyone writes a new one), after every write (then one
 * thread prints the phase), and after the printing (before the next phase reads).
 * pthread_barrier_wait returns PTHREAD_BARRIER_SERIAL_THREAD to exactly one thread per
 * round, and that thread prints the phase's values. Without the barriers a thread could read a
 * neighbour's value from the wrong phase, and the numbers would depend on the schedule.
 *
 * What to watch: one line per phase, always the same, whichever thread prints it. Try
 * `barrier_phases 8 10` and `strace barrier_phases 2 1` (the futex waits of the barrier).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_THREADS 64

static pthread_barrier_t barrier;
static long value[MAX_THREADS];
static int threads = 4, phases = 5;

/* Prints the phase number and every thread's value; called by one thread while all wait. */
static void print_phase(int phase)
{
    int i;
    printf("phase %d:", phase);
    for (i = 0; i < threads; i++) printf(" %ld", value[i]);
    printf("\n");
}

/* Thread (long)arg: PHASES times, adds its right neighbour's value to its own. */
static void *work(void *arg)
{
    int me = (int)(long)arg, phase;
    for (phase = 1; phase <= phases; phase++) {
        long neighbour = value[(me + 1) % threads];
        pthread_barrier_wait(&barrier);   /* everyone has read the old values */
        value[me] += neighbour;
        if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD) print_phase(phase);
        /* The printing thread must finish before anyone reads the next phase's values. */
        pthread_barrier_wait(&barrier);
    }
    return 0;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_THREADS];
    int i;

    if (argc > 1) threads = atoi(argv[1]);
    if (argc > 2) phases = atoi(argv[2]);
    if (threads < 1 || threads > MAX_THREADS || phases < 1 || phases > 40) {
        fprintf(stderr, "usage: barrier_phases [THREADS (1-%d)] [PHASES (1-40)]\n", MAX_THREADS);
        return 2;
    }
    for (i = 0; i < threads; i++) value[i] = i + 1;
    pthread_barrier_init(&barrier, 0, threads);
    print_phase(0);
    for (i = 0; i < threads; i++) pthread_create(&tid[i], 0, work, (void *)(long)i);
    for (i = 0; i < threads; i++) pthread_join(tid[i], 0);
    pthread_barrier_destroy(&barrier);
    return 0;
}
