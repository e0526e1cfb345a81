/* Variadic functions with the builtin va_list, including more arguments than registers. */
#include "print.h"

static long sum(int n, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++) s += __builtin_va_arg(ap, long);
    __builtin_va_end(ap);
    return s;
}

static void format(const char *fmt, ...) {
    __builtin_va_list ap, again;
    __builtin_va_start(ap, fmt);
    __builtin_va_copy(again, ap);
    for (const char *p = fmt; *p; p++) {
        if (*p == '%' && p[1] == 'd') { print_long(__builtin_va_arg(ap, int)); p++; }
        else if (*p == '%' && p[1] == 's') { print_str(__builtin_va_arg(ap, const char *)); p++; }
        else write(1, p, 1);
    }
    print_str(" / first again: ");
    print_long(__builtin_va_arg(again, int));
    print_str("\n");
    __builtin_va_end(again);
    __builtin_va_end(ap);
}

int main(void) {
    show("sum3", sum(3, 10L, 20L, 30L));
    show("sum10", sum(10, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
    format("x=%d s=%s y=%d", -5, "str", 77);
    format("%d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8, 9);
    return 0;
}
