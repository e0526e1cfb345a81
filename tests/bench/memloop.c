/*
 * The interpreter benchmark's memory loop (vm.InterpreterBench.memoryLoop), in C, to time
 * natively for comparison: per iteration two 8-byte loads, an 8-byte store, a 4-byte store
 * and a 4-byte load, walking a 64 KiB array 16 bytes at a time and wrapping around.
 *
 *   gcc -O0 -o /tmp/memloop0 memloop.c && /tmp/memloop0
 *   gcc -O2 -o /tmp/memloop2 memloop.c && /tmp/memloop2
 *
 * Prints millions of iterations per second. Accesses of different widths to the same bytes
 * go through memcpy, the portable way to reinterpret memory in C; gcc turns each into one
 * load or store (also at -O0, where it expands memcpy of a constant small size inline).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BYTES (16 * 4096)

static unsigned char data[BYTES];

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 500000000L;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    uint64_t s1 = 1, a0 = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (long t = iterations; t != 0; t--) {
            unsigned char *p = data + a0;
            uint64_t t1, t2;
            uint32_t w;
            int32_t t4;
            memcpy(&t1, p, 8);          /* ld t1, 0(t0)  */
            memcpy(&t2, p + 8, 8);      /* ld t2, 8(t0)  */
            s1 += t1;
            uint64_t t3 = t1 + t2;
            memcpy(p, &t3, 8);          /* sd t3, 0(t0)  */
            w = (uint32_t) s1;
            memcpy(p + 8, &w, 4);       /* sw s1, 8(t0)  */
            memcpy(&t4, p + 12, 4);     /* lw t4, 12(t0) */
            s1 += (int64_t) t4;
            a0 = (a0 + 16) & (BYTES - 16);
        }
        double t1 = now();
        printf("memloop: %.1f M iterations/s (checksum %llx)\n", iterations / (t1 - t0) / 1e6,
               (unsigned long long) s1);
    }
    return 0;
}
