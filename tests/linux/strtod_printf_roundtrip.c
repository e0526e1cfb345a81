/*
 * Text to double and back: strtod, strtof, atof and sscanf's %lf and %f read numbers into
 * real doubles and floats, and printf writes them out again. Printing with %.17g (%.9g for
 * a float) and reading back must give the same bits, as it does with glibc.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *inputs[] = {
    "0.1", "1e23", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308",
    "-0", "123456789012345678901234567890", "0x1.8p-3", "  3.14159265358979323846xyz",
    "1e400", "1e-400", "inf", "-nan", "9007199254740993", "0.000001", "5e-1",
};

int main(void) {
    int n = sizeof inputs / sizeof inputs[0];
    for (int i = 0; i < n; i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        int e = errno;
        float f = strtof(inputs[i], NULL);
        char text[64];
        snprintf(text, sizeof text, "%.17g", d);
        double back = atof(text);
        printf("%-32s -> %.17g %a [%s] errno=%d float=%.9g round trip %s\n", inputs[i], d, d, end,
               e, f, memcmp(&back, &d, sizeof d) == 0 ? "exact" : "LOST");
    }
    double x, y;
    float z;
    int got = sscanf("2.5e3 -0.125 1e-45", "%lf %lf %f", &x, &y, &z);
    printf("sscanf: %d %g %g %g\n", got, x, y, z);
    printf("sum %.3f product %e quotient %g\n", x + y, x * y, x / y);
    return 0;
}
