/* Conversions between every integer type and float/double at their boundaries, at run time and folded. */
#include "fp.h"

/* Each conversion is done twice: at run time from a volatile variable, and folded by the compiler. */
#define TO_D(T, v) do { volatile T x = v; show_d(#T " " #v " -> double", (double) x); show_d("  folded", (double) (T) (v)); } while (0)
#define TO_F(T, v) do { volatile T x = v; show_f(#T " " #v " -> float", (float) x); show_f("  folded", (float) (T) (v)); } while (0)
#define FROM_D(T, v) do { volatile double x = v; show(#v " -> " #T, (long) (T) x); show("  folded", (long) (T) (v)); } while (0)
#define FROM_F(T, v) do { volatile float x = v; show(#v " -> " #T, (long) (T) x); show("  folded", (long) (T) (v)); } while (0)
#define D_TO_UL(v) do { volatile double x = v; show_hex(#v " -> unsigned long", (unsigned long) x, 16); show_hex("  folded", (unsigned long) (v), 16); } while (0)
#define F_TO_UL(v) do { volatile float x = v; show_hex(#v " -> unsigned long", (unsigned long) x, 16); show_hex("  folded", (unsigned long) (v), 16); } while (0)

enum color { RED, GREEN = 5 };

int main(void) {
    TO_D(long, 9007199254740993L);
    TO_D(long, 9007199254740995L);
    TO_D(long, 9223372036854775807L);
    TO_D(long, -9223372036854775807L - 1);
    TO_D(long, -1L);
    TO_D(unsigned long, 18446744073709551615UL);
    TO_D(unsigned long, 9223372036854775808UL);
    TO_D(unsigned long, 9223372036854777857UL);
    TO_D(unsigned long, 18446744073709550592UL);
    TO_D(unsigned long, 18446744073709549568UL);
    TO_D(unsigned long, 18446744073709550591UL);
    TO_D(unsigned int, 4294967295U);
    TO_D(int, -2147483647 - 1);
    TO_D(short, -32768);
    TO_D(unsigned short, 65535);
    TO_D(signed char, -128);
    TO_D(unsigned char, 255);
    TO_D(char, 'A');
    TO_D(_Bool, 1);
    TO_D(enum color, GREEN);
    TO_F(int, 16777217);
    TO_F(int, 16777219);
    TO_F(int, 2147483647);
    TO_F(unsigned int, 4294967295U);
    TO_F(long, 9223372036854775807L);
    TO_F(long, -9223372036854775807L - 1);
    TO_F(unsigned long, 18446744073709551615UL);
    TO_F(unsigned long, 9223373136366403584UL);
    TO_F(unsigned long, 9223373136366403585UL);
    TO_F(unsigned long, 18446742974197923840UL);

    FROM_D(int, 2.9);
    FROM_D(int, -2.9);
    FROM_D(int, 2147483647.0);
    FROM_D(int, -2147483648.0);
    FROM_D(unsigned int, 4294967295.0);
    FROM_D(unsigned int, -0.9);
    FROM_D(long, 9223372036854774784.0);
    FROM_D(long, -9223372036854775808.0);
    FROM_D(long, -0.0);
    FROM_D(char, 65.7);
    FROM_D(unsigned char, 200.5);
    FROM_D(signed char, -127.99);
    FROM_D(short, -300.9);
    FROM_D(unsigned short, 65535.9);
    FROM_D(_Bool, 0.5);
    FROM_D(_Bool, -0.0);
    FROM_D(_Bool, 1e-300);
    FROM_D(_Bool, 4.9e-324);
    FROM_F(int, 16777217.0f);
    FROM_F(long, 1e10f);
    FROM_F(unsigned int, 4294967040.0f);
    FROM_F(_Bool, 0.25f);
    FROM_F(_Bool, -0.0f);
    D_TO_UL(9223372036854775808.0);
    D_TO_UL(18446744073709549568.0);
    D_TO_UL(9223372036854775807.0);
    D_TO_UL(12345678901234567890.0);
    D_TO_UL(-0.5);
    D_TO_UL(0.999);
    F_TO_UL(18446742974197923840.0f);
    F_TO_UL(9223372036854775808.0f);
    F_TO_UL(3.5f);

    volatile double zero = 0.0;
    double nan = zero / zero;
    _Bool b = nan;
    show("(_Bool) nan", b);
    b = (_Bool) -nan;
    show("(_Bool) -nan", b);
    show("nan -> _Bool through a call argument", !!(_Bool) nan);

    show_d("float -> double 0.1f", (double) 0.1f);
    volatile float tenth = 0.1f;
    show_d("float -> double at run time", tenth);
    volatile double third = 1.0 / 3;
    show_f("double -> float at run time", (float) third);
    show_f("double -> float folded", (float) (1.0 / 3));
    volatile double halfway = 1.0000000596046448;
    show_f("double -> float rounding to even", (float) halfway);
    volatile double dmax = 1.7976931348623157e308;
    show_f("double max -> float", (float) dmax);
    show_f("double subnormal -> float", (float) (4.9e-324 * third));
    float fnan = nan;
    show_f("nan -> float", fnan);
    show_d("nan -> float -> double", (double) fnan);
    return 0;
}
