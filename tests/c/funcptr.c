/* Function pointers, recursion and callbacks. */
#include "print.h"

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static int fold(int (*f)(int, int), int *v, int n, int acc) {
    for (int i = 0; i < n; i++) acc = f(acc, v[i]);
    return acc;
}

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

typedef int (*binop)(int, int);

struct op { const char *name; binop fn; };

int main(void) {
    int v[4] = {1, 2, 3, 4};
    show("fold add", fold(add, v, 4, 0));
    show("fold mul", fold(mul, v, 4, 1));
    binop ops[2] = {add, &mul};
    show("ops[1](6,7)", ops[1](6, 7));
    show("(*ops[0])(6,7)", (*ops[0])(6, 7));
    struct op table[] = {{"add", add}, {"mul", mul}};
    for (int i = 0; i < 2; i++) show(table[i].name, table[i].fn(5, 9));
    show("fib(20)", fib(20));
    show("ackermann(2,3)", ackermann(2, 3));
    return 0;
}
