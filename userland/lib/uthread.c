/*
 * uthread.c: the life of a user thread in the two-level thread library: create, exit,
 * join, detach, yield. A user thread is a descriptor (with its TLS block just below it, so
 * each user thread has its own _Thread_local variables) at the top of a 64 KiB mmap'd stack;
 * making one puts it on the run queue, which is a function call, not a system call (the
 * stacks of joined threads are kept for reuse, so only a new high-water mark of threads
 * costs an mmap).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "uthread_impl.h"
#include "tls.h"

/*
 * Where every new user thread starts: the first switch to it comes from an LWP's loop,
 * which holds the scheduler lock, so the thread releases it before calling fn.
 */
static void thread_start(void)
{
    struct uthread *self = __uthread_current();
    __uthread_unlock();
    uthread_exit(self->fn(self->arg));
}

/* A descriptor on a stack from the cache or from mmap (fields not yet set), or 0 without memory. */
static struct uthread *new_thread(void)
{
    struct uthread_sched *s = &__uthread_sched;
    struct uthread *t;
    char *stack;
    __uthread_lock();
    t = s->free_stacks;
    if (t) {
        s->free_stacks = t->next;
        s->free_stack_count--;
    }
    __uthread_unlock();
    if (t) {
        stack = t->stack;
    } else {
        stack = mmap(0, UTHREAD_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (stack == MAP_FAILED) return 0;
    }
    /* The descriptor at the top, its TLS block (tls.h) just below, then the stack. */
    t = __tls_place(stack + UTHREAD_STACK_SIZE, sizeof(struct uthread));
    t->stack = stack;
    return t;
}

/*
 * Makes a user thread running fn(arg). Its context is set up so that the first switch to
 * it "returns" into thread_start, on the stack just below its descriptor, with tp at its
 * tcb. The kernel knows nothing of user threads, so the tid in a user thread's tcb is
 * that of the LWP running it, which the scheduler loop stores each time it runs it.
 */
int uthread_create(uthread_t *thread, void *(*fn)(void *), void *arg)
{
    struct uthread_sched *s = &__uthread_sched;
    struct uthread *t;
    int saved_errno = errno;
    __uthread_init();
    t = new_thread();
    if (!t) {
        errno = saved_errno;
        return EAGAIN;
    }
    /* Every field is set here rather than by a memset of the whole descriptor: creating
     * threads is meant to be cheap, and most of the context needs no initial value. */
    t->tcb.self = &t->tcb;
    t->tcb.errno_value = 0;
    t->tcb.tid = 0;
    t->tcb.is_pthread = 0; /* not a libpthread thread: pthread_cancel does not apply */
    __tls_init_block(t); /* its own copies of the _Thread_local variables */
    t->context.fp = 0; /* the outermost frame, for debuggers */
    t->context.sp = ((long)t - (long)__tls_block_size()) & -16L;
    t->context.ra = (long)thread_start;
    t->context.tp = (long)&t->tcb;
    t->state = UTHREAD_READY;
    t->detached = 0;
    t->next = 0;
    t->joiner = 0;
    t->lwp = 0;
    t->fn = fn;
    t->arg = arg;
    t->result = 0;
    *thread = t;
    __uthread_lock();
    s->live_threads++;
    __uthread_make_ready(t);
    __uthread_unlock();
    return 0;
}

/*
 * Ends the caller: it becomes a zombie holding result, its joiner (if any) becomes ready,
 * and its LWP goes on to other threads. The last user thread to end ends the process with
 * exit(0), which is what happens in a POSIX process when its last thread calls pthread_exit.
 */
void uthread_exit(void *result)
{
    struct uthread_sched *s = &__uthread_sched;
    struct uthread *self;
    __uthread_init();
    self = __uthread_current();
    __uthread_lock();
    self->result = result;
    self->state = UTHREAD_ZOMBIE;
    if (--s->live_threads == 0) {
        __uthread_unlock();
        exit(0);
    }
    if (self->joiner) __uthread_make_ready(self->joiner);
    __uthread_block();
    abort(); /* nobody resumes a zombie */
}

/* Waits for thread to end (blocking in the library), collects its result and frees it. */
int uthread_join(uthread_t thread, void **result)
{
    struct uthread *self;
    __uthread_init();
    self = __uthread_current();
    if (thread == self) return EDEADLK;
    __uthread_lock();
    if (thread->detached || thread->joiner) {
        __uthread_unlock();
        return EINVAL;
    }
    if (thread->state != UTHREAD_ZOMBIE) {
        thread->joiner = self;
        self->state = UTHREAD_BLOCKED;
        __uthread_block();
    }
    if (result) *result = thread->result;
    __uthread_free(thread);
    __uthread_unlock();
    return 0;
}

/* Detaches thread; one that has already ended is freed at once. */
int uthread_detach(uthread_t thread)
{
    __uthread_init();
    __uthread_lock();
    if (thread->detached || thread->joiner) {
        __uthread_unlock();
        return EINVAL;
    }
    thread->detached = 1;
    if (thread->state == UTHREAD_ZOMBIE) __uthread_free(thread);
    __uthread_unlock();
    return 0;
}

/*
 * Lets the other ready threads run first. With none ready it returns at once, unless the
 * caller's LWP is to leave the pool: then the caller goes through the run queue too, so
 * that its LWP can go and another LWP (woken for it) runs it on.
 */
void uthread_yield(void)
{
    struct uthread *self;
    __uthread_init();
    self = __uthread_current();
    __uthread_lock();
    if (__uthread_sched.ready_count > 0 || __uthread_lwp_must_leave(self->lwp)) {
        __uthread_make_ready(self);
        __uthread_block();
    }
    __uthread_unlock();
}

/* The calling user thread. */
uthread_t uthread_self(void)
{
    __uthread_init();
    return __uthread_current();
}

/* Whether a and b are the same thread. */
int uthread_equal(uthread_t a, uthread_t b)
{
    return a == b;
}
