/*
 * echo: write the arguments, separated by spaces, followed by a newline.
 * As GNU coreutils' echo: -n leaves out the newline, -e interprets backslash escapes
 * (\n \t \\ \a \b \c \e \f \r \v \0NNN \xHH), -E turns them off (the default). Options
 * are recognised only before the first other argument.
 */
#include <stdio.h>
#include <string.h>

static int octal_digit(int c) { return c >= '0' && c <= '7'; }

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Writes s with escapes interpreted; returns 0 if \c asked to stop all output. */
static int put_escaped(const char *s) {
    while (*s) {
        int c = (unsigned char) *s++;
        if (c != '\\' || *s == 0) {
            putchar(c);
            continue;
        }
        c = (unsigned char) *s++;
        switch (c) {
        case 'a': putchar('\a'); break;
        case 'b': putchar('\b'); break;
        case 'c': return 0;
        case 'e': putchar(27); break;
        case 'f': putchar('\f'); break;
        case 'n': putchar('\n'); break;
        case 'r': putchar('\r'); break;
        case 't': putchar('\t'); break;
        case 'v': putchar('\v'); break;
        case '\\': putchar('\\'); break;
        case '0': {
            int v = 0;
            for (int i = 0; i < 3 && octal_digit(*s); i++) v = v * 8 + (*s++ - '0');
            putchar(v);
            break;
        }
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && hex_value((unsigned char) *s) >= 0) v = v * 16 + hex_value((unsigned char) *s++), n++;
            if (n == 0) {
                putchar('\\');
                putchar('x');
            } else {
                putchar(v);
            }
            break;
        }
        default:
            putchar('\\');
            putchar(c);
        }
    }
    return 1;
}

/* True if arg is made only of the option letters n, e and E after a '-'. */
static int is_option(const char *arg) {
    if (arg[0] != '-' || arg[1] == 0) return 0;
    for (const char *p = arg + 1; *p; p++)
        if (*p != 'n' && *p != 'e' && *p != 'E') return 0;
    return 1;
}

int main(int argc, char **argv) {
    int newline = 1, escapes = 0, i = 1;
    for (; i < argc && is_option(argv[i]); i++) {
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n') newline = 0;
            else if (*p == 'e') escapes = 1;
            else escapes = 0;
        }
    }
    for (int first = 1; i < argc; i++, first = 0) {
        if (!first) putchar(' ');
        if (escapes) {
            if (!put_escaped(argv[i])) return 0;
        } else {
            fputs(argv[i], stdout);
        }
    }
    if (newline) putchar('\n');
    return 0;
}
