/*
 * tls.c: making a thread's TLS block from the template the linker describes (tls.h).
 *
 * A static glibc finds the template through ELF's PT_TLS program header; Clonix links
 * statically too, and its linker provides the same four facts as symbols whose values are
 * the facts themselves (docs/executable.md): the template's address, the size of its
 * initialised part, the size of a block and the block's alignment.
 */
#include <string.h>
#include "tls.h"

extern char __tdata_start[], __tdata_size[], __tls_size[], __tls_align[];

/* Descriptors start on a 64-byte boundary (a cache line) unless TLS needs more. */
#define DESCRIPTOR_ALIGN 64UL

static unsigned long tp_align(void)
{
    unsigned long a = (unsigned long)__tls_align;
    return a > DESCRIPTOR_ALIGN ? a : DESCRIPTOR_ALIGN;
}

size_t __tls_block_size(void) { return (size_t)__tls_size; }

size_t __tls_area_size(size_t desc_size) { return __tls_block_size() + desc_size + tp_align() - 1; }

void *__tls_place(char *top, size_t desc_size)
{
    return (void *)(((unsigned long)top - desc_size) & ~(tp_align() - 1));
}

void __tls_init_block(void *tp)
{
    size_t size = __tls_block_size(), filled = (size_t)__tdata_size;
    char *block = (char *)tp - size;
    memcpy(block, __tdata_start, filled);
    memset(block + filled, 0, size - filled);
}
