/*
 * pthread_stack.c: thread stacks, their guard pages, and the cache that reuses them.
 *
 * A stack is one anonymous mapping: a guard of PROT_NONE pages at the bottom, so that
 * overflowing the stack faults (SIGSEGV) instead of silently writing over the next
 * mapping, then the stack, with the thread's descriptor at the very top.
 *
 * Creating a thread is mostly the cost of this mapping, so, as NPTL, mappings of finished
 * threads are kept in a cache (up to 40 MiB, glibc's limit) and handed to the next
 * pthread_create that asks for the same size. The subtle part is that a thread cannot
 * give its own stack away while it still runs on it: a detached thread puts its mapping in
 * the cache just before it exits, still standing on it. The kernel's CLONE_CHILD_CLEARTID
 * store settles this: it zeroes pd->tcb.tid only after the thread has left user space for
 * good, so the cache hands out, and unmaps, only mappings whose tid is 0.
 *
 * Locking: cache_lock guards the list and cache_bytes.
 */
#include <string.h>
#include <stddef.h>
#include <sys/mman.h>
#include "pthread_impl.h"
#include "tls.h"

#define PAGE 4096UL
#define CACHE_MAX (40UL * 1024 * 1024)

static volatile int cache_lock;
static struct pthread *cache;   /* most recently released first */
static size_t cache_bytes;

static size_t page_round(size_t n) { return (n + PAGE - 1) & ~(PAGE - 1); }

/* Takes a finished mapping of exactly map_size bytes with the same guard from the cache. */
static struct pthread *take_cached(size_t map_size, size_t guard_size)
{
    struct pthread **link;
    struct pthread *pd = 0;
    __lock(&cache_lock);
    for (link = &cache; *link; link = &(*link)->next_cached) {
        struct pthread *c = *link;
        if (c->map_size == map_size && c->guard_size == guard_size && c->tcb.tid == 0) {
            *link = c->next_cached;
            cache_bytes -= map_size;
            pd = c;
            break;
        }
    }
    __unlock(&cache_lock);
    return pd;
}

/* Clears a reused descriptor: everything but its memory fields, and the thread-specific
 * slots only if the last owner used any (a fresh mapping is zero already, and clearing the
 * slots on every create would be most of its cost). The last owner freed its blocks of
 * values beyond the first when it exited (pthread_key.c), so nothing leaks. */
static void reset_descriptor(struct pthread *pd)
{
    char *base = pd->map_base;
    size_t map = pd->map_size, guard = pd->guard_size, size = pd->stack_size;
    char *low = pd->stack_low;
    if (pd->specific_used) {
        memset(pd->specific_1stblock, 0, sizeof pd->specific_1stblock);
        memset(pd->specific, 0, sizeof pd->specific);
    }
    memset(pd, 0, offsetof(struct pthread, specific_1stblock));
    pd->map_base = base;
    pd->map_size = map;
    pd->guard_size = guard;
    pd->stack_low = low;
    pd->stack_size = size;
}

struct pthread *__pthread_stack_alloc(size_t stack_size, size_t guard_size)
{
    size_t guard = page_round(guard_size);
    size_t map_size = guard + page_round(stack_size);
    struct pthread *pd = take_cached(map_size, guard);
    char *base;
    if (pd) {
        reset_descriptor(pd);
        return pd;
    }
    base = mmap(0, map_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) return 0;
    if (guard && mprotect(base, guard, PROT_NONE) != 0) {
        munmap(base, map_size);
        return 0;
    }
    /* The descriptor at the top, its TLS block just below; the stack grows down from there. */
    pd = __tls_place(base + map_size, sizeof(struct pthread));
    pd->map_base = base;
    pd->map_size = map_size;
    pd->guard_size = guard;
    pd->stack_low = base + guard;
    pd->stack_size = (char *)pd - __tls_block_size() - (base + guard);
    return pd;
}

/* Unmaps finished mappings, oldest first, until the cache is within CACHE_MAX. Caller
 * holds cache_lock. A mapping still in use (tid != 0) stays until a later trim. */
static void trim_cache(void)
{
    struct pthread **link = &cache;
    size_t kept = 0;
    while (*link) {
        struct pthread *c = *link;
        if (kept + c->map_size > CACHE_MAX && c->tcb.tid == 0) {
            *link = c->next_cached;
            cache_bytes -= c->map_size;
            munmap(c->map_base, c->map_size);
        } else {
            kept += c->map_size;
            link = &c->next_cached;
        }
    }
}

void __pthread_stack_release(struct pthread *pd)
{
    if (pd->user_stack) return; /* the caller's memory, or the main thread's */
    __lock(&cache_lock);
    pd->next_cached = cache;
    cache = pd;
    cache_bytes += pd->map_size;
    if (cache_bytes > CACHE_MAX) trim_cache();
    __unlock(&cache_lock);
}

/* Takes the cache's lock for fork (fork.c): the child then gets a consistent list. */
void __pthread_stack_fork_lock(void) { __lock(&cache_lock); }

/* Releases the cache's lock in the parent after fork. */
void __pthread_stack_fork_unlock(void) { __unlock(&cache_lock); }

/* In the child of fork no other thread exists, so every cached mapping is free even if the
 * kernel had not yet cleared its tid in the parent (as glibc's __reclaim_stacks); the
 * cache's lock, which the forking thread held, is free too. */
void __pthread_stack_fork_child(void)
{
    struct pthread *c;
    for (c = cache; c; c = c->next_cached) c->tcb.tid = 0;
    cache_lock = 0;
}
