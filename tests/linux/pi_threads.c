/*
 * The first pthreads exercise of many courses: pi as the integral of 4/(1+x^2) over [0,1],
 * by the midpoint rule, with the steps split among threads. Each thread sums its own block
 * into its own slot and main adds the slots in order, so the result is the same bits
 * whatever the schedule.
 */
#include <pthread.h>
#include <stdio.h>

#define STEPS 200000
#define THREADS 4

static double partial[THREADS];

static void *integrate(void *arg) {
    long id = (long) arg;
    double h = 1.0 / STEPS, sum = 0.0;
    for (long i = id * (STEPS / THREADS); i < (id + 1) * (STEPS / THREADS); i++) {
        double x = (i + 0.5) * h;
        sum += 4.0 / (1.0 + x * x);
    }
    partial[id] = sum * h;
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, integrate, (void *) i);
    double pi = 0.0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        pi += partial[i];
    }
    for (int i = 0; i < THREADS; i++) printf("thread %d: %.17g\n", i, partial[i]);
    printf("pi ~ %.15f\n", pi);
    printf("error %.3e\n", pi - 3.14159265358979323846);
    printf("%a %g %e\n", pi, pi, pi);
    return 0;
}
