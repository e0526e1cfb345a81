/*
 * The interpreter benchmark's arithmetic loop (vm.InterpreterBench.arithLoop), in C, to time
 * natively for comparison: 10 ALU operations, a counter and a branch per iteration.
 *
 *   gcc -O0 -o /tmp/arith0 arith.c && /tmp/arith0
 *   gcc -O2 -o /tmp/arith2 arith.c && /tmp/arith2
 *
 * Prints millions of iterations per second. The checksum keeps the compiler from deleting
 * the loop; every value depends on the one before, so -O2 cannot vectorise it either.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 500000000L;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    uint64_t a0 = 0, a1 = 7, a2, a3, a4, a5, a6, a7;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (long t = iterations; t != 0; t--) {
            a0 = a0 + a1;
            a1 = a1 ^ a0;
            a2 = a0 << 3;
            a3 = a2 - a1;
            a4 = a3 & a0;
            a5 = a4 | a2;
            a6 = a5 >> 7;
            a0 = a0 + 13;
            a7 = a6 < a3;
            a1 = a1 + a7;
        }
        double t1 = now();
        printf("arith: %.1f M iterations/s (checksum %llx)\n", iterations / (t1 - t0) / 1e6,
               (unsigned long long) (a0 ^ a1));
    }
    return 0;
}
