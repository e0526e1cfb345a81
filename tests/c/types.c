/* typedef, enum, sizeof of composite types, nested struct declarations, unions as variants. */
#include "print.h"

typedef unsigned long size_type;
typedef struct node { int value; struct node *next; } node;
typedef enum { SHAPE_CIRCLE, SHAPE_RECT = 10, SHAPE_TRI } shape_kind;
struct shape {
    shape_kind kind;
    union { struct { int r; } circle; struct { int w, h; } rect; } u;
};

static long area(struct shape *s) {
    switch (s->kind) {
    case SHAPE_CIRCLE: return 3 * s->u.circle.r * s->u.circle.r;
    case SHAPE_RECT: return s->u.rect.w * s->u.rect.h;
    default: return -1;
    }
}

static int length(node *n) {
    int len = 0;
    for (; n; n = n->next) len++;
    return len;
}

int main(void) {
    node c = {3, 0}, b = {2, &c}, a = {1, &b};
    show("length", length(&a));
    show("a.next->next->value", a.next->next->value);
    struct shape shapes[3];
    shapes[0].kind = SHAPE_CIRCLE;
    shapes[0].u.circle.r = 2;
    shapes[1].kind = SHAPE_RECT;
    shapes[1].u.rect.w = 3;
    shapes[1].u.rect.h = 4;
    shapes[2].kind = SHAPE_TRI;
    for (int i = 0; i < 3; i++) show("area", area(&shapes[i]));
    show("SHAPE_TRI", SHAPE_TRI);
    show("sizeof(node)", sizeof(node));
    show("sizeof(struct shape)", sizeof(struct shape));
    size_type sz = sizeof(int[3][5]);
    show("sizeof(int[3][5])", sz);
    show("sizeof(char *[4])", sizeof(char *[4]));
    show("sizeof(int (*)[4])", sizeof(int (*)[4]));
    struct outer { char c; struct inner { short s; long l; } in; char d; };
    show("sizeof(struct outer)", sizeof(struct outer));
    struct inner in = {7, 8};
    show("in.l", in.l);
    const volatile int cv = 5;
    static const char *const names[] = {"zero", "one"};
    print_str(names[cv - 4]);
    print_str("\n");
    return 0;
}
