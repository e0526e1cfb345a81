/*
 * malloc.c: the memory allocator (malloc, calloc, realloc, free, malloc_usable_size).
 *
 * Design (see docs/libc.md):
 *  - Every block starts with a 16-byte header: its usable size, its size class and a
 *    magic word saying whether it is in use. The user's pointer is just past the header,
 *    so it is 16-byte aligned, as on x86-64.
 *  - Small requests (up to 64 KiB) are rounded up to one of 17 size classes: multiples of
 *    16 up to 128, then powers of two. Each class has a free list (LIFO); free() pushes a
 *    block on its list and the next malloc of that class pops it, so memory freed is
 *    memory reused. Blocks are never split or merged: simple, fast, and the waste is
 *    bounded by the class spacing.
 *  - New small blocks are carved from an arena at the program break, grown with sbrk in
 *    steps of at least 64 KiB.
 *  - Large requests get their own anonymous mmap, returned to the kernel by free().
 *  - Freeing a block twice, or a pointer malloc never returned, is caught by the magic
 *    word in most cases and ends the program with SIGABRT, as glibc's checks do.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <malloc.h>
#include <sys/mman.h>
#include "lock.h"
#include "libc.h"

#define HEADER_SIZE 16
#define LARGEST_SMALL 65536
#define ARENA_STEP 65536
#define PAGE 4096
#define CLASS_COUNT 17
#define MMAPPED CLASS_COUNT
#define MAGIC_IN_USE 0xC10A110Cu
#define MAGIC_FREE 0xF4EEF4EEu

struct header {
    size_t size;        /* usable bytes after the header */
    unsigned int klass; /* size class, or MMAPPED */
    unsigned int magic; /* MAGIC_IN_USE or MAGIC_FREE */
};

/* A free block's first user bytes link it into its class's list. */
struct free_block {
    struct free_block *next;
};

static const size_t class_size[CLASS_COUNT] = {
    16, 32, 48, 64, 80, 96, 112, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
};

static struct free_block *free_list[CLASS_COUNT];
static char *arena_next; /* the next unused byte of the arena */
static char *arena_end;  /* the end of the arena: the program break we asked for */

/*
 * THREADS: the lists and the arena are shared by every thread of the process, so each
 * public function holds heap_lock (a three-state futex lock, lock.h) around its work.
 * A process that has never made a second thread skips the lock: one load and a branch.
 */
static volatile int heap_lock;
static int heap_locked; /* this call took heap_lock: only ever read by its holder */

static void malloc_lock(void)
{
    if (!__libc_multiple_threads) return;
    __lock(&heap_lock);
    heap_locked = 1;
}

static void malloc_unlock(void)
{
    /* Released only if taken, in case the first thread was created while we were inside. */
    if (!heap_locked) return;
    heap_locked = 0;
    __unlock(&heap_lock);
}

/* Takes the heap lock for fork (fork.c): no other thread is inside malloc while it is held. */
void __malloc_fork_lock(void) { __lock(&heap_lock); }

/* Releases the heap lock in the parent after fork. */
void __malloc_fork_unlock(void) { __unlock(&heap_lock); }

/* The child of fork has only the forking thread: the heap lock it took is simply free. */
void __malloc_fork_child(void)
{
    heap_lock = 0;
    heap_locked = 0;
}

/* Reports heap corruption the way glibc does and dies of SIGABRT. */
static void corruption(const char *message)
{
    __write_nocancel(2, message, strlen(message));
    abort();
}

static int class_of(size_t size)
{
    int k = 0;
    while (class_size[k] < size) k++;
    return k;
}

/* Grows the arena so that at least `need` bytes are free in it; 0 on success, -1 if not. */
static int grow_arena(size_t need)
{
    /* 16 more than needed, in case the new memory must be aligned first. */
    size_t step = need + 16 < ARENA_STEP ? ARENA_STEP : (need + 16 + PAGE - 1) / PAGE * PAGE;
    char *got = sbrk((long)step);
    if (got == (char *)-1) return -1;
    if (got != arena_end) {
        /* Not contiguous with the old arena (the first call, or someone else moved the
         * break): start afresh here, 16-byte aligned, and give up the old tail. */
        arena_next = got + (16 - (unsigned long)got % 16) % 16;
    }
    arena_end = got + step;
    return 0;
}

static void *malloc_small(size_t size)
{
    int k = class_of(size);
    size_t block = HEADER_SIZE + class_size[k];
    struct header *h;
    if (free_list[k]) {
        struct free_block *b = free_list[k];
        free_list[k] = b->next;
        h = (struct header *)b - 1;
    } else {
        if ((size_t)(arena_end - arena_next) < block && grow_arena(block) < 0) return 0;
        h = (struct header *)arena_next;
        arena_next += block;
        h->size = class_size[k];
        h->klass = (unsigned int)k;
    }
    h->magic = MAGIC_IN_USE;
    return h + 1;
}

static void *malloc_large(size_t size)
{
    size_t total;
    struct header *h;
    if (size > (size_t)-1 / 2) return 0;
    total = (size + HEADER_SIZE + PAGE - 1) / PAGE * PAGE;
    h = mmap(0, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (h == MAP_FAILED) return 0;
    h->size = total - HEADER_SIZE;
    h->klass = MMAPPED;
    h->magic = MAGIC_IN_USE;
    return h + 1;
}

/* size bytes, 16-byte aligned, uninitialised; NULL and ENOMEM when memory runs out. malloc(0) is a unique pointer. */
void *malloc(size_t size)
{
    void *p;
    malloc_lock();
    p = size <= LARGEST_SMALL ? malloc_small(size) : malloc_large(size);
    malloc_unlock();
    if (!p) errno = ENOMEM;
    return p;
}

/* The header of a block that must be in use (otherwise the program is stopped). */
static struct header *header_of(void *ptr, const char *caller)
{
    struct header *h = (struct header *)ptr - 1;
    if (h->magic != MAGIC_IN_USE) corruption(caller);
    return h;
}

/* Returns the block at ptr (from malloc, calloc or realloc) for reuse; free(NULL) does nothing. */
void free(void *ptr)
{
    struct header *h;
    if (!ptr) return;
    malloc_lock();
    h = header_of(ptr, "free(): invalid pointer or double free\n");
    h->magic = MAGIC_FREE;
    if (h->klass == MMAPPED) {
        munmap(h, h->size + HEADER_SIZE);
    } else {
        struct free_block *b = ptr;
        b->next = free_list[h->klass];
        free_list[h->klass] = b;
    }
    malloc_unlock();
}

/* nmemb * size zeroed bytes; NULL and ENOMEM if the product overflows or memory runs out. */
void *calloc(size_t nmemb, size_t size)
{
    size_t total = nmemb * size;
    void *p;
    if (size && total / size != nmemb) {
        errno = ENOMEM;
        return 0;
    }
    p = malloc(total);
    /* A fresh mapping is already zero; everything else may hold old data. */
    if (p && ((struct header *)p - 1)->klass != MMAPPED) memset(p, 0, total);
    return p;
}

/*
 * Resizes the block at ptr, keeping its contents up to the smaller size. The block stays
 * where it is when it is already big enough. realloc(NULL, n) is malloc(n); realloc(p, 0)
 * frees p and returns NULL, as glibc does. On failure p is untouched and NULL returned.
 */
void *realloc(void *ptr, size_t size)
{
    struct header *h;
    void *moved;
    if (!ptr) return malloc(size);
    if (size == 0) {
        free(ptr);
        return 0;
    }
    h = header_of(ptr, "realloc(): invalid pointer\n");
    if (size <= h->size) return ptr;
    moved = malloc(size);
    if (!moved) return 0;
    memcpy(moved, ptr, h->size);
    free(ptr);
    return moved;
}

/* realloc for an array, with calloc's overflow check. */
void *reallocarray(void *ptr, size_t nmemb, size_t size)
{
    if (size && nmemb > (size_t)-1 / size) {
        errno = ENOMEM;
        return 0;
    }
    return realloc(ptr, nmemb * size);
}

/* The usable size of the block at ptr: at least what was asked for. */
size_t malloc_usable_size(void *ptr)
{
    if (!ptr) return 0;
    return header_of(ptr, "malloc_usable_size(): invalid pointer\n")->size;
}
