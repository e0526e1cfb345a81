/* Bit-fields: layout as GCC does it, signed and unsigned fields, read-modify-write, compound assignment, initialisers. */
#include "print.h"

struct flags {
    unsigned ready : 1;
    unsigned mode : 3;
    int delta : 5;
    unsigned : 0;
    unsigned long big : 40;
    char tail;
};

struct packed { char a; int x : 12; int y : 12; short s; };

struct flags g = {1, 5, -3, 0x123456789aUL, 'z'};

static void dump(struct flags *f) {
    show("ready", f->ready);
    show("mode", f->mode);
    show("delta", f->delta);
    show("big", (long) f->big);
    show("tail", f->tail);
}

int main(void) {
    dump(&g);
    show("sizeof(struct flags)", sizeof(struct flags));
    show("sizeof(struct packed)", sizeof(struct packed));
    struct flags f = {0};
    f.mode = 9;
    f.delta = 15;
    f.delta += 2;
    show("f.mode", f.mode);
    show("f.delta", f.delta);
    show("f.ready", f.ready);
    struct flags *p = &f;
    p->ready = 3;
    p->mode++;
    p->big = ~0UL;
    show("p->ready", p->ready);
    show("p->mode", p->mode);
    show("p->big == (1L << 40) - 1", p->big == (1L << 40) - 1);
    show("f.tail", f.tail);
    struct packed k = {.y = -1, .x = 2047, .a = 1, .s = 7};
    show("k.x", k.x);
    show("k.y", k.y);
    show("k.x + k.y", k.x + k.y);
    show("k.s", k.s);
    show("(f.mode = 12)", (f.mode = 12));
    show("f.mode - 5 < 0", f.mode - 5 < 0);
    return 0;
}
