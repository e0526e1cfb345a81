/*
 * uthread_lwp.c: the LWP pool of the two-level thread library. Each LWP is a kernel thread
 * (clone with CLONE_THREAD) that runs lwp_loop: take the first ready user thread and run
 * it until it gives the LWP back, or sleep on a futex while there is nothing to run. The
 * pool is as large as the concurrency level; it grows by one when every LWP is blocked in
 * the kernel while user threads are ready (uthread_blocking_begin), and an LWP above the
 * level leaves when it next looks for work.
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
 * Lock held: whether lwp should leave the pool the next time it looks for work: it is
 * above the level, it is not LWP 0, and it is not the only LWP left outside the kernel
 * while user threads are ready (leaving would strand them).
 */
int __uthread_lwp_must_leave(struct lwp *lwp)
{
    struct uthread_sched *s = &__uthread_sched;
    if (lwp->index == 0 || s->lwp_count <= s->level) return 0;
    return !(s->ready_count > 0 && s->in_kernel_count >= s->lwp_count - 1);
}

/*
 * Lock held, never returns: the scheduler loop of lwp. It runs the first ready user
 * thread; threads then hand the LWP to one another, first come, first served, and give it
 * back here, with the lock held again, when none is ready or one has ended. With nothing to run the LWP sleeps on the futex idle_seq,
 * which __uthread_make_ready bumps before it wakes a sleeper, so no wake-up is lost between
 * the unlock and the futex wait. LWP 0, the process's first thread, never leaves, so the
 * process keeps its group leader.
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
static int reserve_lwp(void)
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
 * Lock not held: makes the LWP of slot index (reserved by reserve_lwp): a stack from mmap
 * and a clone. Returns 0, or EAGAIN after giving the slot back. The caller's errno is
 * left as it was.
 */
static int start_lwp(int index)
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

/*
 * Sets the concurrency level: LWPs are made at once up to it; above it, idle LWPs are woken
 * so that they see they must leave, and busy ones leave when their thread gives them back.
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
    while (s->lwp_count < level && (i = reserve_lwp()) >= 0) slots[count++] = i;
    if (s->lwp_count > level && s->idle_count > 0) {
        s->wakes_owed = s->idle_count;
        s->idle_seq++;
    }
    __uthread_unlock();
    for (i = 0; i < count; i++) {
        if (start_lwp(slots[i]) != 0) result = EAGAIN;
    }
    return result;
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

/*
 * The caller's LWP is about to block in the kernel. If that leaves no LWP to run the ready
 * user threads, the pool grows by one LWP and the level with it. Solaris did the same when
 * the kernel sent SIGWAITING, the signal that said every LWP of the process was blocked;
 * here the library sees it itself, because its threads announce their blocking calls.
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
        grow = reserve_lwp();
        if (grow >= 0) s->level++;
    }
    __uthread_unlock();
    if (grow >= 0 && start_lwp(grow) != 0) {
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
