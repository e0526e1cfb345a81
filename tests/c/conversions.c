/* Conversions: _Bool, narrowing, sign extension, unsigned wrap-around, mixed-rank comparisons, shifts by variables. */
#include "print.h"

static unsigned char to_uchar(int x) { return x; }
static signed char to_schar(long x) { return x; }
static _Bool to_bool(long x) { return x; }

int main(void) {
    _Bool b = 256;
    show("b", b);
    b = 0;
    b++;
    show("b++", b);
    show("to_bool(1L<<40)", to_bool(1L << 40));
    show("to_uchar(-1)", to_uchar(-1));
    show("to_schar(384)", to_schar(384));
    unsigned short us = 65535;
    us++;
    show("us", us);
    short ss = 32767;
    ss++;
    show("ss", ss);
    unsigned int ui = 0;
    ui--;
    show("ui", ui);
    show("ui > -1", ui > -1);
    show("(long)ui > -1", (long) ui > -1);
    long sl = -1;
    unsigned long ul = sl;
    show("ul == -1", ul == -1);
    show("ul >> 60", ul >> 60);
    show("sl >> 60", sl >> 60);
    int n = 5;
    show("1 << n", 1 << n);
    show("1L << (n * 8)", 1L << (n * 8));
    show("-17 / 5", -17 / 5);
    show("-17 % 5", -17 % 5);
    show("17u / -5", 17u / -5);
    show("(char)0x1ff", (char) 0x1ff);
    char c = 'z';
    c += 10;
    show("c", c);
    show("sizeof(c + c)", sizeof(c + c));
    show("sizeof(1 ? c : 0L)", sizeof(1 ? c : 0L));
    show("sizeof(_Bool)", sizeof(_Bool));
    show("_Alignof(long)", _Alignof(long));
    unsigned char x = 250, y = 10;
    show("x + y", x + y);
    show("(unsigned char)(x + y)", (unsigned char) (x + y));
    long long ll = 9223372036854775807LL;
    show("ll", ll);
    show("ll + 1 < 0", (long long) ((unsigned long long) ll + 1) < 0);
    int neg = -8;
    show("(unsigned)neg >> 28", (unsigned) neg >> 28);
    show("neg >> 1", neg >> 1);
    return 0;
}
