/*
 * guest_printf.c: a table of printf formats and values, printed through the libc as
 * compiled by Clonix's compiler. guest_printf.expected is what glibc prints for it, so
 * this checks the compiled engine (va_arg, 64-bit arithmetic, sign extension) end to end.
 */
#include <limits.h>
#include <stdio.h>

static const char *const int_formats[] = {
    "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.0d", "%.3d", "%8.3d", "%-8.3d|", "%+08d", "%x", "%#x",
    "%X", "%#X", "%o", "%#o", "%u", "%hd", "%hhd", "%hu", "%hhx", "%#.0o", "%.0x", "%#10x", "%-#10o|", "%c",
};
static const char *const long_formats[] = {
    "%ld", "%lu", "%lx", "%#lo", "%lld", "%llu", "%zd", "%zu", "%jd", "%td", "%+ld", "%020ld", "%-20lx|", "%.15lo",
};
static const int ints[] = { 0, 1, -1, 42, -42, 255, 65, 32767, -32768, 65536, INT_MAX, INT_MIN };
static const long longs[] = { 0, 1, -1, 1000000007L, -99999999999L, LONG_MAX, LONG_MIN, 0x123456789abcdefL };
static const char *const strings[] = { "", "a", "hello", "a longer string" };

int main(void)
{
    int f, v, total = 0;
    for (f = 0; f < (int)(sizeof int_formats / sizeof int_formats[0]); f++) {
        printf("%-8s", int_formats[f]);
        for (v = 0; v < (int)(sizeof ints / sizeof ints[0]); v++) {
            if (int_formats[f][1] == 'c' && (ints[v] < 32 || ints[v] > 126)) continue;
            printf(" [");
            total += printf(int_formats[f], ints[v]);
            printf("]");
        }
        printf("\n");
    }
    for (f = 0; f < (int)(sizeof long_formats / sizeof long_formats[0]); f++) {
        printf("%-8s", long_formats[f]);
        for (v = 0; v < (int)(sizeof longs / sizeof longs[0]); v++) {
            printf(" [");
            total += printf(long_formats[f], longs[v]);
            printf("]");
        }
        printf("\n");
    }
    for (v = 0; v < 4; v++)
        printf("[%s] [%10s] [%-10s] [%.3s] [%*s] [%-*.*s]\n", strings[v], strings[v], strings[v], strings[v], 7,
               strings[v], 9, 2, strings[v]);
    printf("[%p] [%20p] [%-20p] [%p]\n", (void *)0, (void *)0, (void *)0x1234, (void *)0x7fff0000L);
    printf("total %d\n", total);
    return 0;
}
