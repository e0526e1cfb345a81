/* Calls with many computed arguments (more than there are registers for temporaries), nested in each other. */
#include "print.h"

static long f12(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j, long k, long l) {
    return a - b + c * 2 - d + e * 3 - f + g * 4 - h + i * 5 - j + k * 6 - l;
}

static long id(long x) { return x; }

int main(void) {
    long x = 3, y = 4;
    show("f12", f12(x + y, x * y, x - y, id(x), id(y) + 1, x << 2, y >> 1, x % 2, y / 3, -x, ~y, x ^ y));
    show("nested", f12(f12(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), x + 1, y + 2, x * 3, id(id(5)),
                       f12(x, y, x, y, x, y, x, y, x, y, x, y) + 1, 7, 8, 9, 10, x + y + id(2), 12));
    long deep = x + (y * (x + (y * (x + (y * (x + (y * (x + (y * (x + (y * id(2))))))))))));
    show("deep", deep);
    return 0;
}
