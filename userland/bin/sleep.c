/*
 * sleep: pause for the sum of the given intervals, as coreutils' sleep. Each is a number of
 * seconds with an optional fraction ("0.25") and suffix s, m, h or d. The pause is one
 * nanosleep(2) of virtual time per interval, resumed after an interruption.
 */
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* Parses s into nanoseconds; 0 on success, -1 if it is not a valid interval. */
static int parse_interval(const char *s, long *nanos) {
    long whole = 0, frac = 0, scale = 1000000000L;
    const char *p = s;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
        if (whole > 100000000000L) return -1;
        whole = whole * 10 + (*p - '0');
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
            if (scale > 1) {
                scale /= 10;
                frac += (*p - '0') * scale;
            }
        }
    }
    if (digits == 0) return -1;
    long unit = 1;
    if (*p == 'm') unit = 60;
    else if (*p == 'h') unit = 3600;
    else if (*p == 'd') unit = 86400;
    if (*p == 's' || unit != 1) p++;
    if (*p != 0) return -1;
    *nanos = (whole * 1000000000L + frac) * unit;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", argv[0], argv[0]);
        return 1;
    }
    long total = 0;
    for (int i = 1; i < argc; i++) {
        long nanos;
        if (parse_interval(argv[i], &nanos) < 0) {
            fprintf(stderr, "%s: invalid time interval '%s'\nTry '%s --help' for more information.\n",
                    argv[0], argv[i], argv[0]);
            return 1;
        }
        total += nanos;
    }
    struct timespec request = {total / 1000000000L, total % 1000000000L};
    struct timespec remaining;
    while (nanosleep(&request, &remaining) < 0) {
        if (errno != EINTR) {
            perror(argv[0]);
            return 1;
        }
        request = remaining;
    }
    return 0;
}
