/*
 * malloc_workload.c: our allocator (clx_malloc...) under a random workload, over the fake
 * program break of fake_os.h and the host's real mmap. Checks alignment, that live blocks
 * never overlap (each is filled with its own byte and checked before it is freed), that
 * freed memory is reused (the break stops growing), that large blocks are mmap'ed and
 * unmapped, and the contracts of calloc and realloc. Prints "FAIL ..." lines and a summary.
 * With the argument "double-free" it frees a block twice, which must abort.
 */
#include <stdint.h>
#include "fake_os.h"

void *clx_malloc(size_t);
void *clx_calloc(size_t, size_t);
void *clx_realloc(void *, size_t);
void clx_free(void *);
size_t clx_malloc_usable_size(void *);

static unsigned long long rng = 4242;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

static int failures;
static void check(int ok, const char *what)
{
    if (!ok && ++failures <= 20) printf("FAIL %s\n", what);
}

#define SLOTS 600
static unsigned char *block[SLOTS];
static size_t length[SLOTS];

static size_t random_size(void)
{
    switch (below(10)) {
    case 0: return (size_t)below(3);                  /* 0, 1, 2 */
    case 1: return 70000 + (size_t)below(300000);     /* large: mmap */
    case 2: case 3: return (size_t)below(5000);
    default: return (size_t)below(200);
    }
}

static void verify(int i)
{
    size_t k;
    for (k = 0; k < length[i]; k++)
        if (block[i][k] != (unsigned char)i) {
            check(0, "a live block was overwritten (overlap)");
            return;
        }
}

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)block[*(const int *)a], y = (uintptr_t)block[*(const int *)b];
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    long round, large_allocs = 0, large_frees = 0;
    size_t allocated_total = 0;
    int order[SLOTS], live, i;

    if (argc > 1 && strcmp(argv[1], "double-free") == 0) {
        void *p = clx_malloc(40);
        clx_free(p);
        clx_free(p);
        printf("double free went unnoticed\n");
        return 0;
    }

    /* Reuse: a freed block is handed out again for the same size class. */
    {
        void *p = clx_malloc(100), *q;
        clx_free(p);
        q = clx_malloc(97); /* the same size class (112) */
        check(p == q, "a freed block is reused");
        clx_free(q);
    }

    for (round = 0; round < 200000; round++) {
        int i = below(SLOTS);
        if (block[i]) {
            verify(i);
            if (length[i] > 65536) large_frees++;
            clx_free(block[i]);
            block[i] = 0;
        } else if (below(5) == 0 && round > 0) {
            continue;
        } else {
            size_t n = random_size();
            block[i] = clx_malloc(n);
            check(block[i] != 0, "malloc returned NULL");
            if (!block[i]) continue;
            check((uintptr_t)block[i] % 16 == 0, "16-byte alignment");
            check(clx_malloc_usable_size(block[i]) >= n, "usable size covers the request");
            if (n > 65536) large_allocs++;
            length[i] = n;
            memset(block[i], i, n);
            allocated_total += n;
        }
    }
    /* No two live blocks overlap, checked directly. */
    for (live = 0, i = 0; i < SLOTS; i++)
        if (block[i]) order[live++] = i;
    qsort(order, (size_t)live, sizeof order[0], by_address);
    for (i = 1; i < live; i++)
        check(block[order[i - 1]] + length[order[i - 1]] <= block[order[i]], "live blocks do not overlap");
    for (i = 0; i < SLOTS; i++)
        if (block[i]) {
            verify(i);
            if (length[i] > 65536) large_frees++;
            clx_free(block[i]);
            block[i] = 0;
        }
    check(mmap_calls == large_allocs, "every large block is its own mmap");
    check(munmap_calls == large_frees, "every large block is unmapped by free");
    /* Small blocks came from the break, which stayed far below what was allocated in total. */
    check(fake_break < allocated_total / 20, "freed memory is reused: the break stays small");

    /* calloc zeroes recycled memory and refuses an overflowing product. */
    {
        unsigned char *p = clx_malloc(300), *z;
        size_t k;
        memset(p, 0xAB, 300);
        clx_free(p);
        z = clx_calloc(30, 10);
        for (k = 0; k < 300; k++) check(z[k] == 0, "calloc memory is zero");
        clx_free(z);
        *clx___errno_location() = 0;
        check(clx_calloc((size_t)1 << 40, (size_t)1 << 40) == 0 && *clx___errno_location() == ENOMEM,
              "calloc overflow is ENOMEM");
    }
    /* realloc keeps the contents, in place when it fits, moved when it grows. */
    {
        unsigned char *p = clx_malloc(20), *q;
        int k;
        for (k = 0; k < 20; k++) p[k] = (unsigned char)k;
        q = clx_realloc(p, 10);
        check(q == p, "shrinking realloc stays in place");
        q = clx_realloc(q, 100000);
        for (k = 0; k < 10; k++) check(q[k] == k, "realloc keeps the contents");
        q = clx_realloc(q, 40);
        for (k = 0; k < 10; k++) check(q[k] == k, "realloc keeps the contents");
        check(clx_realloc(q, 0) == 0, "realloc(p, 0) frees and returns NULL");
        p = clx_realloc(0, 33);
        check(p != 0, "realloc(NULL, n) is malloc");
        clx_free(p);
        clx_free(0);
    }
    /* Running out: the break is exhausted and a huge mapping is refused. */
    {
        *clx___errno_location() = 0;
        check(clx_malloc((size_t)1 << 62) == 0 && *clx___errno_location() == ENOMEM, "an impossible size is ENOMEM");
    }
    printf("malloc: %ld large allocations, break %zu bytes for %zu allocated; failures %d\n", large_allocs, fake_break,
           allocated_total, failures);
    return 0;
}
