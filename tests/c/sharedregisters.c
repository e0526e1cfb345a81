/*
 * Locals whose values are never needed at the same time share a register: more locals than
 * registers, in loops one after another, values carried around a loop or across another
 * loop, loops that run zero times, switch into a loop, goto back and into a loop, volatile
 * and address-taken locals, statement expressions and arithmetic that overflows.
 */
#include "print.h"

static long calls;

static long step(long v) {
    calls++;
    return v + 1;
}

/* Sibling loops, each with its own locals, in a function that calls. */
static long siblings(int n) {
    long total = 0;
    for (int i = 0; i < n; i++) total += step(i);
    for (int j = n; j > 0; j--) total = total * 3 + step(j);
    for (long k = 0, m = 1; k < n; k++, m *= 2) total ^= step(m + k);
    {
        long a = n * 7, b = a - 3, c = b * b;
        total += a + b + c;
    }
    {
        long d = step(n), e = d * d, f = e - d;
        total += d ^ e ^ f;
    }
    for (unsigned u = 4000000000u, c = 0; c < 3; u += 1000000000u, c++) total += u;
    return total;
}

/* A value set in one iteration and read in the next, next to locals of later loops. */
static long carried(int n) {
    long prev = 0, sum = 0;
    int first = 1;
    long keep;
    for (int i = 0; i < n; i++) {
        if (first) {
            keep = step(100);
            first = 0;
        }
        sum += prev * 2 + keep;
        prev = step(i);
    }
    long after = sum;
    for (int i = 0; i < n; i++) after += step(i) * 5;
    long x = 1, y = 2, z = 3, w = 4, v = 5, q = 6;
    for (int r = 0; r < 3; r++) {
        x += y;
        y += z;
        z += w;
        w += v;
        v += q;
        q += step(x);
    }
    return sum + after + x + y + z + w + v + q + prev;
}

/* A value set before a loop that uses many other locals, and read after it. */
static long across(int n) {
    long before = step(n) * 11;
    long s = 0;
    for (int i = 0; i < n; i++) {
        long a = i, b = a * 2, c = b + 3, d = c * a, e = d - b, f = e + c;
        s += step(a + b + c + d + e + f);
    }
    return before * 1000 + s;
}

/* Loops that run zero times leave everything as it was. */
static long zero_trips(int n) {
    long a = 7, b = 9;
    for (int i = 0; i < n; i++) a = step(a);
    long c = a + b;
    for (int j = n; j > n; j--) c = step(c) * 100;
    while (n < 0) b = step(b);
    do b = step(b); while (n > 100);
    return a * 10000 + b * 100 + c;
}

/* Duff's device: a switch that jumps into a loop. */
static long duff(int count) {
    long sum = 0, v = 1;
    int rounds = (count + 3) / 4;
    if (count == 0) return step(0);
    switch (count % 4) {
    case 0: do { sum += v++;
    case 3:      sum += v++;
    case 2:      sum += v++;
    case 1:      sum += v++;
            } while (--rounds > 0);
    }
    long after = step(sum);
    return after * 3;
}

/* goto backward, and goto into a loop: the function shares nothing. */
static long jumps(int n) {
    long a = 0, b = 1, c = 2, d = 3, e = 4, f = 5;
    int i = 0;
again:
    a += b;
    b += step(c);
    if (++i < n) goto again;
    long g = a * 2;
    int k = 0;
    goto inside;
    for (; k < 3; k++) {
        g += step(k);
inside:
        c += d;
        d += e;
        e += f;
        f += g % 7;
    }
    return a + b + c + d + e + f + g;
}

/* volatile and address-taken locals stay in memory and see every write. */
static long memory(int n) {
    volatile long vol = 5;
    long seen = 0;
    for (int i = 0; i < n; i++) {
        vol = vol + i;
        seen += vol;
    }
    long target = 1;
    long *p = &target;
    long copy = 0;
    for (int i = 0; i < n; i++) {
        *p += step(i);
        copy += target;
    }
    long other = target;
    *p = 99;
    return seen * 100000 + copy * 100 + other + target;
}

/* Statement expressions with locals of their own, and overflow in shared registers. */
static long statements(int n) {
    long r = ({ long t = step(n); long u = t * t; u - t; });
    r += ({ int t2 = 0; for (int i = 0; i < n; i++) t2 += i; t2; });
    unsigned int big = 4294967250u;
    for (int i = 0; i < n; i++) big += 10;
    unsigned char small = 250;
    for (int i = 0; i < n; i++) small += 3;
    unsigned int wrap = 0;
    for (int i = 0; i < n; i++) wrap -= 7;
    return r + big + small + wrap;
}

/* A leaf with more locals than registers, in loops one after another. */
static long leaf(long n) {
    long s = 0;
    for (long i = 0; i < n; i++) s += i;
    for (long j = 0; j < n; j++) s += j * j;
    for (long k = 0; k < n; k++) s ^= k << 3;
    long a = s + 1, b = a * 3, c = b - a, d = c * c, e = d + b, f = e ^ a, g = f + 9, h = g * 2;
    for (long m = 0; m < 2; m++) s += a + b + c + d + e + f + g + h + m;
    long t = 0;
    for (long q = n; q > 0; q--) t += q;
    return s + t;
}

int main(void) {
    for (int n = 0; n < 6; n += 5) {
        show("siblings", siblings(n));
        show("carried", carried(n));
        show("across", across(n));
        show("zero_trips", zero_trips(n));
        show("duff", duff(n));
        show("duff3", duff(n + 3));
        show("jumps", jumps(n + 1));
        show("memory", memory(n));
        show("statements", statements(n));
        show("leaf", leaf(n));
    }
    show("calls", calls);
    return 0;
}
