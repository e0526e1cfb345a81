/* Brace elision with designators and in arrays whose length the initialiser gives (C11 6.7.9). */
#include "print.h"

struct P { int a, b; };
struct In { int a, b, c; };
struct Out { struct In in; int d; };

/* Globals: written as bytes at compile time. */
int gx[2][3] = {[0][1] = 7, 8};
struct P gps[] = {1, 2, 3, 4, 5, 6};
int gm[][2] = {1, 2, 3, 4, 5};
int gopen[] = {[3] = 1, 2};
char gnames[][4] = {"ab", "cd", "ef"};
struct Out gout = {.in.b = 1, 2, 3};
struct P gmixed[] = {{1, 2}, 3, 4, [4].b = 9};

static void show_ints(const char *what, const int *v, int n) {
    print_str(what);
    for (int i = 0; i < n; i++) {
        print_str(" ");
        print_long(v[i]);
    }
    print_str("\n");
}

int main(void) {
    /* Locals: a zero fill and one assignment per element given. */
    int x[2][3] = {[0][1] = 7, 8};
    struct P ps[] = {1, 2, 3, 4, 5, 6};
    int m[][2] = {1, 2, 3, 4, 5};
    int open[] = {[3] = 1, 2};
    char names[][4] = {"ab", "cd", "ef"};
    struct Out out = {.in.b = 1, 2, 3};
    struct P mixed[] = {{1, 2}, 3, 4, [4].b = 9};

    show_ints("gx", &gx[0][0], 6);
    show_ints("x", &x[0][0], 6);
    print_long(sizeof gps / sizeof gps[0]); print_str(" "); print_long(sizeof ps / sizeof ps[0]); print_str("\n");
    show_ints("gps", &gps[0].a, 6);
    show_ints("ps", &ps[0].a, 6);
    print_long(sizeof gm / sizeof gm[0]); print_str(" "); print_long(sizeof m / sizeof m[0]); print_str("\n");
    show_ints("gm", &gm[0][0], 6);
    show_ints("m", &m[0][0], 6);
    print_long(sizeof gopen / sizeof gopen[0]); print_str(" "); print_long(sizeof open / sizeof open[0]); print_str("\n");
    show_ints("gopen", gopen, 5);
    show_ints("open", open, 5);
    print_long(sizeof gnames / sizeof gnames[0]); print_str(" "); print_long(sizeof names / sizeof names[0]); print_str("\n");
    print_str(gnames[2]); print_str(" "); print_str(names[2]); print_str("\n");
    show_ints("gout", &gout.in.a, 4);
    show_ints("out", &out.in.a, 4);
    print_long(sizeof gmixed / sizeof gmixed[0]); print_str(" "); print_long(sizeof mixed / sizeof mixed[0]); print_str("\n");
    show_ints("gmixed", &gmixed[0].a, 10);
    show_ints("mixed", &mixed[0].a, 10);
    return 0;
}
