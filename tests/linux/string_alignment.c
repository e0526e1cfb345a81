/*
 * string_alignment.c: memset, memcpy, memmove, memcmp, memchr, strlen, strcpy and strcmp
 * against byte-loop references, for every alignment 0..15 of each pointer and every length
 * 0..64, with guard bytes around every destination; then each of them on data that ends
 * at the last byte of a page followed by a PROT_NONE page, where reading one byte too far
 * faults. Word-at-a-time code gets its heads and tails wrong at some alignment and length,
 * or reads past the end: this finds both. Prints one line per function.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAXLEN 64
#define ALIGNS 16
#define BUF (ALIGNS + MAXLEN + 2 * ALIGNS)

static unsigned char src[BUF], dst[BUF], expect[BUF];
static unsigned long cases, mismatches;

static void fill(unsigned char *p, int seed)
{
    int i;
    for (i = 0; i < BUF; i++) p[i] = (unsigned char)(i * 7 + seed * 13 + 1);
}

static void check(int ok)
{
    cases++;
    if (!ok) mismatches++;
}

static void report(const char *name)
{
    printf("%-8s %6lu cases, %lu mismatches\n", name, cases, mismatches);
    cases = mismatches = 0;
}

static int sign(int x) { return (x > 0) - (x < 0); }

static int ref_memcmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (a[i] != b[i]) return a[i] - b[i];
    return 0;
}

static int ref_strcmp(const unsigned char *a, const unsigned char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a - *b;
}

static void test_memset(void)
{
    int a, n, c;
    for (c = 0; c < 256; c += 255)
        for (a = 0; a < ALIGNS; a++)
            for (n = 0; n <= MAXLEN; n++) {
                fill(dst, 1);
                fill(expect, 1);
                for (int i = 0; i < n; i++) expect[a + i] = (unsigned char)(c ^ 0x5a);
                check(memset(dst + a, c ^ 0x5a, n) == dst + a && ref_memcmp(dst, expect, BUF) == 0);
            }
    report("memset");
}

static void test_memcpy(void)
{
    int a, b, n;
    fill(src, 2);
    for (a = 0; a < ALIGNS; a++)
        for (b = 0; b < ALIGNS; b++)
            for (n = 0; n <= MAXLEN; n++) {
                fill(dst, 3);
                fill(expect, 3);
                for (int i = 0; i < n; i++) expect[a + i] = src[b + i];
                check(memcpy(dst + a, src + b, n) == dst + a && ref_memcmp(dst, expect, BUF) == 0);
            }
    report("memcpy");
}

/* Within one buffer: the regions overlap whenever the distance is below the length. */
static void test_memmove(void)
{
    int a, b, n;
    for (a = 0; a < 2 * ALIGNS; a++)
        for (b = 0; b < 2 * ALIGNS; b++)
            for (n = 0; n <= MAXLEN; n++) {
                unsigned char copy[MAXLEN];
                fill(dst, 4);
                fill(expect, 4);
                for (int i = 0; i < n; i++) copy[i] = expect[b + i];
                for (int i = 0; i < n; i++) expect[a + i] = copy[i];
                check(memmove(dst + a, dst + b, n) == dst + a && ref_memcmp(dst, expect, BUF) == 0);
            }
    report("memmove");
}

/* Equal buffers, and buffers differing in one byte (above and below) at each position. */
static void test_memcmp(void)
{
    int a, b, n, at;
    for (a = 0; a < ALIGNS; a++)
        for (b = 0; b < ALIGNS; b++)
            for (n = 0; n <= MAXLEN; n++) {
                fill(src, 5);
                fill(dst, 5);
                for (int i = 0; i < MAXLEN; i++) dst[b + i] = src[a + i];
                check(sign(memcmp(src + a, dst + b, n)) == sign(ref_memcmp(src + a, dst + b, n)));
                for (at = 0; at < n; at += 3) {
                    dst[b + at] = (unsigned char)(src[a + at] + 1 + at % 2 * 253);
                    check(sign(memcmp(src + a, dst + b, n)) == sign(ref_memcmp(src + a, dst + b, n)));
                    dst[b + at] = src[a + at];
                }
            }
    report("memcmp");
}

static void test_memchr(void)
{
    int a, n, at;
    for (a = 0; a < ALIGNS; a++)
        for (n = 0; n <= MAXLEN; n++)
            for (at = 0; at <= n; at++) {
                fill(src, 6);
                for (int i = 0; i < BUF; i++)
                    if (src[i] == 0xab) src[i] = 0;
                if (at < n) src[a + at] = 0xab;
                else if (a + n < BUF) src[a + n] = 0xab; /* just past the end: must not be found */
                check(memchr(src + a, 0xab, n) == (at < n ? src + a + at : 0));
            }
    report("memchr");
}

/* A string of length n at alignment a: non-zero bytes, then a NUL, then more non-zero bytes. */
static void make_string(unsigned char *p, int a, int n, int seed)
{
    int i;
    fill(p, seed);
    for (i = 0; i < BUF; i++)
        if (!p[i]) p[i] = 1;
    p[a + n] = 0;
}

static void test_strlen(void)
{
    int a, n;
    for (a = 0; a < ALIGNS; a++)
        for (n = 0; n <= MAXLEN; n++) {
            make_string(src, a, n, 7);
            check(strlen((char *)src + a) == (size_t)n);
        }
    report("strlen");
}

static void test_strcpy(void)
{
    int a, b, n;
    for (a = 0; a < ALIGNS; a++)
        for (b = 0; b < ALIGNS; b++)
            for (n = 0; n <= MAXLEN; n++) {
                make_string(src, b, n, 8);
                fill(dst, 9);
                fill(expect, 9);
                for (int i = 0; i <= n; i++) expect[a + i] = src[b + i];
                check(strcpy((char *)dst + a, (char *)src + b) == (char *)dst + a && ref_memcmp(dst, expect, BUF) == 0);
            }
    report("strcpy");
}

/* Equal strings, strings differing at each position, and one a prefix of the other. */
static void test_strcmp(void)
{
    int a, b, n, at;
    for (a = 0; a < ALIGNS; a++)
        for (b = 0; b < ALIGNS; b++)
            for (n = 0; n <= MAXLEN; n++) {
                make_string(src, a, n, 10);
                make_string(dst, b, n, 11);
                for (int i = 0; i < n; i++) dst[b + i] = src[a + i];
                check(strcmp((char *)src + a, (char *)dst + b) == 0);
                for (at = 0; at < n; at += 3) {
                    dst[b + at] = (unsigned char)(src[a + at] == 0xff ? 1 : src[a + at] + 1);
                    check(sign(strcmp((char *)src + a, (char *)dst + b)) == sign(ref_strcmp(src + a, dst + b))
                            && sign(strcmp((char *)dst + b, (char *)src + a)) == sign(ref_strcmp(dst + b, src + a)));
                    dst[b + at] = src[a + at];
                }
                if (n > 0) {
                    dst[b + n - 1] = 0; /* dst is now src without its last byte */
                    check(strcmp((char *)src + a, (char *)dst + b) > 0 && strcmp((char *)dst + b, (char *)src + a) < 0);
                }
            }
    report("strcmp");
}

/* Every function on bytes ending at the last byte of a page, below a PROT_NONE page. */
static void test_page_end(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *end = map + page, *other = map + page / 2;
    int n;
    if (map == MAP_FAILED || mprotect(end, page, PROT_NONE) != 0) {
        printf("page end: no mapping\n");
        return;
    }
    for (n = 1; n <= MAXLEN; n++) {
        char *s = end - n; /* n bytes: n - 1 letters and a NUL, the NUL on the page's last byte */
        memset(s, 'x', n - 1);
        s[n - 1] = 0;
        memset(other, 'x', n - 1);
        other[n - 1] = 0;
        check(strlen(s) == (size_t)n - 1);
        check(strcmp(s, other) == 0 && strcmp(other, s) == 0);
        check(strcpy(other, s) == other && strlen(other) == (size_t)n - 1);
        check(memcmp(s, other, n) == 0);
        check(memchr(s, 'y', n) == 0);
        check(memcpy(other, s, n) == other && memmove(s, other, n) == s);
        check(memmove(s + 1, s, n - 1) == s + 1 && memset(s, 'x', n) == s);
    }
    report("page end");
    munmap(map, 2 * page);
}

int main(void)
{
    test_memset();
    test_memcpy();
    test_memmove();
    test_memcmp();
    test_memchr();
    test_strlen();
    test_strcpy();
    test_strcmp();
    test_page_end();
    return 0;
}
