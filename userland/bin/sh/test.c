/*
 * test.c: test and [, by POSIX's rules for one to four arguments, -o and -a beyond.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "sh.h"

static int test_failed;   /* a test error: the status is 2 */

static long test_number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (*s == 0 || *end) {
        if (!test_failed) error("test: Illegal number: %s", s);
        test_failed = 1;
    }
    return v;
}

/* A unary primary (-n -z -e -f -d -r -w -x -s -L -h -t); -1 if op is not one. */
static int test_unary(const char *op, const char *a)
{
    struct stat st;
    if (op[0] != '-' || op[1] == 0 || op[2] != 0) return -1;
    switch (op[1]) {
    case 'n': return *a != 0;
    case 'z': return *a == 0;
    case 't': return isatty((int)test_number(a));
    case 'r': return access(a, R_OK) == 0;
    case 'w': return access(a, W_OK) == 0;
    case 'x': return access(a, X_OK) == 0;
    case 'L':
    case 'h': return lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
    case 'e': case 'f': case 'd': case 's': case 'c': case 'p':
        if (stat(a, &st) < 0) return 0;
        return op[1] == 'e' || (op[1] == 'f' && S_ISREG(st.st_mode)) || (op[1] == 'd' && S_ISDIR(st.st_mode))
            || (op[1] == 's' && st.st_size > 0) || (op[1] == 'c' && S_ISCHR(st.st_mode))
            || (op[1] == 'p' && S_ISFIFO(st.st_mode));
    default: return -1;
    }
}

/* A binary primary (= != -eq -ne -lt -le -gt -ge); -1 if op is not one. */
static int test_binary(const char *a, const char *op, const char *b)
{
    static const char *const ops[] = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL};
    if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
    for (int i = 0; ops[i]; i++) {
        if (strcmp(op, ops[i]) != 0) continue;
        long x = test_number(a), y = test_number(b);
        switch (i) {
        case 0: return x == y;
        case 1: return x != y;
        case 2: return x < y;
        case 3: return x <= y;
        case 4: return x > y;
        default: return x >= y;
        }
    }
    return -1;
}

/* Evaluates argv[0..argc) by POSIX's rules for one to four arguments, -o and -a beyond. */
static int test_eval(int argc, char **argv)
{
    int r;
    for (int i = 1; argc > 4 && i < argc - 1; i++) {
        if (strcmp(argv[i], "-o") == 0) return test_eval(i, argv) || test_eval(argc - i - 1, argv + i + 1);
    }
    for (int i = 1; argc > 4 && i < argc - 1; i++) {
        if (strcmp(argv[i], "-a") == 0) return test_eval(i, argv) && test_eval(argc - i - 1, argv + i + 1);
    }
    switch (argc) {
    case 0: return 0;
    case 1: return argv[0][0] != 0;
    case 2:
        if (strcmp(argv[0], "!") == 0) return !test_eval(1, argv + 1);
        if ((r = test_unary(argv[0], argv[1])) >= 0) return r;
        break;
    case 3:
        if ((r = test_binary(argv[0], argv[1], argv[2])) >= 0) return r;
        if (strcmp(argv[1], "-a") == 0) return test_eval(1, argv) && test_eval(1, argv + 2);
        if (strcmp(argv[1], "-o") == 0) return test_eval(1, argv) || test_eval(1, argv + 2);
        if (strcmp(argv[0], "!") == 0) return !test_eval(2, argv + 1);
        if (strcmp(argv[0], "(") == 0 && strcmp(argv[2], ")") == 0) return test_eval(1, argv + 1);
        break;
    default:
        if (strcmp(argv[0], "!") == 0) return !test_eval(argc - 1, argv + 1);
        if (strcmp(argv[0], "(") == 0 && strcmp(argv[argc - 1], ")") == 0) return test_eval(argc - 2, argv + 1);
        break;
    }
    if (!test_failed) {
        int binary_op = strcmp(argv[argc - 1], "=") == 0 || strcmp(argv[argc - 1], "!=") == 0
            || (strlen(argv[argc - 1]) == 3 && strstr("-eq-ne-lt-le-gt-ge", argv[argc - 1]));
        if (argc == 2 && binary_op) error("test: %s: argument expected", argv[1]);
        else error("test: %s: unexpected operator", argv[argc > 2 ? 1 : 0]);
    }
    test_failed = 1;
    return 0;
}

/* test EXPR and [ EXPR ]: 0 true, 1 false, 2 an error. */
int bi_test(int argc, char **argv)
{
    if (strcmp(argv[0], "[") == 0) {
        if (strcmp(argv[argc - 1], "]") != 0) {
            error("[: missing ]");
            return 2;
        }
        argc--;
    }
    test_failed = 0;
    int r = test_eval(argc - 1, argv + 1);
    return test_failed ? 2 : !r;
}
