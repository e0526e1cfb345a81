/*
 * The first pthreads exercises of a course, in floating point: pi as the integral of
 * 4/(1+x^2) over [0,1] split between threads, and a matrix product of doubles split by
 * rows. Each thread's partial result is combined in thread order, so the bits printed do
 * not depend on the scheduling; they are printed as bits (%016lx) to compare exactly.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define STEPS 40000
#define N 24

static double partial[THREADS];
static double a[N][N], b[N][N], c[N][N];

static unsigned long bits(double d)
{
    unsigned long u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static void *integrate(void *arg)
{
    long t = (long) arg;
    double step = 1.0 / STEPS, sum = 0.0;
    for (long i = t; i < STEPS; i += THREADS) {
        double x = (i + 0.5) * step;
        sum += 4.0 / (1.0 + x * x);
    }
    partial[t] = sum * step;
    return NULL;
}

static void *multiply(void *arg)
{
    long t = (long) arg;
    for (int i = t; i < N; i += THREADS)
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    return NULL;
}

static void run(void *(*work)(void *))
{
    pthread_t th[THREADS];
    for (long t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, work, (void *) t);
    for (int t = 0; t < THREADS; t++) pthread_join(th[t], NULL);
}

int main(void)
{
    run(integrate);
    double pi = 0;
    for (int t = 0; t < THREADS; t++) {
        printf("partial %d: %016lx\n", t, bits(partial[t]));
        pi += partial[t];
    }
    printf("pi: %016lx, error %ld ulps from M_PI\n", bits(pi), (long) (bits(pi) - bits(3.14159265358979323846)));

    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i + 1) / (double) (j + 3);
            b[i][j] = (i - j) * 0.125f + 1e-3 * j;
        }
    run(multiply);
    double trace = 0, total = 0;
    for (int i = 0; i < N; i++) {
        trace += c[i][i];
        for (int j = 0; j < N; j++) total += c[i][j];
    }
    printf("c[0][0] %016lx c[5][17] %016lx c[23][23] %016lx\n", bits(c[0][0]), bits(c[5][17]), bits(c[N - 1][N - 1]));
    printf("trace %016lx total %016lx\n", bits(trace), bits(total));
    printf("as integers: pi*1e6 = %ld, trace*1000 = %ld\n", (long) (pi * 1e6), (long) (trace * 1000));
    return 0;
}
