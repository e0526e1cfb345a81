/*
 * Address constants in static initialisers (C11 6.6p9): the address of an element or
 * member however it is written, plus or minus a constant, cast, taken from a string
 * literal or a function; differences and comparisons of addresses in one object fold to
 * numbers. Each pointer is printed as its distance from the object's start.
 */
#include "print.h"

struct Inner { char c; long q; };
struct S { int x; int m; int arr[4]; struct Inner in; };

int a[5][8];
struct S s;
struct S sa[3];
char buf[16];

static int one(void) { return 1; }
static int two(void) { return 2; }

static int *elem = &a[3][6];
static int *member = &s.m;
static int *member_elem = &s.arr[2];
static int (*row)[8] = a + 3;
static char *byte = (char *)&s + 1;
static long offset_idiom = (long)&((struct S *)0)->arr[1];
static const char *tail = "hello" + 2;
static int (*fns[])(void) = {one, two, &one};
static long *deep = &sa[2].in.q;
static char *back = &buf[3] - 1;
static int *commuted = 2 + &a[1][0];
static int *flat = (int *)a + 9;
static const char *from_string = &"abc"[1];
static int *round_trip = &*&a[1][1];
static int *indexed_row = &(&a[2])[0][3];
static int *arrow = &sa->m;
static int *past = &sa[1].arr[0] + 2;
static void *whole = (void *)&a;
static struct S *second = &sa[1];
static int *two_casts = (int *)(char *)&a[1][2];
static long as_long = (long)&a[0][1];
static int *scaled = &a[0][0] + (4 - 2) * 3;
static int *chosen = 0 ? &a[0][0] : &a[1][1];
static long difference = &a[3][0] - &a[1][0];
static int same = &a[1][1] == &a[1][1];
static int before = &a[2][0] < &a[1][0];
static int *compound = (int[]){7, 8, 9} + 1;

/* Addresses inside aggregates, and a local static. */
struct Table { const char *name; int *slot; int (*fn)(void); };
static struct Table table[] = {{"first", &a[0][1], one}, {"second", &s.arr[3], two}};

static long from(const void *p, const void *base) {
    return (const char *)p - (const char *)base;
}

int main(void) {
    static int *local_static = &a[4][7];
    show("elem", from(elem, a));
    show("member", from(member, &s));
    show("member_elem", from(member_elem, &s));
    show("row", from(row, a));
    show("byte", from(byte, &s));
    show("offset_idiom", offset_idiom);
    print_str(tail); print_str("\n");
    show("fns", fns[0]() * 100 + fns[1]() * 10 + fns[2]());
    show("deep", from(deep, sa));
    show("back", from(back, buf));
    show("commuted", from(commuted, a));
    show("flat", from(flat, a));
    print_str(from_string); print_str("\n");
    show("round_trip", from(round_trip, a));
    show("indexed_row", from(indexed_row, a));
    show("arrow", from(arrow, sa));
    show("past", from(past, sa));
    show("whole", from(whole, a));
    show("second", from(second, sa));
    show("two_casts", from(two_casts, a));
    show("as_long", as_long - (long)a);
    show("scaled", from(scaled, a));
    show("chosen", from(chosen, a));
    show("difference", difference);
    show("same", same);
    show("before", before);
    show("compound", compound[0] * 10 + compound[1]);
    for (int i = 0; i < 2; i++) {
        print_str(table[i].name);
        show(" slot", i == 0 ? from(table[i].slot, a) : from(table[i].slot, &s));
        show(" fn", table[i].fn());
    }
    show("local_static", from(local_static, a));
    return 0;
}
