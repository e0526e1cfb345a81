/*
 * pthread_create.c: the life of a thread: pthread_create, pthread_exit, pthread_join and
 * pthread_detach, built as NPTL builds them on clone(2) and futex(2).
 *
 * Each pthread is one kernel thread (one-to-one), made with glibc's clone flags:
 *   CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND   share memory, cwd, descriptors, handlers
 *   CLONE_THREAD | CLONE_SYSVSEM                        same thread group (pid) and semaphores
 *   CLONE_SETTLS                                        tp = the new thread's descriptor, with
 *                                                       its TLS block just below (tls.h)
 *   CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID          pd->tcb.tid = tid now, 0 at its exit
 * Joining is waiting until the kernel zeroes pd->tcb.tid (it wakes one FUTEX_WAIT on it).
 *
 * Who reclaims a descriptor and its stack is decided by pd->join_state, changed only by
 * compare-and-swap: a joinable thread that ends goes JOINABLE -> EXITED and its joiner
 * (JOINING) or a later pthread_detach reclaims it; a detached thread reclaims itself.
 */
#include <pthread.h>
#include <errno.h>
#include <stdlib.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"
#include "tls.h"

#define DEFAULT_GUARD 4096UL

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM \
                      | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/* The first function of every new thread; tp already holds pd. */
static int start_thread(void *arg)
{
    struct pthread *pd = arg;
    if (pd->explicit_sched) {
        /* Wait until the creator has applied the scheduling attributes. */
        __lock(&pd->startup_lock);
        __unlock(&pd->startup_lock);
        if (pd->start_failed) pthread_exit(0);
    }
    pthread_exit(pd->start(pd->arg));
    return 0;
}

/* A descriptor and its TLS block at the top of a caller-given stack [addr, addr + size). */
static struct pthread *on_user_stack(char *addr, size_t size)
{
    struct pthread *pd = __tls_place(addr + size, sizeof(struct pthread));
    char *p = (char *)pd;
    size_t i;
    for (i = 0; i < sizeof(struct pthread); i++) p[i] = 0;
    pd->user_stack = 1;
    pd->stack_low = addr;
    pd->stack_size = (char *)pd - __tls_block_size() - addr;
    return pd;
}

/*
 * Starts start(arg) in a new thread with the attributes attr (0: the defaults) and stores
 * its id in *thread. 0, or EAGAIN (no memory or too many tasks), EINVAL (a caller-given
 * stack too small for the descriptor), or the error of applying explicit scheduling (EPERM).
 */
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    size_t stack_size = __pthread_default_stacksize(), guard = DEFAULT_GUARD;
    char *stack_addr = 0;
    int detached = 0, explicit_sched = 0, policy = 0, priority = 0;
    struct pthread *pd;
    int saved_errno, tid;

    __pthread_self_desc(); /* the creator needs a descriptor before there are two threads */
    if (attr) {
        detached = attr->__data.__detachstate == PTHREAD_CREATE_DETACHED;
        explicit_sched = attr->__data.__inheritsched == PTHREAD_EXPLICIT_SCHED;
        policy = attr->__data.__schedpolicy;
        priority = attr->__data.__schedpriority;
        stack_addr = attr->__data.__stackaddr;
        if (attr->__data.__stacksize) stack_size = attr->__data.__stacksize;
        guard = attr->__data.__guardsize;
    }
    if (stack_addr) {
        if (stack_size < __tls_area_size(sizeof(struct pthread)) + 1024) return EINVAL;
        pd = on_user_stack(stack_addr, stack_size);
    } else {
        pd = __pthread_stack_alloc(stack_size, guard);
        if (!pd) return EAGAIN;
    }
    pd->tcb.self = &pd->tcb;
    pd->tcb.is_pthread = 1;
    __tls_init_block(pd); /* the thread's own copies of the _Thread_local variables */
    pd->start = start;
    pd->arg = arg;
    pd->join_state = detached ? DETACHED : JOINABLE;
    pd->explicit_sched = explicit_sched;
    pd->sched_policy = policy;
    pd->sched_priority = priority;
    if (explicit_sched) pd->startup_lock = 1; /* held until the policy is applied below */

    /* Set once, before the first thread exists: stored again while other threads read it,
     * it would be a data race (harmless here, but reported by run --race). */
    if (!__libc_multiple_threads) __libc_multiple_threads = 1;
    __sync_fetch_and_add(&__pthread_nthreads, 1);
    *thread = (pthread_t)pd;
    saved_errno = errno;
    tid = clone(start_thread, (char *)pd - __tls_block_size(), THREAD_FLAGS, pd, &pd->tcb.tid, pd, &pd->tcb.tid);
    if (tid < 0) {
        errno = saved_errno;
        __sync_fetch_and_sub(&__pthread_nthreads, 1);
        pd->tcb.tid = 0; /* never ran: the mapping is free at once */
        __pthread_stack_release(pd);
        return EAGAIN;
    }
    if (explicit_sched) {
        struct sched_param param;
        long r;
        param.sched_priority = priority;
        r = __syscall3(SYS_sched_setscheduler, tid, policy, &param);
        if (r < 0) {
            /* As glibc: the thread never runs start and reclaims itself. */
            pd->start_failed = 1;
            pd->join_state = DETACHED;
        }
        __unlock(&pd->startup_lock);
        if (r < 0) return (int)-r;
    }
    return 0;
}

/*
 * Ends the calling thread with value as its result: runs the cleanup handlers still pushed
 * and the thread-specific destructors,
 * then, if this was the process's last thread, exit(0) (atexit handlers, stdio flushed);
 * otherwise only this thread ends, and the main thread may end this way while the others
 * run on. Never returns.
 */
void pthread_exit(void *value)
{
    struct pthread *self = __pthread_self_desc();
    self->result = value;
    __pthread_run_cleanup(self);
    if (self->specific_used) __pthread_run_destructors(self);
    if (__sync_sub_and_fetch(&__pthread_nthreads, 1) == 0) exit(0);
    if (!__sync_bool_compare_and_swap(&self->join_state, JOINABLE, EXITED)
        && self->join_state == DETACHED) {
        __pthread_stack_release(self); /* reused only after the kernel clears our tid */
    }
    for (;;) __syscall1(SYS_exit, 0);
}

/* A joiner cancelled while waiting gives the thread back, joinable again (or EXITED if it
 * is already gone, so that a later join or detach reclaims it). */
static void join_cancelled(void *arg)
{
    struct pthread *pd = arg;
    pd->join_state = pd->tcb.tid == 0 ? EXITED : JOINABLE;
}

/*
 * Waits for thread to end, stores its result in *retval (if retval is not 0) and reclaims
 * its descriptor and stack. EDEADLK when a thread joins itself, EINVAL when the thread is
 * detached or another thread is already joining it, ESRCH when thread is not a thread
 * descriptor. A pthread_t must not be used after a successful join.
 */
int pthread_join(pthread_t thread, void **retval)
{
    struct pthread *pd = (struct pthread *)thread;
    struct pthread *self = __pthread_self_desc();
    struct __pthread_cleanup cleanup;
    int state, tid;
    if (!pd || pd->tcb.self != &pd->tcb) return ESRCH;
    if (pd == self) return EDEADLK;
    for (;;) {
        state = pd->join_state;
        if (state == DETACHED || state == JOINING) return EINVAL;
        if (__sync_bool_compare_and_swap(&pd->join_state, state, JOINING)) break;
    }
    /* The kernel zeroes tid and wakes us when the thread is gone (CLONE_CHILD_CLEARTID);
     * FUTEX_WAIT returns at once if it has already changed. Not private: the kernel's
     * wake-up at exit is the shared kind, as on Linux. A cancellation point. */
    __pthread_cleanup_push(&cleanup, join_cancelled, pd);
    __pthread_cancel_enter();
    while ((tid = pd->tcb.tid) != 0) __futex(&pd->tcb.tid, FUTEX_WAIT, tid, 0, 0, 0);
    __pthread_cancel_leave();
    __pthread_cleanup_pop(&cleanup, 0);
    if (retval) *retval = pd->result;
    __pthread_stack_release(pd);
    return 0;
}

/*
 * Marks thread as never to be joined, so it reclaims itself when it ends (or now, if it
 * has ended already). EINVAL if it is already detached or being joined, ESRCH if thread
 * is not a thread descriptor.
 */
int pthread_detach(pthread_t thread)
{
    struct pthread *pd = (struct pthread *)thread;
    if (!pd || pd->tcb.self != &pd->tcb) return ESRCH;
    for (;;) {
        int state = pd->join_state;
        if (state == JOINABLE) {
            if (__sync_bool_compare_and_swap(&pd->join_state, JOINABLE, DETACHED)) return 0;
        } else if (state == EXITED) {
            if (__sync_bool_compare_and_swap(&pd->join_state, EXITED, DETACHED)) {
                __pthread_stack_release(pd);
                return 0;
            }
        } else {
            return EINVAL;
        }
    }
}
