/* Benchmark: the sieve of Eratosthenes over [0, n), repeated; byte array, nested loops. */
#include "bench_io.h"

static char composite[200000];

int main(int argc, char **argv) {
    long n = size_arg(argc, argv, 200000);
    if (n > 200000) n = 200000;
    unsigned long checksum = 0;
    for (int round = 0; round < 10; round++) {
        for (long i = 0; i < n; i++) composite[i] = 0;
        int count = 0;
        for (long i = 2; i < n; i++) {
            if (composite[i]) continue;
            count++;
            checksum = checksum * 31 + i;
            for (long j = i * i; j < n; j += i) composite[j] = 1;
        }
        checksum += count;
    }
    print_result("sieve", checksum);
    return 0;
}
