/* alloca.h: memory on the caller's stack, freed when the calling function returns. As in
 * glibc, alloca is the compiler's __builtin_alloca: it must move the caller's own sp, which
 * no real function can do. The block is 16-byte aligned; a size too large for the stack
 * faults (SIGSEGV) when the memory is touched, as on Linux. */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#include <stddef.h>

void *alloca(size_t size);
#define alloca(size) __builtin_alloca(size)

#endif
