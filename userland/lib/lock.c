/*
 * lock.c: libc's internal futex locks (see lock.h for the three-state protocol).
 *
 * Why three states and not two: with only "locked" and "unlocked" the releasing thread
 * cannot tell whether anyone sleeps, so every unlock would have to call FUTEX_WAKE. With
 * the third state, a thread about to sleep first marks the lock 2, and only an unlock that
 * finds 2 pays for the system call.
 */
#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include "libc.h"
#include "lock.h"

int __libc_multiple_threads;

// LAB locks BEGIN: the three-state futex lock of lock.h: __trylock, __lock, __lock_timed, __lock_contended and __unlock
int __trylock(volatile int *lock) { return __sync_val_compare_and_swap(lock, 0, 1) == 0; }

void __lock(volatile int *lock)
{
    int c = __sync_val_compare_and_swap(lock, 0, 1);
    if (c == 0) return; /* the uncontended case: one instruction, no system call */
    /* Announce a waiter (state 2) and sleep until an exchange finds the lock free. The
     * exchange, not a compare-and-swap, because the thread that wins the lock here cannot
     * know whether others still sleep: it keeps the state at 2, so its unlock wakes one. */
    if (c != 2) c = __sync_lock_test_and_set(lock, 2);
    while (c != 0) {
        /* Sleeps only while the word is still 2: an unlock in between makes it return. */
        __syscall6(SYS_futex, (long)lock, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
        c = __sync_lock_test_and_set(lock, 2);
    }
}

int __lock_timed(volatile int *lock, const struct timespec *abstime, int clock)
{
    /* FUTEX_WAIT_BITSET takes an absolute deadline, on CLOCK_REALTIME if asked. */
    int op = FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
    int c = __sync_val_compare_and_swap(lock, 0, 1);
    if (c == 0) return 0;
    if (abstime && abstime->tv_sec < 0) return ETIMEDOUT; /* before the epoch: already past */
    if (c != 2) c = __sync_lock_test_and_set(lock, 2);
    while (c != 0) {
        if (__syscall6(SYS_futex, (long)lock, op, 2, (long)abstime, 0, (int)FUTEX_BITSET_MATCH_ANY) == -ETIMEDOUT) {
            return ETIMEDOUT;
        }
        c = __sync_lock_test_and_set(lock, 2);
    }
    return 0;
}

void __lock_contended(volatile int *lock)
{
    while (__sync_lock_test_and_set(lock, 2) != 0) {
        __syscall6(SYS_futex, (long)lock, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
    }
}

void __unlock(volatile int *lock)
{
    /* Only a lock left at 2 may have a sleeper, so only then is the system call paid. */
    if (__sync_lock_test_and_set(lock, 0) == 2) {
        __syscall6(SYS_futex, (long)lock, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
    }
}
// LAB locks STUB
// int __trylock(volatile int *lock) { return __sync_val_compare_and_swap(lock, 0, 1) == 0; }
// /* Correct but wasteful: a waiter never sleeps, it tries again and again, giving its CPU
//  * away between tries, and burns CPU time for as long as the lock stays taken. */
// int __lock_timed(volatile int *lock, const struct timespec *abstime, int clock)
// {
//     struct timespec now;
//     while (!__trylock(lock)) {
//         if (abstime) {
//             __syscall6(SYS_clock_gettime, clock, (long)&now, 0, 0, 0, 0);
//             if (now.tv_sec > abstime->tv_sec || (now.tv_sec == abstime->tv_sec && now.tv_nsec >= abstime->tv_nsec)) {
//                 return ETIMEDOUT;
//             }
//         }
//         __syscall6(SYS_sched_yield, 0, 0, 0, 0, 0, 0);
//     }
//     return 0;
// }
// void __lock(volatile int *lock) { __lock_timed(lock, 0, CLOCK_MONOTONIC); }
// void __lock_contended(volatile int *lock) { __lock(lock); }
// void __unlock(volatile int *lock) { __sync_lock_release(lock); }
// LAB locks END

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
