/*
 * printf_fp_cost.c: formats one double N times with snprintf, for counting the guest
 * instructions a conversion costs (GuestBasicsTest runs it with N and with 0 and divides).
 *
 * Usage: printf_fp_cost N FORMAT BITS (BITS: the double's bits in hexadecimal).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double from_bits(unsigned long long bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}
#define D(bits) from_bits(bits)

int main(int argc, char **argv)
{
    static char buf[2048];
    unsigned long long bits;
    int n, i;
    if (argc != 4) return 2;
    n = atoi(argv[1]);
    bits = strtoull(argv[3], 0, 16);
    for (i = 0; i < n; i++) snprintf(buf, sizeof buf, argv[2], D(bits));
    return 0;
}
