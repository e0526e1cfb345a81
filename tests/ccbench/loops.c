/* Benchmark: nested loops over int arrays, a small matrix product and a 2-D accumulation. */
#include "bench_io.h"

static int a[48][48], b[48][48], c[48][48];

int main(int argc, char **argv) {
    long rounds = size_arg(argc, argv, 20);
    unsigned int checksum = 0;
    for (int i = 0; i < 48; i++) {
        for (int j = 0; j < 48; j++) {
            a[i][j] = (i * 7 + j * 3) % 17 - 8;
            b[i][j] = (i * 5 - j * 11) % 13;
        }
    }
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < 48; i++) {
            for (int j = 0; j < 48; j++) {
                int sum = 0;
                for (int k = 0; k < 48; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum + (int) r;
            }
        }
        for (int i = 0; i < 48; i++)
            for (int j = 0; j < 48; j++) checksum = checksum * 33 + (unsigned int) c[i][j];
        a[r % 48][(r * 7) % 48] += 1;
    }
    print_result("loops", checksum);
    return 0;
}
