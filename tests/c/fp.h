/*
 * fp.h: printing floating values exactly, for the floating-point tests: the bits of a
 * double or float in hexadecimal (through a union, as the bare machine has no memcpy).
 * Bits show every difference a decimal printout could hide: -0.0, NaN signs, the last ulp.
 */
#ifndef TESTS_C_FP_H
#define TESTS_C_FP_H
#include "print.h"

static void show_d(const char *label, double d) {
    union { double d; unsigned long u; } x;
    x.d = d;
    show_hex(label, x.u, 16);
}

static void show_f(const char *label, float f) {
    union { float f; unsigned int u; } x;
    x.f = f;
    show_hex(label, x.u, 8);
}

#endif
