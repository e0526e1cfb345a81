/*
 * uthread_sched.c: the user-level scheduler of the two-level thread library: the scheduler
 * lock, the run queue, blocking and waking user threads, and turning the program's first
 * thread into LWP 0 running the main user thread. The LWP side (the loop each LWP runs,
 * making and ending LWPs) is in uthread_lwp.c; see uthread_impl.h for the picture.
 */
#include <errno.h>
#include <string.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"
#include "uthread_impl.h"
#include "tls.h"

struct uthread_sched __uthread_sched;

/*
 * Takes the scheduler lock. The holder may be an LWP the kernel has just preempted, so
 * after a few dozen failed tries the caller gives its CPU away with sched_yield instead of
 * spinning through the holder's whole time slice.
 */
void __uthread_lock(void)
{
    int tries = 0;
    while (__sync_lock_test_and_set(&__uthread_sched.lock, 1)) {
        while (__uthread_sched.lock) {
            if (++tries >= 50) {
                tries = 0;
                __syscall0(SYS_sched_yield);
            }
        }
    }
}

/*
 * Releases the scheduler lock, then wakes the idle LWPs that __uthread_make_ready asked
 * for. The futex call comes after the release so that the woken LWP does not at once spin
 * on a lock its waker still holds.
 */
void __uthread_unlock(void)
{
    int owed = __uthread_sched.wakes_owed;
    __uthread_sched.wakes_owed = 0;
    __sync_lock_release(&__uthread_sched.lock);
    if (owed > 0) __syscall6(SYS_futex, (long)&__uthread_sched.idle_seq, FUTEX_WAKE_PRIVATE, owed, 0, 0, 0);
}

/*
 * Makes the library ready, once: the calling kernel thread becomes LWP 0 and what it is
 * running becomes the main user thread. LWP 0's scheduler loop gets a stack of its own,
 * and its context is set up so that the first switch to it enters __uthread_lwp0_entry.
 * Called from every entry point; the program has only one thread the first time, so no
 * lock is needed.
 *
 * The main user thread's descriptor and TLS block go at the top of that new stack mapping
 * (tp must point at a struct uthread with the block below it). Its thread-local variables
 * keep their values, copied from the block crt0 made, but not their addresses: a pointer
 * to one taken before the first uthread call still points at the old copy.
 */
void __uthread_init(void)
{
    struct uthread_sched *s = &__uthread_sched;
    struct lwp *lwp0 = &s->lwps[0];
    struct uthread *main_thread;
    size_t tls = __tls_block_size();
    char *stack;
    int saved_errno;
    if (s->initialized) return;
    saved_errno = errno;
    stack = mmap(0, LWP_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stack == MAP_FAILED || __tls_area_size(sizeof(struct uthread)) > LWP_STACK_SIZE / 2) {
        fputs("uthread: no memory for the first LWP's stack\n", stderr);
        abort();
    }
    main_thread = __tls_place(stack + LWP_STACK_SIZE, sizeof(struct uthread));
    memcpy((char *)main_thread - tls, (char *)__tcb() - tls, tls);
    lwp0->tcb.self = &lwp0->tcb;
    lwp0->tcb.tid = gettid();
    lwp0->index = 0;
    lwp0->in_use = 1;
    lwp0->stack = stack;
    lwp0->context.sp = ((long)main_thread - (long)tls) & -16L;
    lwp0->context.ra = (long)__uthread_lwp0_entry;
    lwp0->context.tp = (long)&lwp0->tcb;
    lwp0->current = main_thread;

    main_thread->tcb.self = &main_thread->tcb;
    main_thread->tcb.tid = lwp0->tcb.tid;
    main_thread->tcb.errno_value = saved_errno;
    main_thread->state = UTHREAD_RUNNING;
    main_thread->lwp = lwp0;

    s->lwp_count = 1;
    s->level = 1;
    s->live_threads = 1;
    s->initialized = 1;
    __set_tcb(&main_thread->tcb);
}

/* The calling user thread: tp points at its descriptor, which begins with its tcb. */
struct uthread *__uthread_current(void)
{
    return (struct uthread *)__tcb();
}

/* Lock held: appends t to the queue *first .. *last (linked through next). */
void __uthread_enqueue(struct uthread **first, struct uthread **last, struct uthread *t)
{
    t->next = 0;
    if (*last) (*last)->next = t;
    else *first = t;
    *last = t;
}

/* Lock held: removes and returns the oldest thread of the queue, or 0 if it is empty. */
struct uthread *__uthread_dequeue(struct uthread **first, struct uthread **last)
{
    struct uthread *t = *first;
    if (!t) return 0;
    *first = t->next;
    if (!*first) *last = 0;
    t->next = 0;
    return t;
}

/*
 * Lock held: t becomes ready and goes to the end of the run queue. If some LWP is idle,
 * one more wake-up is owed (paid by __uthread_unlock); the idle LWP that wakes takes the
 * first ready thread, which keeps the order first in, first out.
 */
void __uthread_make_ready(struct uthread *t)
{
    struct uthread_sched *s = &__uthread_sched;
    t->state = UTHREAD_READY;
    __uthread_enqueue(&s->ready_first, &s->ready_last, t);
    s->ready_count++;
    if (s->wakes_owed < s->idle_count) {
        s->wakes_owed++;
        s->idle_seq++;
    }
}

/* Lock held: takes the first ready thread and marks it running on lwp; 0 if none is ready. */
struct uthread *__uthread_take_ready(struct lwp *lwp)
{
    struct uthread_sched *s = &__uthread_sched;
    struct uthread *t = __uthread_dequeue(&s->ready_first, &s->ready_last);
    if (!t) return 0;
    s->ready_count--;
    t->state = UTHREAD_RUNNING;
    t->lwp = lwp;
    t->tcb.tid = lwp->tcb.tid; /* gettid() in the thread would say the same */
    lwp->current = t;
    return t;
}

/*
 * Lock held: the calling user thread stops running. If another thread is ready, the
 * caller switches straight to it: one switch per hand-over. Otherwise, and always for a
 * thread that has ended (the loop frees it if it was detached) or whose LWP must leave
 * the pool, it switches to its LWP's scheduler loop. When some LWP runs the caller again,
 * the switch returns here, with the lock still held, and the caller carries on.
 */
void __uthread_block(void)
{
    struct uthread *self = __uthread_current();
    struct lwp *lwp = self->lwp;
    struct uthread *next = 0;
    if (self->state != UTHREAD_ZOMBIE && !__uthread_lwp_must_leave(lwp)) next = __uthread_take_ready(lwp);
    if (next) __uthread_switch(&self->context, &next->context);
    else __uthread_switch(&self->context, &lwp->context);
}

/*
 * Lock held: frees the ended thread t. The main thread's stack is the process's and stays;
 * other stacks go to the cache for the next uthread_create (so that creating a thread
 * usually makes no system call), or back to the kernel when the cache is full.
 */
void __uthread_free(struct uthread *t)
{
    struct uthread_sched *s = &__uthread_sched;
    if (!t->stack) return;
    if (s->free_stack_count < UTHREAD_STACK_CACHE) {
        t->next = s->free_stacks;
        s->free_stacks = t;
        s->free_stack_count++;
        return;
    }
    munmap(t->stack, UTHREAD_STACK_SIZE);
}
