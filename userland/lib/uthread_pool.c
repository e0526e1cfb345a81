/*
 * uthread_pool.c: the policy of the LWP pool of the two-level thread library: how many
 * LWPs there are, and when one is added or leaves. The pool is as large as the
 * concurrency level, which uthread_setconcurrency sets while the program runs; it grows
 * by one LWP (and the level with it) when every LWP is about to block in the kernel while
 * user threads are ready (uthread_blocking_begin); and an LWP above the level leaves when
 * it next looks for work (__uthread_lwp_must_leave).
 *
 * The mechanisms are elsewhere: uthread_lwp.c reserves a slot (__uthread_lwp_reserve,
 * lock held), makes the LWP (__uthread_lwp_start, lock not held: it calls mmap and clone)
 * and ends one that must leave; __uthread_make_ready and __uthread_unlock wake idle LWPs
 * (uthread_sched.c). The fields used here, all under the scheduler lock: level,
 * lwp_count, in_kernel_count, ready_count, idle_count, idle_seq, wakes_owed of
 * __uthread_sched, and each LWP's index and in_kernel (uthread_impl.h).
 */
#include <errno.h>
#include "uthread_impl.h"

// LAB uthread BEGIN: the LWP pool's policy: resize it, grow it when every LWP blocks, let LWPs leave
/*
 * Lock held: whether lwp must leave the pool now: it is above the level, it is not LWP 0
 * (the process's first thread, which must stay so that the process keeps its group
 * leader), and it is not the only LWP left outside the kernel while user threads are
 * ready (leaving would strand them until a blocking call returns).
 */
int __uthread_lwp_must_leave(struct lwp *lwp)
{
    struct uthread_sched *s = &__uthread_sched;
    if (lwp->index == 0 || s->lwp_count <= s->level) return 0;
    return !(s->ready_count > 0 && s->in_kernel_count >= s->lwp_count - 1);
}

/*
 * Sets the concurrency level. Below it, the missing LWPs are made at once: their slots
 * are reserved under the lock, so that two callers cannot both make the same LWPs, and
 * they are started after it is released, since mmap and clone must not be called with a
 * spinlock held. Above it, the idle LWPs are all woken so that their loops see they must
 * leave; busy ones leave when their thread next gives them back.
 */
int uthread_setconcurrency(int level)
{
    struct uthread_sched *s = &__uthread_sched;
    int slots[UTHREAD_MAX_LWPS];
    int count = 0, result = 0, i;
    if (level < 0 || level > UTHREAD_MAX_LWPS) return EINVAL;
    if (level == 0) level = 1;
    __uthread_init();
    __uthread_lock();
    s->level = level;
    while (s->lwp_count < level && (i = __uthread_lwp_reserve()) >= 0) slots[count++] = i;
    if (s->lwp_count > level && s->idle_count > 0) {
        s->wakes_owed = s->idle_count;
        s->idle_seq++;
    }
    __uthread_unlock();
    for (i = 0; i < count; i++) {
        if (__uthread_lwp_start(slots[i]) != 0) result = EAGAIN;
    }
    return result;
}

/*
 * The caller's LWP is about to block in the kernel. If that leaves no LWP to run the ready
 * user threads, the pool grows by one LWP and the level with it. Solaris did the same when
 * the kernel sent SIGWAITING, the signal that said every LWP of the process was blocked;
 * here the library sees it itself, because its threads announce their blocking calls.
 * Checking here is enough: threads become ready only through user code, which runs only
 * on an LWP outside the kernel, so "all LWPs blocked with threads ready" can begin only
 * at a blocking_begin.
 */
void uthread_blocking_begin(void)
{
    struct uthread_sched *s = &__uthread_sched;
    struct lwp *lwp;
    int grow = -1;
    __uthread_init();
    __uthread_lock();
    lwp = __uthread_current()->lwp;
    lwp->in_kernel = 1;
    s->in_kernel_count++;
    if (s->in_kernel_count == s->lwp_count && s->ready_count > 0) {
        grow = __uthread_lwp_reserve();
        if (grow >= 0) s->level++;
    }
    __uthread_unlock();
    if (grow >= 0 && __uthread_lwp_start(grow) != 0) {
        __uthread_lock();
        s->level--;
        __uthread_unlock();
    }
}

/* The caller's blocking call has returned: its LWP runs user code again. */
void uthread_blocking_end(void)
{
    struct uthread_sched *s = &__uthread_sched;
    __uthread_lock();
    __uthread_current()->lwp->in_kernel = 0;
    s->in_kernel_count--;
    __uthread_unlock();
}
// LAB uthread STUB
// /* A fixed pool of one LWP, LWP 0, that never grows: nothing ever leaves it. */
// int __uthread_lwp_must_leave(struct lwp *lwp)
// {
//     return 0;
// }
//
// /* Checks the level but keeps the pool at one LWP. */
// int uthread_setconcurrency(int level)
// {
//     if (level < 0 || level > UTHREAD_MAX_LWPS) return EINVAL;
//     return 0;
// }
//
// /* A blocking call takes the only LWP into the kernel with it. */
// void uthread_blocking_begin(void)
// {
// }
//
// void uthread_blocking_end(void)
// {
// }
// LAB uthread END
