/* alloca: blocks on the caller's stack, 16-byte aligned, distinct while the function runs,
 * leaving the function's locals (addressed from fp) intact, usable in loops and by callees,
 * and given back when the function returns (so repeated calls do not exhaust the stack). */
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sum(const int *v, int n)
{
    int s = 0, i;
    for (i = 0; i < n; i++) s += v[i];
    return s;
}

/* Many locals, some alloca'd blocks between them, a call with stack arguments after. */
static long many(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j)
{
    return a + b + c + d + e + f + g + h + i + j;
}

static int work(int n)
{
    int before = 1234;
    char name[16];
    int *squares = alloca(n * sizeof(int));
    char *text = __builtin_alloca(n + 1);
    int i, aligned = 1, total;
    long after = 5678;
    strcpy(name, "locals");
    for (i = 0; i < n; i++) {
        squares[i] = i * i;
        text[i] = 'a' + i % 26;
    }
    text[n] = 0;
    for (i = 0; i < 5; i++) {
        char *p = alloca(i * 7 + 1);
        memset(p, 'x', i * 7 + 1);
        aligned &= ((unsigned long)p % 16) == 0;
    }
    aligned &= ((unsigned long)squares % 16) == 0 && ((unsigned long)text % 16) == 0;
    total = sum(squares, n);
    printf("n=%d sum=%d text=%.10s disjoint=%d aligned=%d locals %d %ld %s stack args %ld\n", n, total, text,
           (char *)squares + n * sizeof(int) <= text || text + n + 1 <= (char *)squares, aligned, before, after,
           name, many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    return total;
}

/* 4 KiB on each call: 20000 calls would need 80 MB if the blocks outlived their calls. */
static int page_sum(int k)
{
    int *block = alloca(4096);
    memset(block, 0, 4096);
    block[k % 1024] = k;
    return sum(block, 1024);
}

int main(void)
{
    long grand = 0;
    int i;
    work(0);
    work(3);
    work(100);
    for (i = 0; i < 20000; i++) grand += page_sum(i);
    printf("grand %ld\n", grand);
    return 0;
}
