/*
 * scanf_compare.c: our sscanf and fscanf (clx_*) against glibc's, from a fixed seed.
 *
 * Each case is a random format (conversions with and without '*', widths and length
 * modifiers, scansets, %n, %%, literal characters and white space) and a random input
 * made of tokens chosen to sit on the edges of the grammar ("0x", "1e+", "nan(", "-",
 * "(nil)", numbers that overflow...). Both libraries scan it into their own set of
 * buffers, pre-filled with the same pattern, and must return the same count and leave
 * every byte of every buffer the same. For fscanf the input is a file, and what is left
 * to read afterwards must be the same too: that checks which characters each
 * implementation consumed and pushed back. Prints "sscanf: checked N, mismatches M" and
 * the same for fscanf, with one line per mismatch (at most 20 per function). Also, %Lf
 * must store what glibc's %lf stores, since Clonix's long double is double.
 */
#include "fake_os.h"

typedef struct __clonix_file CLX_FILE;
int clx_sscanf(const char *, const char *, ...);
int clx_fscanf(CLX_FILE *, const char *, ...);
CLX_FILE *clx_fopen(const char *, const char *);
int clx_fgetc(CLX_FILE *);
int clx_fclose(CLX_FILE *);

static unsigned long long rng = 0x5cafe5eedULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

#define ARGS 8
#define ARG_BYTES 128

/*
 * Conversions, without their '%', '*' and width. %Lf and its kin are left out: glibc's
 * long double is x87's 80-bit format, Clonix's is double (see docs/libc.md).
 */
static const char *const conversions[] = {
    "d", "i", "u", "o", "x", "X", "p", "c", "s", "[a-z]", "[^,]", "[]a]", "[-0-9]", "[^]x-]", "[a-]", "[z-a]",
    "n", "hhn", "ln", "f", "lf", "le", "lg", "a", "la", "e", "g", "E", "F", "G", "A", "hhd", "hd", "ld", "lld",
    "jd", "zu", "td", "hhu", "hx", "hhx", "lx", "Ld", "qd", "lu", "hi", "li", "llo", "%",
};

static const char *const tokens[] = {
    "12", "-7", "+0x1F", "0x", "0X", "077", "08", "09", "1e5", "1e+", "1e", "1E-2", "-.5", ".", "-", "+", "nan",
    "NaN(12)", "nan(", "nan(a_1)", "nan(1-", "na", "inf", "infinity", "infin", "INF", "iNfInItY", "0x1.8p3", "0x1p",
    "0x1p-", "0x.8", "0x.", "00x5", "0e", "e5", "abc", "ABC", "xyz", ",", " ", "  ", "\t", "\n", "%", "%%", "(nil)",
    "(ni", "(NIL)", "99999999999999999999", "-9223372036854775809", "18446744073709551616", "4294967296", "256",
    "-129", "65536", "1.5e308", "1e309", "1e-400", "3.4e38", "3.5e38", "1e-46", "]a", "a-b", "-0", "0", "0.1",
    "123456789.123456789", "0x1.fffffffffffff8p1023", "-x", "+y", "z", "]", "^",
};

static const char *const literals[] = { " ", ",", "x", "-", "\t", "a", "%%", " ,", "]", "." };

static void random_format(char *fmt)
{
    int n = 1 + below(6), i, len = 0;
    for (i = 0; i < n; i++) {
        if (below(3) == 0) len += sprintf(fmt + len, "%s", literals[below(sizeof literals / sizeof literals[0])]);
        fmt[len++] = '%';
        if (below(5) == 0) fmt[len++] = '*';
        if (below(3) == 0) len += sprintf(fmt + len, "%d", below(7));
        len += sprintf(fmt + len, "%s", conversions[below(sizeof conversions / sizeof conversions[0])]);
    }
    if (below(3) == 0) len += sprintf(fmt + len, "%s", below(2) ? " " : "%n");
    fmt[len] = 0;
}

static void random_input(char *in)
{
    int n = below(7), i, len = 0;
    for (i = 0; i < n; i++) {
        len += sprintf(in + len, "%s", tokens[below(sizeof tokens / sizeof tokens[0])]);
        if (below(2)) in[len++] = " ,\t"[below(3)];
    }
    in[len] = 0;
}

static unsigned char ours[ARGS][ARG_BYTES], theirs[ARGS][ARG_BYTES];
static long checked[2], mismatches[2];

static void reset(void)
{
    memset(ours, 0xa5, sizeof ours);
    memset(theirs, 0xa5, sizeof theirs);
}

static int same_buffers(void) { return memcmp(ours, theirs, sizeof ours) == 0; }

static void mismatch(int which, const char *fmt, const char *in, int r1, int r2, const char *rest1, const char *rest2)
{
    checked[which]++;
    if (++mismatches[which] <= 20) {
        int i, j;
        printf("MISMATCH %s(\"%s\", \"%s\"): ours %d, glibc %d; left ours \"%s\", glibc \"%s\"\n",
               which ? "fscanf" : "sscanf", in, fmt, r1, r2, rest1, rest2);
        for (i = 0; i < ARGS; i++) {
            if (memcmp(ours[i], theirs[i], ARG_BYTES) == 0) continue;
            printf("  arg %d: ours", i);
            for (j = 0; j < 12; j++) printf(" %02x", ours[i][j]);
            printf(", glibc");
            for (j = 0; j < 12; j++) printf(" %02x", theirs[i][j]);
            printf("\n");
        }
    }
}

#define ARGLIST(b) b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]

static void check_sscanf(const char *fmt, const char *in)
{
    int r1, r2;
    reset();
    r1 = clx_sscanf(in, fmt, ARGLIST(ours));
    r2 = sscanf(in, fmt, ARGLIST(theirs));
    if (r1 != r2 || !same_buffers()) mismatch(0, fmt, in, r1, r2, "", "");
    else checked[0]++;
}

/* The rest of the file, after the scan, into rest (at most 200 bytes). */
static void rest_ours(CLX_FILE *f, char *rest)
{
    int c, n = 0;
    while (n < 200 && (c = clx_fgetc(f)) != EOF) rest[n++] = (char)c;
    rest[n] = 0;
}

static void rest_glibc(FILE *f, char *rest)
{
    int c, n = 0;
    while (n < 200 && (c = fgetc(f)) != EOF) rest[n++] = (char)c;
    rest[n] = 0;
}

static void check_fscanf(const char *fmt, const char *in, const char *path)
{
    char rest1[201], rest2[201];
    int r1, r2;
    FILE *g = fopen(path, "w");
    CLX_FILE *ours_f;
    fputs(in, g);
    fclose(g);
    reset();
    ours_f = clx_fopen(path, "r");
    g = fopen(path, "r");
    r1 = clx_fscanf(ours_f, fmt, ARGLIST(ours));
    r2 = fscanf(g, fmt, ARGLIST(theirs));
    rest_ours(ours_f, rest1);
    rest_glibc(g, rest2);
    clx_fclose(ours_f);
    fclose(g);
    if (r1 != r2 || !same_buffers() || strcmp(rest1, rest2) != 0) mismatch(1, fmt, in, r1, r2, rest1, rest2);
    else checked[1]++;
}

static const char *const fixed[][2] = {
    { "%d", "" }, { "%d", "   " }, { "%d%d", "1" }, { "%d %d", "1 " }, { "%*d %d", "1 " }, { "%*d%d", "1" },
    { "x%d", "" }, { "%d x", "5 " }, { "%5c", "abc" }, { "%s%n", "hello world" }, { "%[", "abc" },
    { "%", "abc" }, { "%y", "abc" }, { "%lf%n", "1e+x" }, { "%lf%n", "0x" }, { "%lf%n", "0xg" }, { "%lf", "-" },
    { "%lf", "nan(12" }, { "%2lf%n", "0x1" }, { "%3lf%n", "0x1p4" }, { "%p", "(nil)" }, { "%4p", "(nil)" },
    { "%p", "(nix)" }, { "%x%n", "0xg" }, { "%i%n", "0x" }, { "%i", "0779" }, { "%1d%n", "-5" }, { "%hhd", "300" },
    { "%hd", "70000" }, { "%d", "4294967297" }, { "%u", "-1" }, { "%lu", "-1" }, { "%d", "99999999999999999999" },
    { "%c%c", "a" }, { "%%%d", "%5" }, { "%% %d", " % 5" }, { "%lf %lf %lf", "1.5 2.5e3 -0.125" },
};

/*
 * long double is double on Clonix: %Lf (and %llf, %qf) must store exactly the 8 bytes
 * glibc's %lf stores, and nothing after them.
 */
static void check_long_double(void)
{
    static const char *const inputs[] = { "2.5", "-0.1", "1e-320", "0x1.8p3", "inf", "-nan", "1e400", "3.14159265358979323846" };
    static const char *const formats[] = { "%Lf", "%Le", "%llg", "%qa" };
    size_t i, j;
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (j = 0; j < sizeof formats / sizeof formats[0]; j++) {
            int r1, r2;
            reset();
            r1 = clx_sscanf(inputs[i], formats[j], ours[0]);
            r2 = sscanf(inputs[i], "%lf", theirs[0]);
            if (r1 != r2 || !same_buffers()) mismatch(0, formats[j], inputs[i], r1, r2, "", "");
            else checked[0]++;
        }
    }
}

int main(void)
{
    char fmt[200], in[400], path[64];
    size_t i;
    int k, fd;
    strcpy(path, "/tmp/clonix-scanf-XXXXXX");
    fd = mkstemp(path);
    close(fd);
    check_long_double();
    for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        check_sscanf(fixed[i][0], fixed[i][1]);
        check_fscanf(fixed[i][0], fixed[i][1], path);
    }
    for (k = 0; k < 30000; k++) {
        random_format(fmt);
        random_input(in);
        check_sscanf(fmt, in);
        if (k % 10 == 0) check_fscanf(fmt, in, path);
    }
    unlink(path);
    printf("sscanf: checked %ld, mismatches %ld\n", checked[0], mismatches[0]);
    printf("fscanf: checked %ld, mismatches %ld\n", checked[1], mismatches[1]);
    return 0;
}
