/*
 * uthread_lwp.c: the LWPs of the two-level thread library. Each LWP is a kernel thread
 * (clone with CLONE_THREAD) that runs lwp_loop: take the first ready user thread and run
 * it until it gives the LWP back, or sleep on a futex while there is nothing to run. This
 * file makes an LWP (a slot of the table, a stack, a clone) and ends one; when to do
 * either, the pool's policy, is uthread_pool.c's.
 */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"
#include "lock.h"
#include "uthread_impl.h"

/* An LWP shares everything a thread of the process shares, and the kernel tells the
 * library its tid (CLONE_PARENT_SETTID) and clears it when the LWP has gone
 * (CLONE_CHILD_CLEARTID), exactly as NPTL makes its threads. */
#define LWP_CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM \
        | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/*
 * Lock held, never returns: lwp leaves the pool. If ready threads are left for the others,
 * an idle LWP is woken to take its place. The stack is unmapped by the last instructions
 * the LWP runs (uthread_switch.s); the kernel then clears lwp->tcb.tid, and only after
 * that may the slot be used again.
 */
static void lwp_leave(struct lwp *lwp)
{
    struct uthread_sched *s = &__uthread_sched;
    char *stack = lwp->stack;
    s->lwp_count--;
    lwp->in_use = 0;
    lwp->current = 0;
    if (s->ready_count > 0 && s->wakes_owed < s->idle_count) {
        s->wakes_owed++;
        s->idle_seq++;
    }
    __uthread_unlock();
    __uthread_lwp_exit(stack, LWP_STACK_SIZE);
}

/*
 * Lock held, never returns: the scheduler loop of lwp. It runs the first ready user
 * thread; threads then hand the LWP to one another, first come, first served, and give it
 * back here, with the lock held again, when none is ready or one has ended. Each time
 * round it asks the pool's policy whether this LWP must leave (uthread_pool.c). With
 * nothing to run the LWP sleeps on the futex idle_seq, which __uthread_make_ready bumps
 * before it wakes a sleeper, so no wake-up is lost between the unlock and the futex wait.
 */
static void lwp_loop(struct lwp *lwp)
{
    struct uthread_sched *s = &__uthread_sched;
    for (;;) {
        struct uthread *t;
        int seq;
        if (__uthread_lwp_must_leave(lwp)) lwp_leave(lwp);
        t = __uthread_take_ready(lwp);
        if (t) {
            __uthread_switch(&lwp->context, &t->context);
            /* The thread that gave the LWP back need not be t: threads hand the LWP to
             * one another directly (__uthread_block). A detached thread that ended is
             * freed here, off its own stack. */
            t = lwp->current;
            lwp->current = 0;
            if (t->state == UTHREAD_ZOMBIE && t->detached) __uthread_free(t);
            continue;
        }
        seq = s->idle_seq;
        s->idle_count++;
        __uthread_unlock();
        __syscall6(SYS_futex, (long)&s->idle_seq, FUTEX_WAIT_PRIVATE, seq, 0, 0, 0);
        __uthread_lock();
        s->idle_count--;
    }
}

/* Where LWP 0's loop starts: the first switch to it, from the main thread, holds the lock. */
void __uthread_lwp0_entry(void)
{
    lwp_loop(&__uthread_sched.lwps[0]);
}

/* Where a new LWP starts (through clone, with tp at its tcb): it joins the pool. */
static int lwp_main(void *arg)
{
    struct lwp *lwp = arg;
    /* CLONE_PARENT_SETTID may not have stored the tid yet; storing the same value is harmless. */
    lwp->tcb.tid = (int)__syscall0(SYS_gettid);
    __uthread_lock();
    lwp_loop(arg);
    return 0;
}

/*
 * Lock held: reserves a free slot of the LWP table and counts it in the pool; returns its
 * index, or -1 when the table is full. A slot is free when no LWP uses it and the kernel
 * has cleared the tid of the last one that did (it has really gone).
 */
int __uthread_lwp_reserve(void)
{
    struct uthread_sched *s = &__uthread_sched;
    int i;
    for (i = 1; i < UTHREAD_MAX_LWPS; i++) {
        struct lwp *lwp = &s->lwps[i];
        if (!lwp->in_use && __atomic_load_n(&lwp->tcb.tid, 0) == 0) {
            lwp->in_use = 1;
            s->lwp_count++;
            return i;
        }
    }
    return -1;
}

/*
 * Lock not held: makes the LWP of slot index (reserved by __uthread_lwp_reserve): a
 * stack from mmap and a clone. Returns 0, or EAGAIN after giving the slot back. The
 * caller's errno is left as it was.
 */
int __uthread_lwp_start(int index)
{
    struct uthread_sched *s = &__uthread_sched;
    struct lwp *lwp = &s->lwps[index];
    int saved_errno = errno;
    char *stack = mmap(0, LWP_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stack != MAP_FAILED) {
        lwp->tcb.self = &lwp->tcb;
        lwp->index = index;
        lwp->in_kernel = 0;
        lwp->current = 0;
        lwp->stack = stack;
        /* From now on libc's own locks (malloc, stdio) must really lock. */
        __libc_multiple_threads = 1;
        if (clone(lwp_main, stack + LWP_STACK_SIZE, LWP_CLONE_FLAGS, lwp, &lwp->tcb.tid, &lwp->tcb,
                    &lwp->tcb.tid) > 0) {
            return 0;
        }
        munmap(stack, LWP_STACK_SIZE);
    }
    errno = saved_errno;
    __uthread_lock();
    lwp->in_use = 0;
    s->lwp_count--;
    __uthread_unlock();
    return EAGAIN;
}


/* The concurrency level. */
int uthread_getconcurrency(void)
{
    __uthread_init();
    return __uthread_sched.level;
}

/* The LWPs in the pool now. */
int uthread_lwp_count(void)
{
    __uthread_init();
    return __uthread_sched.lwp_count;
}
