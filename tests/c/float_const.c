/* Floating constants and constant expressions: decimal and hex spellings rounded once to their type, static initializers, folding that gives the run-time bits, casts in integer constant expressions. */
#include "fp.h"

static double table[] = {1.5, 1e300 * 10, -0.0, 1e308 * 10, 0x1.8p3, 1 / 3.0, (float) 0.1, 5 / 2, 'a' * 0.5};
static float ftable[] = {1 / 3.0, 0.1, 1e39, -1e-46, 16777217, 0x1.fffffep127f};
float f = 1 / 3.0;
double d = 10 / 4;
long double ld = 2.5L;
int from_double = 2.75 * 4;
unsigned long from_big = 1e19;
_Bool truth = 0.1, falsehood = -0.0;
char c = 65.9;
int sized[(int) 2.5];
int cast_size[(int) (1.5 * 4) + (int) sizeof(double)];
struct s { float x; double y; int z; } st = {1.1, -2.2f, 3.9};
double *ptr = &table[4];
enum { SCALED = (int) (0.75 * 8) };

struct fold { const char *name; double folded, run; };

int main(void) {
    for (int i = 0; i < 9; i++) show_d("table", table[i]);
    for (int i = 0; i < 6; i++) show_f("ftable", ftable[i]);
    show_f("f", f);
    show_d("d", d);
    show_d("ld", (double) ld);
    show("from_double", from_double);
    show_hex("from_big", from_big, 16);
    show("truth", truth);
    show("falsehood", falsehood);
    show("c", c);
    show("sizeof sized", sizeof sized);
    show("sizeof cast_size", sizeof cast_size);
    show_f("st.x", st.x);
    show_d("st.y", st.y);
    show("st.z", st.z);
    show_d("*ptr", *ptr);
    show("SCALED", SCALED);
    show("sizeof(float)", sizeof(float));
    show("sizeof(double)", sizeof(double));
    show("sizeof 1.0f", sizeof 1.0f);
    show("sizeof 1.0", sizeof 1.0);

    /* Decimal spellings: shortest, long, halfway cases, limits, beyond the limits. */
    show_d("0.1", 0.1);
    show_d("1e23", 1e23);
    show_d("8.98846567431158e307", 8.98846567431158e307);
    show_d("2.2250738585072011e-308", 2.2250738585072011e-308);
    show_d("2.2250738585072012e-308", 2.2250738585072012e-308);
    show_d("4.9406564584124654e-324", 4.9406564584124654e-324);
    show_d("2.4703282292062328e-324", 2.4703282292062328e-324);
    show_d("2.4703282292062327e-324", 2.4703282292062327e-324);
    show_d("1.7976931348623158e308", 1.7976931348623158e308);
    show_d("1.7976931348623159e308", 1.7976931348623159e308);
    show_d("1e-400", 1e-400);
    show_d("1e400", 1e400);
    show_d("9007199254740993", 9007199254740993.0);
    show_d("long mantissa", 3.14159265358979323846264338327950288419716939937510582097494459);
    show_d("0.000000000000000000000000000000000000000000001e45", 0.000000000000000000000000000000000000000000001e45);
    show_d("123456789012345678901234567890e-10", 123456789012345678901234567890e-10);
    show_d(".5", .5);
    show_d("5.", 5.);
    show_d("1E+2", 1E+2);
    show_d("2.5L", 2.5L);
    show_f("0.1f", 0.1f);
    show_f("1.000000059604644775390625000001f", 1.000000059604644775390625000001f);
    show_f("1.0000000596046447753906249999f", 1.0000000596046447753906249999f);
    show_f("3.4028235e38f", 3.4028235e38f);
    show_f("3.4028236e38f", 3.4028236e38f);
    show_f("1.4e-45f", 1.4e-45f);
    show_f("7e-46f", 7e-46f);
    show_f("1e-46F", 1e-46F);
    /* Hexadecimal spellings. */
    show_d("0x1p0", 0x1p0);
    show_d("0x1.8p3", 0x1.8p3);
    show_d("0X.8P-1", 0X.8P-1);
    show_d("0x1.fffffffffffff8p0", 0x1.fffffffffffff8p0);
    show_d("0x1.fffffffffffff7p0", 0x1.fffffffffffff7p0);
    show_d("0x1p-1074", 0x1p-1074);
    show_d("0x1p-1075", 0x1p-1075);
    show_d("0x1.8p-1075", 0x1.8p-1075);
    show_d("0x1.fffffffffffffp1023", 0x1.fffffffffffffp1023);
    show_d("0x1p1024", 0x1p1024);
    show_d("0xABCDEFp-8", 0xABCDEFp-8);
    show_f("0x1.000001p0f", 0x1.000001p0f);
    show_f("0x1.0000018p0f", 0x1.0000018p0f);
    show_f("0x1p-149f", 0x1p-149f);

    /* Folding gives the bits the machine computes. */
    volatile double one = 1, three = 3, tenth = 0.1, zero = 0, big = 1e308, ten = 10;
    volatile float fone = 1, fthree = 3, ftenth = 0.1f;
    struct fold folds[] = {
        {"1/3", 1.0 / 3, one / three},
        {"0.1*3", 0.1 * 3, tenth * three},
        {"0.1+0.1+0.1", 0.1 + 0.1 + 0.1, tenth + tenth + tenth},
        {"1e308*10", 1e308 * 10, big * ten},
        {"0/0", 0.0 / 0.0, zero / zero},
        {"-(0/0)", -(0.0 / 0.0), -(zero / zero)},
        {"1/-0", 1 / -0.0, one / -zero},
        {"(0/0)+1", 0.0 / 0.0 + 1, zero / zero + one},
        {"float 1/3", (float) (1.0f / 3.0f), fone / fthree},
        {"float 0.1*3", 0.1f * 3.0f, ftenth * fthree},
        {"float+double", 0.1f + 0.1, ftenth + tenth},
        {"(float)1e39", (float) 1e39, (float) (big / 1e269)},
        {"-0.0-0.0", -0.0 - 0.0, -zero - zero},
        {"0.0*-1", 0.0 * -1, zero * -one},
    };
    for (int i = 0; i < (int) (sizeof folds / sizeof folds[0]); i++) {
        show_d(folds[i].name, folds[i].folded);
        show("  folded == run (bits)", *(unsigned long *) &folds[i].folded == *(unsigned long *) &folds[i].run);
    }
    show("0.1 + 0.2 == 0.3", 0.1 + 0.2 == 0.3);
    show("0.1f + 0.2f == 0.3f", 0.1f + 0.2f == 0.3f);
    show("(0.0/0.0) != (0.0/0.0)", (0.0 / 0.0) != (0.0 / 0.0));
    show("1.0 < 2", 1.0 < 2);
    show("-0.0 == 0", -0.0 == 0);
    show("!0.0", !0.0);
    show("!-0.0", !-0.0);
    show("!(0.0/0.0)", !(0.0 / 0.0));
    show("0.5 && 2", 0.5 && 2);
    show("0.0 || 0", 0.0 || 0);
    show("0.5 ? 1 : 2", 0.5 ? 1 : 2);
    show("(int) -3.99", (int) -3.99);
    return 0;
}
