/*
 * A pointer stepped along an array that a counted loop indexes (LoopPointers): rows of
 * 2-D arrays, scaled indexes through pointer parameters, steps up, down and by two,
 * loops that run zero times, continue and break, the index or the base changed in the
 * body, the access in the condition, local and volatile arrays, stores through an alias,
 * an unsigned counter, a goto into the loop and the counter read after the loop.
 */
#include "print.h"

static int a[6][7], b[7][6];
static double m[5][5];

static long rows(int n) {
    long s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 6; j++) {
            int sum = 0;
            for (int k = 0; k < 7; k++) sum += a[i][k] * b[k][j];
            s = s * 3 + sum;
        }
    return s;
}

static long steps(long *p, long n) {
    long s = 0, k;
    for (k = 0; k < n; k += 2) s += p[k] * (k + 1);
    for (long j = n - 1; j >= 0; j--) s = s * 5 + p[j];
    for (k = 0; k < n; k++) {
        if (p[k] % 3 == 0) continue;
        if (p[k] > 40) break;
        s += p[k];
    }
    return s * 100 + k;
}

static long zero_trips(int n) {
    long s = 11;
    for (int k = 0; k < n; k++) s += a[n][k];
    for (int k = n; k < 0; k++) s += b[k][n];
    return s;
}

static long changed(long *p, int n) {
    long s = 0;
    for (int k = 0; k < n; k++) {
        s += p[k];
        if (p[k] == 7) k++;
    }
    long *q = p;
    for (int k = 0; k < 3; k++) {
        s = s * 7 + q[k];
        q = q + 1;
    }
    return s;
}

static long in_condition(int i) {
    int k;
    for (k = 0; a[i][k] != 0 && k < 6; k++) {
    }
    return k;
}

static long local_and_volatile(int n) {
    int grid[4][5];
    volatile int v[3][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++) grid[i][j] = i * 10 + j;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) v[i][j] = i + j;
    long s = 0;
    for (int r = 0; r < n; r++)
        for (int j = 0; j < 5; j++) s += grid[r][j] * (j + 1);
    for (int r = 0; r < 3; r++)
        for (int j = 0; j < 4; j++) s = s * 2 + v[r][j];
    return s;
}

static long aliased(int n) {
    long arr[3][8];
    long *alias = &arr[1][0];
    for (int j = 0; j < 8; j++) arr[1][j] = j;
    long s = 0;
    for (int j = 0; j < n; j++) {
        alias[j + 1] += 100;
        s = s * 3 + arr[1][j];
    }
    return s;
}

static long unsigned_counter(void) {
    long s = 0;
    for (unsigned u = 0; u < 7; u++) s = s * 2 + a[2][u];
    for (unsigned long w = 6; w < 7; w--) s = s * 2 + b[w][1];
    return s;
}

static long into(int n) {
    long s = 0;
    int k = 3;
    goto middle;
    for (k = 0; k < n; k++) {
        s += a[1][k] * 2;
middle:
        s += b[k][2];
    }
    return s;
}

static double doubles(void) {
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) m[i][j] = (i + 1) * 0.5 - j * 0.25;
    double t = 0;
    for (int i = 0; i < 5; i++)
        for (int k = 0; k < 5; k++) t += m[i][k] * m[k][i];
    return t;
}

int main(void) {
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 7; j++) {
            a[i][j] = (i * 7 + j * 3) % 11 - 4;
            b[j][i] = (i * 5 - j * 2) % 9;
        }
    a[3][4] = 0;
    long p[10] = {5, 8, 9, 13, 7, 2, 44, 6, 1, 3};
    show("rows 6", rows(6));
    show("rows 0", rows(0));
    show("steps 10", steps(p, 10));
    show("steps 0", steps(p, 0));
    show("zero_trips", zero_trips(0));
    show("changed", changed(p, 10));
    show("in_condition", in_condition(3));
    show("in_condition 5", in_condition(5));
    show("local_and_volatile", local_and_volatile(4));
    show("aliased", aliased(6));
    show("unsigned_counter", unsigned_counter());
    show("into", into(5));
    show("doubles x 1000", (long) (doubles() * 1000));
    return 0;
}
