/* malloc.h: the allocator's functions plus malloc_usable_size, as glibc's malloc.h. */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

/* The number of bytes usable in the block at ptr (at least what was asked for); 0 for NULL. */
size_t malloc_usable_size(void *ptr);

#endif
