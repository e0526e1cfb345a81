/* Pointers and arrays: arithmetic, multi-dimensional arrays, pointer differences and comparison. */
#include "print.h"

static int sum(int *p, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += p[i];
    return s;
}

static void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

int main(void) {
    int a[5] = {1, 2, 3, 4, 5};
    int m[3][4];
    int *p = a;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) m[i][j] = i * 10 + j;
    show("sum", sum(a, 5));
    show("*(p+2)", *(p + 2));
    show("2[a]", 2[a]);
    show("m[2][3]", m[2][3]);
    show("*m[1]", *m[1]);
    show("sizeof m", sizeof m);
    show("sizeof m[0]", sizeof m[0]);
    show("&a[4]-&a[0]", &a[4] - &a[0]);
    show("p<&a[1]", p < &a[1]);
    int x = 1, y = 2;
    swap(&x, &y);
    show("x", x);
    show("y", y);
    int **pp = &p;
    **pp = 42;
    show("a[0]", a[0]);
    p++;
    show("*p++", *p++);
    show("*p", *p);
    char s[] = "hello";
    show("sizeof s", sizeof s);
    char *q = s;
    while (*q) q++;
    show("len", q - s);
    long big[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    show("big[1][0][1]", big[1][0][1]);
    int (*row)[4] = m;
    show("row[1][2]", row[1][2]);
    void *v = a;
    show("((int*)v)[3]", ((int *) v)[3]);
    return 0;
}
