/* main's argc and argv, recursion over strings, a local static counter. */
#include "print.h"

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
