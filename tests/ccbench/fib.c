/* Benchmark: naive recursion (Fibonacci) plus Ackermann, call and return heavy. */
#include "bench_io.h"

static long fib(int n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

static int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

int main(int argc, char **argv) {
    int n = (int) size_arg(argc, argv, 27);
    unsigned long checksum = (unsigned long) fib(n);
    checksum = checksum * 1000003 + (unsigned long) ack(2, n);
    print_result("fib", checksum);
    return 0;
}
