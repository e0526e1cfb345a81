/*
 * Large objects whose cost must not grow with their size: sparse initialisers of big
 * arrays (a few elements given, the rest zero), copies of structs far larger than the
 * unrolled limit (with a tail of single bytes), a big zero-filled local with two elements
 * set, bit-fields packed in an initialised global, and a 4 MiB array in .bss.
 */
#include "print.h"

static int sparse[100000] = {[7] = 7, [50000] = 5, [99999] = 9};
static long mixed[1000] = {1, 2, 3, [900] = -1, 4};
static char text[5000] = "head";

struct blob { char bytes[1003]; };
static struct blob first = {{[0] = 1, [500] = 50, [1002] = 99}};
static struct blob second;

struct bits { unsigned a : 3; unsigned b : 7; char c; unsigned d : 20; };
static struct bits packed[3] = {[1] = {5, 100, 'x', 123456}};

static char zeros[4 << 20];

static long sum_local(void) {
    char buf[4000] = {1, [3999] = 2};
    long s = 0;
    for (int i = 0; i < 4000; i++) s += buf[i] * (i + 1);
    return s;
}

static struct blob pass(struct blob b) {
    b.bytes[1] += 1;
    return b;
}

int main(void) {
    long s = 0;
    for (int i = 0; i < 100000; i++) s += sparse[i];
    show("sparse sum", s);
    show("sparse[50000]", sparse[50000]);
    show("mixed[3]", mixed[3]);
    show("mixed[900]", mixed[900]);
    show("mixed[901]", mixed[901]);
    show("text[4]", text[4]);
    print_str(text);
    print_str("\n");
    second = first;
    show("copy[500]", second.bytes[500]);
    show("copy[1002]", second.bytes[1002]);
    struct blob third = pass(second);
    show("passed[1]", third.bytes[1]);
    show("passed[1002]", third.bytes[1002]);
    show("packed a", packed[1].a);
    show("packed b", packed[1].b);
    show("packed c", packed[1].c);
    show("packed d", packed[1].d);
    show("packed[0].d", packed[0].d);
    zeros[(4 << 20) - 1] = 3;
    show("zeros end", zeros[(4 << 20) - 1] + zeros[0]);
    show("local", sum_local());
    return 0;
}
