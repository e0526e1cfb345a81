/* The second object of the program (see a_first.c): its priorities interleave with a's. */
#include <stdio.h>

void from_a(void);

__attribute__((constructor(200))) static void b200(void) { puts("constructor b200"); }
__attribute__((constructor(101))) static void b101(void) { puts("constructor b101"); }
__attribute__((constructor)) static void b_plain(void) { puts("constructor b (no priority)"); }
__attribute__((constructor(1000))) static void b1000(void) { puts("constructor b1000"); }

__attribute__((destructor(200))) static void b200_end(void) { puts("destructor b200"); }
__attribute__((destructor(101))) static void b101_end(void) { puts("destructor b101"); }
__attribute__((destructor)) static void b_plain_end(void) { puts("destructor b (no priority)"); }
__attribute__((destructor(65535))) static void b65535_end(void) { puts("destructor b65535"); }

int main(void) {
    puts("main");
    from_a();
    return 0;
}
