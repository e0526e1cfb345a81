/*
 * pthread_key.c: thread-specific data (pthread_key_create, _getspecific, _setspecific).
 *
 * As NPTL: a process-wide table of PTHREAD_KEYS_MAX keys, each with a generation number
 * (odd while the key exists) and a destructor; each thread has a slot per key holding a
 * value and the generation it was stored under. A slot whose generation is not the key's
 * current one belongs to a deleted key and reads as NULL, so deleting a key never has to
 * visit the threads.
 *
 * The slots are in blocks of KEY_BLOCK (pthread_impl.h): the first block is part of the
 * thread's descriptor, the others are allocated (calloc) when a thread first stores a
 * non-NULL value under one of their keys, and freed when it exits. A missing block reads
 * as NULL everywhere, so a thread that only uses the first 32 keys, as most do, never
 * allocates, and the descriptor at the top of a small stack leaves it room to run.
 *
 * Locking: keys_lock guards the table's changes; reads of a key's generation need no lock.
 * A thread's blocks are its own: only it reads, allocates or frees them.
 */
#include <pthread.h>
#include <errno.h>
#include <stdlib.h>
#include "pthread_impl.h"

struct key {
    volatile unsigned int seq;      /* odd: the key is in use */
    void (*destructor)(void *);
};

static struct key keys[PTHREAD_KEYS_MAX];
static volatile int keys_lock;

/* Makes a new key whose values start NULL in every thread; destructor (or 0) runs at a
 * thread's exit on its non-NULL value. 0, or EAGAIN when all keys are taken. */
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
    unsigned int k;
    __lock(&keys_lock);
    for (k = 0; k < PTHREAD_KEYS_MAX; k++) {
        if ((keys[k].seq & 1) == 0 && keys[k].seq + 2 > keys[k].seq) {
            keys[k].destructor = destructor;
            keys[k].seq++;
            __unlock(&keys_lock);
            *key = k;
            return 0;
        }
    }
    __unlock(&keys_lock);
    return EAGAIN;
}

/* Deletes key; the values threads hold are forgotten, no destructor runs. 0 or EINVAL. */
int pthread_key_delete(pthread_key_t key)
{
    int r = EINVAL;
    if (key >= PTHREAD_KEYS_MAX) return EINVAL;
    __lock(&keys_lock);
    if (keys[key].seq & 1) {
        keys[key].seq++;
        r = 0;
    }
    __unlock(&keys_lock);
    return r;
}

/* The block holding thread self's slot for key, or 0 if it has not been allocated. */
static struct specific *block_of(struct pthread *self, pthread_key_t key)
{
    unsigned int b = key / KEY_BLOCK;
    return b == 0 ? self->specific_1stblock : self->specific[b];
}

/* The calling thread's value for key, or NULL (never set, or key invalid). */
void *pthread_getspecific(pthread_key_t key)
{
    struct specific *block, *s;
    if (key >= PTHREAD_KEYS_MAX) return 0;
    block = block_of(__pthread_self_desc(), key);
    if (!block) return 0;
    s = &block[key % KEY_BLOCK];
    return s->seq == keys[key].seq ? s->value : 0;
}

/* Sets the calling thread's value for key. 0, EINVAL if key does not exist, or ENOMEM if
 * the block for the key cannot be allocated (as glibc). */
int pthread_setspecific(pthread_key_t key, const void *value)
{
    struct pthread *self;
    struct specific *block;
    unsigned int seq;
    if (key >= PTHREAD_KEYS_MAX) return EINVAL;
    seq = keys[key].seq;
    if ((seq & 1) == 0) return EINVAL;
    self = __pthread_self_desc();
    block = block_of(self, key);
    if (!block) {
        if (!value) return 0; /* a missing block already reads as NULL */
        block = calloc(KEY_BLOCK, sizeof *block);
        if (!block) return ENOMEM;
        self->specific[key / KEY_BLOCK] = block;
    }
    block[key % KEY_BLOCK].seq = seq;
    block[key % KEY_BLOCK].value = (void *)value;
    self->specific_used = 1;
    return 0;
}

/*
 * POSIX's exit rule: for each key with a destructor and a non-NULL value, set the value
 * to NULL and call the destructor with the old value; destructors may set values again,
 * so repeat, at most PTHREAD_DESTRUCTOR_ITERATIONS rounds. Then the blocks beyond the
 * first are freed (glibc's __nptl_deallocate_tsd), so a descriptor goes back to the stack
 * cache with none.
 */
void __pthread_run_destructors(struct pthread *self)
{
    int round, again = 1;
    unsigned int k, b;
    for (round = 0; again && round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
        again = 0;
        for (k = 0; k < PTHREAD_KEYS_MAX; k++) {
            struct specific *block = block_of(self, k);
            struct specific *s;
            void (*destructor)(void *) = keys[k].destructor;
            void *value;
            if (!block) {
                k |= KEY_BLOCK - 1; /* the whole block reads as NULL: skip to its end */
                continue;
            }
            s = &block[k % KEY_BLOCK];
            value = s->value;
            if (!value || s->seq != keys[k].seq) continue;
            s->value = 0;
            if (destructor) {
                destructor(value);
                again = 1;
            }
        }
    }
    for (b = 1; b < KEY_BLOCKS; b++) {
        free(self->specific[b]);
        self->specific[b] = 0;
    }
    self->specific_used = 0;
}
