/*
 * Integrals that a course's pthreads exercise computes with math.h, split between threads:
 * pi as four times the area under sqrt(1 - x^2), the integral of sin over [0, pi] (2) and
 * the Gaussian integral of exp(-x^2) (sqrt(pi)), by the midpoint rule. Each thread sums
 * every THREADS-th strip and the partial sums are added in thread order, so the result
 * does not depend on the scheduling. sqrt is correctly rounded in both libraries, so the
 * circle's bits are printed; the others are printed to 10 decimals, which an ulp of
 * difference in one sin or exp between two libraries cannot change.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define STEPS 20000

static double circle[THREADS], sine[THREADS], gauss[THREADS];

static void *integrate(void *arg)
{
    long t = (long)arg;
    double h = 1.0 / STEPS, hs = M_PI / STEPS, hg = 12.0 / STEPS;
    for (long i = t; i < STEPS; i += THREADS) {
        double x = (i + 0.5) * h;
        circle[t] += sqrt(1 - x * x) * h;
        sine[t] += sin((i + 0.5) * hs) * hs;
        x = -6 + (i + 0.5) * hg;
        gauss[t] += exp(-x * x) * hg;
    }
    return NULL;
}

int main(void)
{
    pthread_t th[THREADS];
    double pi = 0, two = 0, root_pi = 0;
    unsigned long bits;
    for (long t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, integrate, (void *)t);
    for (int t = 0; t < THREADS; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < THREADS; t++) {
        pi += 4 * circle[t];
        two += sine[t];
        root_pi += gauss[t];
    }
    memcpy(&bits, &pi, sizeof bits);
    printf("pi ~ %.10f (bits %016lx), error %.3e\n", pi, bits, fabs(pi - M_PI));
    printf("integral of sin over [0, pi] ~ %.10f\n", two);
    printf("integral of exp(-x^2) ~ %.10f, sqrt(pi) = %.10f\n", root_pi, sqrt(M_PI));
    printf("4 atan(1) = %.17g, acos(-1) = %.17g, M_PI = %.17g\n", 4 * atan(1.0), acos(-1.0), M_PI);
    printf("pow(2, 0.5) = %.17g, hypot(3, 4) = %g, cbrt(27) = %g, fmod(10, 3) = %g\n", pow(2, 0.5), hypot(3, 4),
           cbrt(27.0), fmod(10, 3));
    return 0;
}
