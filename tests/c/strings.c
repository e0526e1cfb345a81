/* String literals, escapes, char arithmetic and a hand-written strlen/strcmp. */
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

static int my_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char) *a - (unsigned char) *b;
}

static void reverse(char *s) {
    char *e = s;
    while (*e) e++;
    for (e--; s < e; s++, e--) { char t = *s; *s = *e; *e = t; }
}

int main(void) {
    char buf[32] = "stressed";
    reverse(buf);
    print_str(buf);
    print_str("\n");
    print_str("tab\there \"quoted\" back\\slash\n");
    show("cmp", my_strcmp("abc", "abd") < 0);
    show("cmp eq", my_strcmp("same", "same"));
    show("escape", '\n' + '\x41' + '\101' + '\0');
    show("sizeof literal", sizeof "four");
    show("concat", sizeof("ab" "cd"));
    const char *s = "xyz";
    show("s[1]", s[1]);
    show("high char", "\xff"[0]);
    char upper[6];
    const char *src = "hello";
    for (int i = 0; i < 6; i++) upper[i] = src[i] >= 'a' && src[i] <= 'z' ? src[i] - 32 : src[i];
    print_str(upper);
    print_str("\n");
    return 0;
}
