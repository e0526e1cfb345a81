/* Compound literals, statement expressions, shadowing, __func__, comma operators in for, nested ternaries. */
#include "print.h"

struct point { int x, y; };

static int manhattan(struct point p) { return (p.x < 0 ? -p.x : p.x) + (p.y < 0 ? -p.y : p.y); }

static const char *sign(int v) { return v < 0 ? "negative" : v == 0 ? "zero" : "positive"; }

int main(void) {
    show("compound literal", manhattan((struct point){-3, 4}));
    int *arr = (int[]){5, 6, 7};
    show("arr[2]", arr[2]);
    int v = ({ int t = 6; t * 7; });
    show("stmt expr", v);
    int x = 1;
    {
        int x = 2;
        show("inner x", x);
    }
    show("outer x", x);
    print_str(__func__);
    print_str("\n");
    int i, j;
    for (i = 0, j = 10; i < j; i++, j--) ;
    show("i", i);
    show("j", j);
    print_str(sign(-5));
    print_str(" ");
    print_str(sign(0));
    print_str(" ");
    print_str(sign(9));
    print_str("\n");
    int grid[2][3] = {[1] = {[2] = 9}, [0][1] = 4};
    show("grid[1][2]", grid[1][2]);
    show("grid[0][1]", grid[0][1]);
    show("grid[1][0]", grid[1][0]);
    struct point pts[] = {[1].y = 8, [0] = {1, 2}};
    show("sizeof pts", sizeof pts);
    show("pts[1].y", pts[1].y);
    char text[] = {'o', 'k', '\n', 0};
    print_str(text);
    return 0;
}
