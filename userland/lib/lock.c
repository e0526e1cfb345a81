/*
 * lock.c: libc's internal futex locks (see lock.h for the three-state protocol).
 *
 * Why three states and not two: with only "locked" and "unlocked" the releasing thread
 * cannot tell whether anyone sleeps, so every unlock would have to call FUTEX_WAKE. With
 * the third state, a thread about to sleep first marks the lock 2, and only an unlock that
 * finds 2 pays for the system call.
 */
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "libc.h"
#include "lock.h"

int __libc_multiple_threads;

int __trylock(volatile int *lock) { return __sync_val_compare_and_swap(lock, 0, 1) == 0; }

void __lock(volatile int *lock)
{
    int c = __sync_val_compare_and_swap(lock, 0, 1);
    if (c == 0) return; /* the uncontended case: one instruction, no system call */
    /* Announce a waiter (state 2) and sleep until an exchange finds the lock free. */
    if (c != 2) c = __sync_lock_test_and_set(lock, 2);
    while (c != 0) {
        __syscall6(SYS_futex, (long)lock, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
        c = __sync_lock_test_and_set(lock, 2);
    }
}

void __lock_contended(volatile int *lock)
{
    while (__sync_lock_test_and_set(lock, 2) != 0) {
        __syscall6(SYS_futex, (long)lock, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
    }
}

void __unlock(volatile int *lock)
{
    if (__sync_lock_test_and_set(lock, 0) == 2) {
        __syscall6(SYS_futex, (long)lock, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
    }
}

void __rlock_acquire(struct __rlock *r)
{
    int me;
    if (!__libc_multiple_threads) return;
    me = __thread_tid();
    if (r->owner == me) {
        r->depth++;
        return;
    }
    __lock(&r->lock);
    r->owner = me;
    r->depth = 1;
}

int __rlock_try(struct __rlock *r)
{
    int me;
    if (!__libc_multiple_threads) return 1;
    me = __thread_tid();
    if (r->owner == me) {
        r->depth++;
        return 1;
    }
    if (!__trylock(&r->lock)) return 0;
    r->owner = me;
    r->depth = 1;
    return 1;
}

void __rlock_release(struct __rlock *r)
{
    if (!__libc_multiple_threads) return;
    /* A lock taken while the process had one thread was never really taken. */
    if (r->owner != __thread_tid()) return;
    if (--r->depth == 0) {
        r->owner = 0;
        __unlock(&r->lock);
    }
}
