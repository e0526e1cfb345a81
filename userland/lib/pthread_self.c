/*
 * pthread_self.c: who the calling thread is. A thread made by pthread_create has its
 * descriptor in tp from its first instruction (CLONE_SETTLS); the main thread starts with
 * tp == 0 and is given a static descriptor the first time anything asks.
 */
#include <pthread.h>
#include <errno.h>
#include <sched.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"

volatile int __pthread_nthreads = 1;

static struct pthread main_thread;

/*
 * Makes main_thread the calling thread's descriptor. The errno value moves with it, and
 * set_tid_address points the kernel's CLEARTID word at the descriptor, as glibc does at
 * start-up, so that another thread can join the main thread.
 */
static struct pthread *adopt_main_thread(void)
{
    int saved_errno = errno;
    main_thread.tcb.self = &main_thread.tcb;
    main_thread.tcb.is_pthread = 1;
    main_thread.tcb.tid = (int)__syscall1(SYS_set_tid_address, &main_thread.tcb.tid);
    main_thread.user_stack = 1; /* the kernel's stack: never cached or unmapped */
    main_thread.join_state = JOINABLE;
    __set_tcb(&main_thread.tcb);
    errno = saved_errno;
    return &main_thread;
}

struct pthread *__pthread_self_desc(void)
{
    struct tcb *t = __tcb();
    if (t) return (struct pthread *)t;
    return adopt_main_thread();
}

/* The tid of the calling thread (lock.h), for the owner fields of libc's locks. */
int __thread_tid(void) { return __pthread_self_desc()->tcb.tid; }

/* The calling thread's id: the address of its descriptor. */
pthread_t pthread_self(void) { return (pthread_t)__pthread_self_desc(); }

/* Non-zero when a and b name the same thread. */
int pthread_equal(pthread_t a, pthread_t b) { return a == b; }

/* Gives the CPU to another runnable thread (sched_yield); always 0. */
int pthread_yield(void)
{
    __syscall0(SYS_sched_yield);
    return 0;
}
