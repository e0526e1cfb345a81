/*
 * Variable-length arrays (C11 6.7.6.2): one and two dimensions, sizeof at run time,
 * pointers to VLA rows, VLA parameters, and the stack given back when the array's scope
 * is left, by its end, break, continue, goto and return (sp is the same after 1000 loops).
 */
#include "print.h"

static int get(int x) { return x; }

static long weighted(int r, int c, int m[r][c]) {
    long s = 0;
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) s += m[i][j] * (i + 1);
    show("sizeof m[0] in callee", sizeof m[0]);
    return s;
}

static char *stack_here(void) {
    char c;
    char *p = &c;
    return p;
}

/* Returns from inside the scope of a VLA. */
static int early_return(int n) {
    int v[n];
    for (int i = 0; i < n; i++) v[i] = i;
    if (n > 2) return v[n - 1] + v[1];
    return 0;
}

int main(void) {
    int n = get(5);
    int a[n];
    for (int i = 0; i < n; i++) a[i] = i * i;
    show("sizeof a", sizeof a);
    show("a[4]", a[4]);
    show("a[n - 1]", a[n - 1]);

    int r = get(3), c = get(4);
    int m[r][c];
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) m[i][j] = i * 10 + j;
    show("sizeof m", sizeof m);
    show("sizeof m[1]", sizeof m[1]);
    show("m[2][3]", m[2][3]);
    show("&m[2][0] - &m[0][0]", &m[2][0] - &m[0][0]);
    show("weighted", weighted(r, c, m));
    show("sizeof(int[n][2])", sizeof(int[n][2]));
    int (*rows)[c] = m;
    show("rows[1][2]", rows[1][2]);
    show("rows + 2 - rows", rows + 2 - rows);
    int three[3][n];
    show("sizeof three", sizeof three);
    show("sizeof three[0]", sizeof three[0]);

    char *before = stack_here();
    for (int k = 0; k < 1000; k++) {
        char big[get(10000)];
        big[0] = k;
        if (k == 500) continue;
        if (k == 998) break;
    }
    int k = 0;
again:
    {
        char more[get(5000)];
        more[1] = 1;
        if (++k < 1000) goto again;
    }
    for (k = 0; k < 1000; k++) {
    top:
        {
            char inner[get(3000)];
            inner[2] = 2;
            if (k % 2 == 0) {
                k++;
                goto top;
            }
        }
    }
    for (k = 0; k < 1000; k++) early_return(get(4));
    show("early_return", early_return(get(4)));
    show("stack given back", before == stack_here());
    return 0;
}
