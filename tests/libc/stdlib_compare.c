/*
 * stdlib_compare.c: strtol and friends, qsort, bsearch, rand/srand/rand_r, ctype and
 * strerror of our libc (clx_*) against glibc's, from a fixed seed. Prints one line per
 * mismatch (at most 20 per area) and a summary "area: checked N, mismatches M" for each.
 */
#include <ctype.h>
#include <limits.h>
#include "fake_os.h"

long clx_strtol(const char *, char **, int);
unsigned long clx_strtoul(const char *, char **, int);
long long clx_strtoll(const char *, char **, int);
unsigned long long clx_strtoull(const char *, char **, int);
int clx_atoi(const char *);
void clx_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void *clx_bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
int clx_rand(void);
void clx_srand(unsigned);
int clx_rand_r(unsigned *);
char *clx_strerror(int);
char *clx_getenv(const char *);
int clx_setenv(const char *, const char *, int);
int clx_unsetenv(const char *);
int clx_putenv(char *);
extern char **clx_environ;
int clx_isalnum(int), clx_isalpha(int), clx_isdigit(int), clx_isspace(int), clx_ispunct(int), clx_isprint(int),
    clx_isgraph(int), clx_iscntrl(int), clx_isxdigit(int), clx_isupper(int), clx_islower(int), clx_isblank(int),
    clx_tolower(int), clx_toupper(int);

static unsigned long long rng = 12345;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

static long checked, mismatches;
static void report(const char *area)
{
    printf("%s: checked %ld, mismatches %ld\n", area, checked, mismatches);
    checked = mismatches = 0;
}
static void mismatch(const char *what)
{
    if (++mismatches <= 20) printf("MISMATCH %s\n", what);
}

/* For an invalid base glibc leaves *end at a surprising place; ours leaves it at s (as musl). */
#define SAME_END(e1, e2) (base == 1 || base < 0 || base > 36 ? (e1) == s : (e1) == (e2))

static void strtol_case(const char *s, int base)
{
    char *e1, *e2, line[300];
    int err1, err2;
    *clx___errno_location() = 0;
    errno = 0;
    long a = clx_strtol(s, &e1, base);
    err1 = *clx___errno_location();
    long b = strtol(s, &e2, base);
    err2 = errno;
    checked++;
    if (a != b || !SAME_END(e1, e2) || err1 != err2) {
        snprintf(line, sizeof line, "strtol(\"%s\", %d): ours %ld end %ld errno %d, glibc %ld end %ld errno %d", s, base, a,
                 (long)(e1 - s), err1, b, (long)(e2 - s), err2);
        mismatch(line);
    }
    *clx___errno_location() = 0;
    errno = 0;
    unsigned long ua = clx_strtoul(s, &e1, base);
    err1 = *clx___errno_location();
    unsigned long ub = strtoul(s, &e2, base);
    err2 = errno;
    checked++;
    if (ua != ub || !SAME_END(e1, e2) || err1 != err2) {
        snprintf(line, sizeof line, "strtoul(\"%s\", %d): ours %lu end %ld errno %d, glibc %lu end %ld errno %d", s, base,
                 ua, (long)(e1 - s), err1, ub, (long)(e2 - s), err2);
        mismatch(line);
    }
    checked++;
    if (clx_strtoll(s, 0, base) != strtoll(s, 0, base) || clx_strtoull(s, 0, base) != strtoull(s, 0, base)) mismatch(s);
    if (base == 10) {
        checked++;
        if (clx_atoi(s) != atoi(s)) mismatch(s);
    }
}

static void test_strtol(void)
{
    static const char *fixed[] = { "0", "-0", "+0", "  42", "\t\n-17xyz", "0x1F", "0X1f", "0x", "0xg", "-0x10", "010",
                                   "08", "z", "Z", "", "   ", "+", "-", "9223372036854775807", "9223372036854775808",
                                   "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                   "18446744073709551616", "-18446744073709551615", "99999999999999999999999",
                                   "0b101", "1e5", " +-5", "--5", "7fffffffffffffff", "ffffffffffffffffff" };
    static const int bases[] = { 0, 2, 8, 10, 16, 36, 1, 37, -1, 3, 35 };
    static const char alphabet[] = "0123456789abcdefxXzZ +-\t";
    int i, j;
    for (i = 0; i < (int)(sizeof fixed / sizeof fixed[0]); i++)
        for (j = 0; j < (int)(sizeof bases / sizeof bases[0]); j++) strtol_case(fixed[i], bases[j]);
    for (i = 0; i < 20000; i++) {
        char s[40];
        int n = below(30), k;
        for (k = 0; k < n; k++) s[k] = alphabet[below((int)sizeof alphabet - 1)];
        s[n] = 0;
        strtol_case(s, bases[below(6)]);
    }
    report("strtol");
}

struct item {
    int key;
    char payload[13];
};
static int by_key(const void *a, const void *b)
{
    int x = ((const struct item *)a)->key, y = ((const struct item *)b)->key;
    return (x > y) - (x < y);
}
static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_qsort(void)
{
    static int ours[5000], theirs[5000];
    static struct item items[3000];
    int round, i;
    for (round = 0; round < 200; round++) {
        int n = round < 20 ? round : below(5000);
        int range = below(3) == 0 ? 5 : 1000000; /* many duplicates, or few */
        int pattern = below(4);
        for (i = 0; i < n; i++) {
            int v = below(range);
            if (pattern == 1) v = i;          /* sorted */
            if (pattern == 2) v = n - i;      /* reversed */
            ours[i] = theirs[i] = v;
        }
        clx_qsort(ours, (size_t)n, sizeof(int), by_int);
        qsort(theirs, (size_t)n, sizeof(int), by_int);
        checked++;
        if (memcmp(ours, theirs, (size_t)n * sizeof(int)) != 0) mismatch("qsort of ints");
        for (i = 0; i < n; i++) {
            int key = i < 5000 ? ours[i] : 0;
            checked++;
            if ((clx_bsearch(&key, ours, (size_t)n, sizeof(int), by_int) != 0) != 1) mismatch("bsearch present");
        }
        {
            int absent = -1;
            checked++;
            if (clx_bsearch(&absent, ours, (size_t)n, sizeof(int), by_int)) mismatch("bsearch absent");
        }
    }
    /* Odd-sized elements carry their payload with them. */
    for (i = 0; i < 3000; i++) {
        items[i].key = below(1000);
        snprintf(items[i].payload, sizeof items[i].payload, "k%d", items[i].key);
    }
    clx_qsort(items, 3000, sizeof items[0], by_key);
    for (i = 0; i < 3000; i++) {
        char expect[13];
        snprintf(expect, sizeof expect, "k%d", items[i].key);
        checked++;
        if ((i > 0 && items[i - 1].key > items[i].key) || strcmp(expect, items[i].payload) != 0) mismatch("qsort of structs");
    }
    report("qsort");
}

static void test_rand(void)
{
    static const unsigned seeds[] = { 0, 1, 2, 42, 12345, 0x7fffffff, 0x80000000u, 0xffffffffu };
    int i, s;
    for (i = 0; i < 1000; i++) {
        checked++;
        if (clx_rand() != rand()) mismatch("rand before srand");
    }
    for (s = 0; s < 8; s++) {
        clx_srand(seeds[s]);
        srand(seeds[s]);
        for (i = 0; i < 1000; i++) {
            checked++;
            if (clx_rand() != rand()) mismatch("rand after srand");
        }
        unsigned a = seeds[s], b = seeds[s];
        for (i = 0; i < 100; i++) {
            checked++;
            if (clx_rand_r(&a) != rand_r(&b) || a != b) mismatch("rand_r");
        }
    }
    report("rand");
}

static void test_ctype_strerror(void)
{
    int c;
    for (c = -1; c < 256; c++) {
        checked++;
        if (!clx_isalnum(c) != !isalnum(c) || !clx_isalpha(c) != !isalpha(c) || !clx_isdigit(c) != !isdigit(c) ||
            !clx_isspace(c) != !isspace(c) || !clx_ispunct(c) != !ispunct(c) || !clx_isprint(c) != !isprint(c) ||
            !clx_isgraph(c) != !isgraph(c) || !clx_iscntrl(c) != !iscntrl(c) || !clx_isxdigit(c) != !isxdigit(c) ||
            !clx_isupper(c) != !isupper(c) || !clx_islower(c) != !islower(c) || !clx_isblank(c) != !isblank(c) ||
            clx_tolower(c) != tolower(c) || clx_toupper(c) != toupper(c)) {
            char line[40];
            snprintf(line, sizeof line, "ctype of %d", c);
            mismatch(line);
        }
    }
    report("ctype");
    for (c = -3; c < 140; c++) {
        char ours[64];
        snprintf(ours, sizeof ours, "%s", clx_strerror(c));
        checked++;
        if (strcmp(ours, strerror(c)) != 0) {
            char line[200];
            snprintf(line, sizeof line, "strerror(%d): ours \"%s\" glibc \"%s\"", c, ours, strerror(c));
            mismatch(line);
        }
    }
    report("strerror");
}

static void expect(int ok, const char *what)
{
    checked++;
    if (!ok) mismatch(what);
}

/* Compared with glibc's behaviour as documented, on our own environment array. */
static void test_env(void)
{
    static char *initial[] = { "HOME=/root", "PATH=/bin", "EMPTY=", 0 };
    static char mine[] = "MINE=1";
    clx_environ = initial;
    expect(strcmp(clx_getenv("HOME"), "/root") == 0, "getenv");
    expect(strcmp(clx_getenv("EMPTY"), "") == 0, "getenv of an empty value");
    expect(clx_getenv("HOM") == 0 && clx_getenv("HOME=") == 0, "getenv needs the whole name");
    expect(clx_setenv("HOME", "/home", 0) == 0 && strcmp(clx_getenv("HOME"), "/root") == 0, "setenv without overwrite");
    expect(clx_setenv("HOME", "/home", 1) == 0 && strcmp(clx_getenv("HOME"), "/home") == 0, "setenv with overwrite");
    expect(clx_setenv("NEW", "v", 0) == 0 && strcmp(clx_getenv("NEW"), "v") == 0, "setenv of a new name");
    expect(clx_setenv("A=B", "v", 1) == -1 && *clx___errno_location() == EINVAL, "a name with '=' is EINVAL");
    expect(clx_setenv("", "v", 1) == -1, "an empty name is EINVAL");
    expect(clx_putenv(mine) == 0 && clx_getenv("MINE") == mine + 5, "putenv keeps the caller's string");
    expect(clx_unsetenv("PATH") == 0 && clx_getenv("PATH") == 0 && strcmp(clx_getenv("NEW"), "v") == 0, "unsetenv");
    expect(clx_unsetenv("ABSENT") == 0, "unsetenv of an absent name");
    report("env");
}

int main(void)
{
    test_strtol();
    test_qsort();
    test_rand();
    test_ctype_strerror();
    test_env();
    return 0;
}
