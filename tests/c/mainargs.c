/* main's argc and argv, recursion over strings, a local static counter. */
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

static int calls(void) {
    static int count;
    return ++count;
}

static int digits(const char *s) {
    return *s ? (*s >= '0' && *s <= '9') + digits(s + 1) : 0;
}

int main(int argc, char **argv) {
    show("argc", argc);
    show("argv[argc] == 0", argv[argc] == 0);
    show("digits", digits("a1b22c333"));
    calls();
    calls();
    show("calls", calls());
    int total = 0;
    for (char **p = argv; *p; p++) total++;
    show("total", total);
    return 0;
}
