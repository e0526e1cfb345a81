/* Function pointers, recursion and callbacks. */
long write(int fd, const void *buf, unsigned long count);

static void print_str(const char *s) {
    unsigned long n = 0;
    while (s[n]) n++;
    write(1, s, n);
}

static void print_long(long v) {
    char buf[24];
    int i = 23;
    unsigned long u = v < 0 ? -(unsigned long) v : (unsigned long) v;
    buf[i] = 0;
    do {
        buf[--i] = '0' + u % 10;
        u /= 10;
    } while (u);
    if (v < 0) buf[--i] = '-';
    print_str(buf + i);
}

static void show(const char *label, long v) {
    print_str(label);
    print_str(" = ");
    print_long(v);
    print_str("\n");
}

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
