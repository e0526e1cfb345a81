/*
 * print.h: what the tests/c programs print with. They run on a bare machine whose only
 * system calls are write and exit (tests/c/rt/crt0.s), so there is no printf: these helpers
 * format with write() alone. The same file builds with gcc, which gives the .expected output.
 */
#ifndef TESTS_C_PRINT_H
#define TESTS_C_PRINT_H
long write(int fd, const void *buf, unsigned long count);

static void print_str(const char *s) {
    unsigned long n = 0;
    while (s[n]) n++;
    write(1, s, n);
}

static void print_long(long v) {
    char buf[24];
    int i = 23;
    unsigned long u = v < 0 ? -(unsigned long) v : (unsigned long) v;
    buf[i] = 0;
    do {
        buf[--i] = '0' + u % 10;
        u /= 10;
    } while (u);
    if (v < 0) buf[--i] = '-';
    print_str(buf + i);
}

static void show(const char *label, long v) {
    print_str(label);
    print_str(" = ");
    print_long(v);
    print_str("\n");
}

/* The bits of a value in hexadecimal, as printf("%016lx") would: for doubles and floats,
 * whose exact bits are what the floating-point tests compare. */
static void show_hex(const char *label, unsigned long v, int digits) {
    char buf[17];
    buf[digits] = 0;
    for (int i = digits - 1; i >= 0; i--, v >>= 4) buf[i] = "0123456789abcdef"[v & 15];
    print_str(label);
    print_str(" = ");
    print_str(buf);
    print_str("\n");
}

#endif
