/* va_arg of structs (small ones in slots, big ones by address), GNU case ranges, union initialisers. */
#include "print.h"

struct pair { int a, b; char c; };
struct triple { long x, y, z; };
union num { long l; char c[8]; };

union num gnum = {.c = {1, 2}};

static long collect(int n, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    long total = 0;
    for (int i = 0; i < n; i++) {
        int kind = __builtin_va_arg(ap, int);
        if (kind == 0) {
            struct pair p = __builtin_va_arg(ap, struct pair);
            total += p.a * 100 + p.b * 10 + p.c;
        } else {
            struct triple t = __builtin_va_arg(ap, struct triple);
            total += t.x + t.y + t.z;
        }
    }
    __builtin_va_end(ap);
    return total;
}

static const char *grade(int score) {
    switch (score) {
    case 90 ... 100: return "A";
    case 80 ... 89: return "B";
    case 0 ... 79: return "C";
    default: return "?";
    }
}

int main(void) {
    struct pair p = {1, 2, 3};
    struct triple t = {1000, 2000, 3000};
    show("collect", collect(4, 0, p, 1, t, 0, p, 1, t));
    print_str(grade(95));
    print_str(grade(85));
    print_str(grade(12));
    print_str(grade(101));
    print_str("\n");
    union num local = {.l = 0x4142};
    show("local.c[0]", local.c[0]);
    show("gnum.l", gnum.l);
    const char *names[] = {"x", "yy", "zzz"};
    print_str(names[2]);
    print_str("\n");
    return 0;
}
