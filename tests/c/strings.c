/* String literals, escapes, char arithmetic and a hand-written strlen/strcmp. */
#include "print.h"

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
