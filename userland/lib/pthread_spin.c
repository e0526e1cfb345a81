/*
 * pthread_spin.c: spinlocks. The lock is an int, 0 free and 1 held; a waiter spins on
 * plain loads and retries the exchange only when the lock looks free, so the spinning does
 * not keep writing the shared word. Use them only for very short critical sections: a
 * spinning thread burns its CPU until the holder runs again.
 */
#include <pthread.h>
#include <errno.h>

/* Initialises l unlocked (pshared makes no difference here). Always 0. */
int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
    (void)pshared;
    *l = 0;
    return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *l)
{
    (void)l;
    return 0;
}

/* Spins until l is taken. Always 0 (relocking by the holder spins for ever, as glibc). */
int pthread_spin_lock(pthread_spinlock_t *l)
{
    while (__sync_lock_test_and_set(l, 1) != 0) {
        while (*l != 0) {
        }
    }
    return 0;
}

/* Takes l if free: 0, or EBUSY. */
int pthread_spin_trylock(pthread_spinlock_t *l) { return __sync_lock_test_and_set(l, 1) == 0 ? 0 : EBUSY; }

/* Releases l, which the caller holds. Always 0. */
int pthread_spin_unlock(pthread_spinlock_t *l)
{
    __sync_lock_release(l);
    return 0;
}
