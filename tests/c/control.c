/* Control flow: switch with fall-through, goto, break and continue, do-while, loops with declarations. */
#include "print.h"

static const char *name(int n) {
    switch (n) {
    case 0: return "zero";
    case 1:
    case 2: return "small";
    case 10: return "ten";
    default: return "other";
    }
}

int main(void) {
    int total = 0;
    for (int i = 0; i < 6; i++) {
        switch (i) {
        case 0: total += 1;
        case 1: total += 10; break;
        case 3: continue;
        default: total += 100;
        }
        total += 1000;
    }
    show("total", total);
    for (int i = 0; i < 4; i++) { print_str(name(i * 5 / 2)); print_str(" "); }
    print_str(name(10));
    print_str("\n");
    int n = 0;
again:
    n++;
    if (n < 5) goto again;
    show("n", n);
    int k = 0;
    do { k += 3; } while (k < 10);
    show("k", k);
    int found = -1;
    for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
            if (i * j == 42) { found = i * 100 + j; goto done; }
        }
    }
done:
    show("found", found);
    int w = 0;
    while (1) { if (++w > 7) break; }
    show("w", w);
    int x = 5;
    show("x && 0 || 3", x && 0 || 3);
    int side = 0;
    if (0 && ++side) side = 10;
    if (1 || ++side) side += 100;
    show("side", side);
    return 0;
}
