/*
 * The second pthreads exercise: C = A x B for square matrices of doubles, one band of rows
 * per thread. Every element is computed by exactly one thread in a fixed order, so the
 * output does not depend on the schedule.
 */
#include <pthread.h>
#include <stdio.h>

#define N 24
#define THREADS 3

static double a[N][N], b[N][N], c[N][N];

static void *multiply(void *arg) {
    long id = (long) arg;
    for (int i = id * (N / THREADS); i < (id + 1) * (N / THREADS); i++)
        for (int j = 0; j < N; j++) {
            double sum = 0;
            for (int k = 0; k < N; k++) sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
    return NULL;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i + 1) / (double) (j + 2);
            b[i][j] = (i - j) * 0.25f + 1.0 / 3;
        }
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, multiply, (void *) i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    double trace = 0;
    for (int i = 0; i < N; i++) trace += c[i][i];
    printf("c[0][0] = %f\nc[5][7] = %.10e\nc[%d][%d] = %g\n", c[0][0], c[5][7], N - 1, N - 1, c[N - 1][N - 1]);
    printf("trace = %.6f\n", trace);
    for (int j = 0; j < 6; j++) printf("%10.4f%c", c[N / 2][j], j == 5 ? '\n' : ' ');
    return 0;
}
