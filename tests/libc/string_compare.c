/*
 * string_compare.c: our string.h functions (clx_*) against glibc's on random short strings
 * over a small alphabet (so that matches and prefixes are common), from a fixed seed.
 * Comparison results are compared by sign only, as C specifies them.
 */
#include "fake_os.h"

void *clx_memcpy(void *, const void *, size_t);
void *clx_memmove(void *, const void *, size_t);
void *clx_memset(void *, int, size_t);
int clx_memcmp(const void *, const void *, size_t);
void *clx_memchr(const void *, int, size_t);
void *clx_memrchr(const void *, int, size_t);
size_t clx_strlen(const char *);
size_t clx_strnlen(const char *, size_t);
char *clx_strcpy(char *, const char *);
char *clx_strncpy(char *, const char *, size_t);
char *clx_stpcpy(char *, const char *);
char *clx_strcat(char *, const char *);
char *clx_strncat(char *, const char *, size_t);
int clx_strcmp(const char *, const char *);
int clx_strncmp(const char *, const char *, size_t);
int clx_strcasecmp(const char *, const char *);
int clx_strncasecmp(const char *, const char *, size_t);
char *clx_strchr(const char *, int);
char *clx_strrchr(const char *, int);
char *clx_strstr(const char *, const char *);
size_t clx_strspn(const char *, const char *);
size_t clx_strcspn(const char *, const char *);
char *clx_strpbrk(const char *, const char *);
char *clx_strtok_r(char *, const char *, char **);
char *clx_strsep(char **, const char *);
char *clx_strdup(const char *);
char *clx_strndup(const char *, size_t);
void clx_free(void *);

static unsigned long long rng = 777;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }
static int sign(long x) { return (x > 0) - (x < 0); }

static long checked, mismatches;
static void expect(int ok, const char *what, const char *a, const char *b)
{
    checked++;
    if (!ok && ++mismatches <= 20) printf("MISMATCH %s(\"%s\", \"%s\")\n", what, a, b);
}

static void random_string(char *s, int max)
{
    static const char alphabet[] = "abcAB \xe9";
    int n = below(max), i;
    for (i = 0; i < n; i++) s[i] = alphabet[below(7)];
    s[n] = 0;
}

int main(void)
{
    int round;
    for (round = 0; round < 30000; round++) {
        char a[32], b[32], x[80], y[80];
        size_t n = (size_t)below(12);
        int c = "abcA\xe9z"[below(7)];
        random_string(a, 12);
        random_string(b, 6);
        expect(clx_strlen(a) == strlen(a), "strlen", a, "");
        expect(clx_strnlen(a, n) == strnlen(a, n), "strnlen", a, "");
        expect(sign(clx_strcmp(a, b)) == sign(strcmp(a, b)), "strcmp", a, b);
        expect(sign(clx_strncmp(a, b, n)) == sign(strncmp(a, b, n)), "strncmp", a, b);
        expect(sign(clx_strcasecmp(a, b)) == sign(strcasecmp(a, b)), "strcasecmp", a, b);
        expect(sign(clx_strncasecmp(a, b, n)) == sign(strncasecmp(a, b, n)), "strncasecmp", a, b);
        expect(sign(clx_memcmp(a, b, n < 6 ? n : 6)) == sign(memcmp(a, b, n < 6 ? n : 6)), "memcmp", a, b);
        expect(clx_strchr(a, c) == strchr(a, c), "strchr", a, "");
        expect(clx_strchr(a, 0) == strchr(a, 0), "strchr0", a, "");
        expect(clx_strrchr(a, c) == strrchr(a, c), "strrchr", a, "");
        expect(clx_memchr(a, c, n) == memchr(a, c, n), "memchr", a, "");
        expect(clx_memrchr(a, c, n) == memrchr(a, c, n), "memrchr", a, "");
        expect(clx_strstr(a, b) == strstr(a, b), "strstr", a, b);
        expect(clx_strspn(a, b) == strspn(a, b), "strspn", a, b);
        expect(clx_strcspn(a, b) == strcspn(a, b), "strcspn", a, b);
        expect(clx_strpbrk(a, b) == strpbrk(a, b), "strpbrk", a, b);

        memset(x, 'Q', sizeof x);
        memset(y, 'Q', sizeof y);
        clx_strncpy(x, a, n);
        strncpy(y, a, n);
        expect(memcmp(x, y, sizeof x) == 0, "strncpy", a, "");
        expect(clx_stpcpy(x, a) - x == stpcpy(y, a) - y && strcmp(x, y) == 0, "stpcpy", a, "");
        clx_strcpy(x, a);
        clx_strcat(x, b);
        strcpy(y, a);
        strcat(y, b);
        expect(strcmp(x, y) == 0, "strcat", a, b);
        clx_strncat(x, a, n);
        strncat(y, a, n);
        expect(strcmp(x, y) == 0, "strncat", a, b);

        /* Overlapping moves both ways. */
        {
            int from = below(20), to = below(20), len = below(40);
            int i;
            for (i = 0; i < 80; i++) x[i] = y[i] = (char)i;
            clx_memmove(x + to, x + from, (size_t)len);
            memmove(y + to, y + from, (size_t)len);
            expect(memcmp(x, y, 80) == 0, "memmove", "", "");
            clx_memset(x + from, c, (size_t)len);
            memset(y + from, c, (size_t)len);
            expect(memcmp(x, y, 80) == 0, "memset", "", "");
            clx_memcpy(x, y + 40, (size_t)len);
            expect(memcmp(x, y + 40, (size_t)len) == 0, "memcpy", "", "");
        }

        /* Tokenizers: the same tokens in the same order. */
        {
            char t1[32], t2[32], *s1, *s2, *p1, *p2;
            strcpy(t1, a);
            strcpy(t2, a);
            p1 = clx_strtok_r(t1, b, &s1);
            p2 = strtok_r(t2, b, &s2);
            while (p1 && p2 && p1 - t1 == p2 - t2 && strcmp(p1, p2) == 0) {
                p1 = clx_strtok_r(0, b, &s1);
                p2 = strtok_r(0, b, &s2);
            }
            expect(!p1 && !p2, "strtok_r", a, b);
            strcpy(t1, a);
            strcpy(t2, a);
            s1 = t1;
            s2 = t2;
            do {
                p1 = clx_strsep(&s1, b);
                p2 = strsep(&s2, b);
            } while (p1 && p2 && p1 - t1 == p2 - t2 && strcmp(p1, p2) == 0);
            expect(!p1 && !p2, "strsep", a, b);
        }
        {
            char *d = clx_strdup(a), *e = clx_strndup(a, n);
            expect(strcmp(d, a) == 0 && strncmp(e, a, n) == 0 && strlen(e) == strnlen(a, n), "strdup", a, "");
            clx_free(d);
            clx_free(e);
        }
    }
    printf("string: checked %ld, mismatches %ld\n", checked, mismatches);
    return 0;
}
