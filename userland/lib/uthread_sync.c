/*
 * uthread_sync.c: mutexes and condition variables of the two-level thread library. A user
 * thread that must wait is put on the object's queue and gives its LWP back to the
 * scheduler loop: it waits in the library, and its LWP runs other user threads meanwhile.
 * The queues are protected by the scheduler lock, like every other queue of the library.
 *
 * Unlocking hands the mutex straight to the longest waiter (it becomes the owner before it
 * even runs), so waiters are served first come, first served and none can starve.
 */
#include <errno.h>
#include "uthread_impl.h"

/* Makes mutex unlocked with nobody waiting. */
int uthread_mutex_init(uthread_mutex_t *mutex)
{
    mutex->owner = 0;
    mutex->first = 0;
    mutex->last = 0;
    return 0;
}

/* Locks mutex, waiting in the library while another user thread holds it. */
int uthread_mutex_lock(uthread_mutex_t *mutex)
{
    struct uthread *self;
    __uthread_init();
    self = __uthread_current();
    __uthread_lock();
    if (!mutex->owner) {
        mutex->owner = self;
    } else if (mutex->owner == self) {
        __uthread_unlock();
        return EDEADLK;
    } else {
        __uthread_enqueue(&mutex->first, &mutex->last, self);
        self->state = UTHREAD_BLOCKED;
        __uthread_block();
        /* The unlocker made this thread the owner before waking it. */
    }
    __uthread_unlock();
    return 0;
}

/* Locks mutex if it is free; EBUSY otherwise. */
int uthread_mutex_trylock(uthread_mutex_t *mutex)
{
    int result = 0;
    __uthread_init();
    __uthread_lock();
    if (mutex->owner) result = EBUSY;
    else mutex->owner = __uthread_current();
    __uthread_unlock();
    return result;
}

/* Lock held: the caller, the owner, gives mutex to its longest waiter, or leaves it free. */
static void release(uthread_mutex_t *mutex)
{
    struct uthread *next = __uthread_dequeue(&mutex->first, &mutex->last);
    mutex->owner = next;
    if (next) __uthread_make_ready(next);
}

/* Unlocks mutex, which the caller must hold (EPERM otherwise). */
int uthread_mutex_unlock(uthread_mutex_t *mutex)
{
    __uthread_init();
    __uthread_lock();
    if (mutex->owner != __uthread_current()) {
        __uthread_unlock();
        return EPERM;
    }
    release(mutex);
    __uthread_unlock();
    return 0;
}

/* Checks that mutex is free and unwaited (EBUSY otherwise); it holds no resources. */
int uthread_mutex_destroy(uthread_mutex_t *mutex)
{
    return mutex->owner || mutex->first ? EBUSY : 0;
}

/* Makes cond a condition nobody waits on. */
int uthread_cond_init(uthread_cond_t *cond)
{
    cond->first = 0;
    cond->last = 0;
    return 0;
}

/*
 * Releases mutex and waits on cond in one step under the scheduler lock, so a signal sent
 * after the release cannot be missed; once woken, locks mutex again.
 */
int uthread_cond_wait(uthread_cond_t *cond, uthread_mutex_t *mutex)
{
    struct uthread *self;
    __uthread_init();
    self = __uthread_current();
    __uthread_lock();
    if (mutex->owner != self) {
        __uthread_unlock();
        return EPERM;
    }
    __uthread_enqueue(&cond->first, &cond->last, self);
    self->state = UTHREAD_BLOCKED;
    release(mutex);
    __uthread_block();
    __uthread_unlock();
    return uthread_mutex_lock(mutex);
}

/* Wakes the longest waiter of cond, if any. */
int uthread_cond_signal(uthread_cond_t *cond)
{
    struct uthread *t;
    __uthread_init();
    __uthread_lock();
    t = __uthread_dequeue(&cond->first, &cond->last);
    if (t) __uthread_make_ready(t);
    __uthread_unlock();
    return 0;
}

/* Wakes every waiter of cond, oldest first. */
int uthread_cond_broadcast(uthread_cond_t *cond)
{
    struct uthread *t;
    __uthread_init();
    __uthread_lock();
    while ((t = __uthread_dequeue(&cond->first, &cond->last)) != 0) __uthread_make_ready(t);
    __uthread_unlock();
    return 0;
}

/* Checks that nobody waits on cond (EBUSY otherwise); it holds no resources. */
int uthread_cond_destroy(uthread_cond_t *cond)
{
    return cond->first ? EBUSY : 0;
}
