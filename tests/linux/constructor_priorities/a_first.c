/*
 * Constructor and destructor priorities across object files: this file and b_second.c are
 * linked in that order, and glibc runs every constructor of the program by priority, lowest
 * first, those of equal priority in link order, and those without one last (in link order);
 * destructors in exactly the reverse order. The linker sorts the objects'
 * .init_array.NNNNN and .fini_array.NNNNN entries, as GNU ld's SORT_BY_INIT_PRIORITY does.
 */
#include <stdio.h>

__attribute__((constructor(300))) static void a300(void) { puts("constructor a300"); }
__attribute__((constructor(101))) static void a101(void) { puts("constructor a101"); }
__attribute__((constructor)) static void a_plain(void) { puts("constructor a (no priority)"); }
__attribute__((constructor(65535))) static void a65535(void) { puts("constructor a65535"); }

__attribute__((destructor(300))) static void a300_end(void) { puts("destructor a300"); }
__attribute__((destructor(101))) static void a101_end(void) { puts("destructor a101"); }
__attribute__((destructor)) static void a_plain_end(void) { puts("destructor a (no priority)"); }

/* Called from main, so that this object is needed. */
void from_a(void) { puts("main calls into a_first.c"); }
