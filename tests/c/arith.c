/* Integer arithmetic: promotions, the usual arithmetic conversions, division and shifts. */
#include "print.h"

int main(void) {
    int a = 7, b = -3;
    unsigned u = 3000000000u;
    char c = -1;
    unsigned char uc = 200;
    short s = -32768;
    long l = 1L << 40;
    show("a+b", a + b);
    show("a*b", a * b);
    show("a/b", a / b);
    show("a%b", a % b);
    show("-a/2", -a / 2);
    show("u", u);
    show("u+u", u + u);
    show("(long)u+u", (long) u + u);
    show("c", c);
    show("uc", uc);
    show("c+uc", c + uc);
    show("s-1", s - 1);
    show("(short)(s-1)", (short) (s - 1));
    show("-1<1u", -1 < 1u);
    show("-1<1", -1 < 1);
    show("-1L<1u", -1L < 1u);
    show("l>>3", l >> 3);
    show("-16>>2", -16 >> 2);
    show("0x80000000u>>4", 0x80000000u >> 4);
    show("1<<31", 1 << 31);
    show("u/7", u / 7);
    show("u%7", u % 7);
    show("~0u", ~0u);
    show("~0", ~0);
    show("!5", !5);
    show("sizeof(long)", sizeof(long));
    show("ternary", a > b ? a : b);
    show("comma", (a++, a));
    show("a--", a--);
    show("--a", --a);
    a += 10;
    a <<= 2;
    a ^= 5;
    show("compound", a);
    show("INT_MAX+1 wrap", (int) (2147483647u + 1u));
    show("(unsigned char)300", (unsigned char) 300);
    show("(signed char)200", (signed char) 200);
    show("long mul", 123456789L * 1000);
    return 0;
}
