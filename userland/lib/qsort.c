/*
 * qsort.c: qsort and bsearch.
 *
 * qsort is an in-place quicksort: median-of-three pivot, insertion sort for short runs,
 * and recursion only into the smaller part (the larger is handled by the loop), so the
 * stack depth stays below log2(n) frames. Like glibc's, it is not stable.
 */
#include <stdlib.h>

/* Runs this short are finished by insertion sort, which is faster on them. */
#define SHORT_RUN 8

typedef int (*compare_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    size_t i, j;
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            swap_bytes(base + (j - 1) * size, base + j * size, size);
}

static void sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    while (n > SHORT_RUN) {
        char *lo = base, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;
        size_t i, j;
        /* Order lo <= mid <= hi, then park the median at the end as the pivot. */
        if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
        if (cmp(hi, mid) < 0) {
            swap_bytes(hi, mid, size);
            if (cmp(mid, lo) < 0) swap_bytes(mid, lo, size);
        }
        swap_bytes(mid, hi, size);
        /* Hoare-style partition around *hi: [0, i) <= pivot, (j, n-1) >= pivot. */
        i = 0;
        j = n - 2;
        for (;;) {
            while (cmp(base + i * size, hi) < 0) i++;
            while (j > 0 && cmp(base + j * size, hi) > 0) j--;
            if (i >= j) break;
            swap_bytes(base + i * size, base + j * size, size);
            i++;
            j--;
        }
        swap_bytes(base + i * size, hi, size);
        /* The pivot is now final at i; sort the smaller side by recursion, the larger by looping. */
        if (i < n - 1 - i) {
            sort(base, i, size, cmp);
            base += (i + 1) * size;
            n -= i + 1;
        } else {
            sort(base + (i + 1) * size, n - i - 1, size, cmp);
            n = i;
        }
    }
    insertion_sort(base, n, size, cmp);
}

/* Sorts nmemb elements of size bytes at base into the order cmp defines (not stable). */
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
    if (nmemb > 1 && size > 0) sort(base, nmemb, size, compar);
}

/* Finds key in the sorted array, or returns NULL; with equal keys any one of them. */
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *))
{
    const char *lo = base;
    while (nmemb > 0) {
        const char *mid = lo + (nmemb / 2) * size;
        int c = compar(key, mid);
        if (c == 0) return (void *)mid;
        if (c > 0) {
            lo = mid + size;
            nmemb -= nmemb / 2 + 1;
        } else {
            nmemb /= 2;
        }
    }
    return 0;
}
