/* Global variables and initialisers: address constants, nested braces, designated initialisers, local statics. */
#include "print.h"

struct pair { int a; const char *s; };
int counter;
int primes[] = {2, 3, 5, 7, 11};
int *third = &primes[2];
const char *greeting = "hi there";
char word[8] = "abc";
struct pair pairs[] = {{1, "one"}, [2] = {3, "three"}, {.s = "four", .a = 4}};
long matrix[2][3] = {{1, 2, 3}, {4, 5}};
static int hidden = -7;
struct { char c; long l; } mixed = {'x', 1234567890123L};
enum color { RED, GREEN = 5, BLUE };
int colors[] = {[BLUE] = 1, [RED] = 2};
unsigned char bytes[] = {255, 256 - 1, 'A'};
long addr_diff = sizeof(primes) / sizeof(primes[0]);

static int next(void) {
    static int n = 100;
    return n++;
}

int main(void) {
    counter += 3;
    show("counter", counter);
    show("primes[4]", primes[4]);
    show("*third", *third);
    show("third[1]", third[1]);
    print_str(greeting);
    print_str("\n");
    print_str(word);
    print_str("\n");
    show("pairs[2].a", pairs[2].a);
    print_str(pairs[3].s);
    print_str("\n");
    show("pairs[1].a", pairs[1].a);
    show("pairs[1].s==0", pairs[1].s == 0);
    show("matrix[1][1]", matrix[1][1]);
    show("matrix[1][2]", matrix[1][2]);
    show("hidden", hidden);
    show("mixed.l", mixed.l);
    show("BLUE", BLUE);
    show("sizeof colors", sizeof colors);
    show("colors[6]", colors[6]);
    show("bytes[1]", bytes[1]);
    show("addr_diff", addr_diff);
    next();
    next();
    show("next()", next());
    return 0;
}
