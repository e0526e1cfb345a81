/* What every benchmark program shares: output through write() only, and its size argument. */
#ifndef BENCH_IO_H
#define BENCH_IO_H

long write(int fd, const void *buf, unsigned long count);

/* Prints "name checksum\n" with write() only: no libc. */
static void print_result(const char *name, unsigned long v) {
    char buf[64];
    int n = 0;
    while (name[n]) {
        buf[n] = name[n];
        n++;
    }
    buf[n++] = 32;
    char digits[24];
    int d = 0;
    do {
        digits[d++] = (char) (48 + v % 10);
        v /= 10;
    } while (v);
    while (d > 0) buf[n++] = digits[--d];
    buf[n++] = 10;
    write(1, buf, n);
}

/* The problem size: argv[1] as a decimal number, or the default. */
static long size_arg(int argc, char **argv, long fallback) {
    if (argc < 2) return fallback;
    long v = 0;
    for (char *p = argv[1]; *p >= 48 && *p <= 57; p++) v = v * 10 + (*p - 48);
    return v;
}

#endif
