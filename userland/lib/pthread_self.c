/*
 * pthread_self.c: who the calling thread is. A thread made by pthread_create has its
 * descriptor in tp from its first instruction (CLONE_SETTLS). The main thread's descriptor
 * and TLS block are made by crt0 on the initial stack, before main, since compiled code
 * may reach a thread-local variable through tp at any moment; the descriptor becomes a
 * libpthread descriptor (a tid, joinable) the first time anything asks.
 */
#include <pthread.h>
#include <errno.h>
#include <sched.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"
#include "tls.h"

volatile int __pthread_nthreads = 1;

static struct pthread *main_thread;

/* crt0: the bytes to reserve on the initial stack for __libc_setup_main_thread. */
size_t __libc_main_thread_size(void) { return __tls_area_size(sizeof(struct pthread)); }

/*
 * crt0: makes the main thread's descriptor and TLS block in area (__libc_main_thread_size
 * bytes of the initial stack, below anything the kernel wrote there, so still zero like
 * all new memory, and valid for the life of the process) and points tp at the descriptor.
 * The descriptor's zeros are its initial state: it is not cleared again, which would cost
 * every program a thousand stores at start-up.
 */
void __libc_setup_main_thread(char *area)
{
    struct pthread *pd = __tls_place(area + __libc_main_thread_size(), sizeof(struct pthread));
    pd->tcb.self = &pd->tcb;
    pd->user_stack = 1; /* the kernel's stack: never cached or unmapped */
    __tls_init_block(pd);
    main_thread = pd;
    __set_tcb(&pd->tcb);
}

/*
 * Makes the main thread's descriptor a libpthread one: set_tid_address points the
 * kernel's CLEARTID word at it, as glibc does at start-up, so that another thread can join
 * the main thread. Done on first use rather than at start-up, so that a program without
 * threads makes no extra system call.
 */
static struct pthread *adopt_main_thread(void)
{
    main_thread->tcb.is_pthread = 1;
    main_thread->tcb.tid = (int)__syscall1(SYS_set_tid_address, &main_thread->tcb.tid);
    main_thread->join_state = JOINABLE;
    return main_thread;
}

struct pthread *__pthread_self_desc(void)
{
    struct tcb *t = __tcb();
    if (t != &main_thread->tcb || t->is_pthread) return (struct pthread *)t;
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
