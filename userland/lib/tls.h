/*
 * tls.h: thread-local storage blocks (tls.c), shared by everything that makes a thread.
 *
 * The compiler puts _Thread_local and __thread variables in .tdata (initialised) and .tbss
 * (zeroed); the linker joins them into the TLS template and reaches each variable at a
 * fixed negative offset from tp (docs/executable.md, "Thread-local storage"). So every
 * thread needs, just below the control block tp points at, its own block made from the
 * template (x86-64's "variant II"):
 *
 *     block = tp - __tls_block_size()             tp
 *     | copy of .tdata | zeros for .tbss | ... | struct tcb (descriptor) ...
 *
 * A thread library places its descriptor with __tls_place, fills the block below it with
 * __tls_init_block each time the descriptor starts a new thread, and hands the descriptor to
 * the thread as its tp.
 */
#ifndef _LIBC_TLS_H
#define _LIBC_TLS_H

#include <stddef.h>

/* The bytes of a TLS block: the template's size rounded up to its alignment (0: no TLS). */
size_t __tls_block_size(void);

/* The bytes to reserve for a descriptor of desc_size bytes and its TLS block, including
 * the slack __tls_place may need to align the descriptor. */
size_t __tls_area_size(size_t desc_size);

/* Where to put a descriptor of desc_size bytes in memory that ends at top: as high as it
 * fits, aligned for tp (64 bytes, or the TLS alignment if that is larger), with room for
 * its TLS block below. The thread's stack may use what lies below the block. */
void *__tls_place(char *top, size_t desc_size);

/* Fills the TLS block just below tp from the template: .tdata copied, .tbss zeroed. */
void __tls_init_block(void *tp);

#endif
