/*
 * uthread_impl.h: what the files of the two-level thread library share (see uthread.h and
 * docs/libc.md, "The two-level thread library").
 *
 * The picture: a fixed table of LWPs, each a kernel thread running the scheduler loop of
 * uthread_lwp.c on its own small stack; a run queue of ready user threads; and user
 * threads, each a descriptor at the top of its own mmap'd stack. An LWP's loop runs a user
 * thread by switching from its own context to the thread's (as xv6's scheduler() does); a
 * thread that stops running switches straight to the next ready thread, or, when there is
 * none, back to the loop, which sleeps until there is.
 *
 * Locking: one spinlock, the scheduler lock, protects the run queue, the LWP table, every
 * thread's state and links, and the wait queues of every mutex and condition variable. It
 * is held across every context switch: whoever switches away takes it first, and whatever
 * runs next on that LWP releases it. That is what keeps another LWP from running a thread
 * whose registers are not saved yet.
 */
#ifndef _UTHREAD_IMPL_H
#define _UTHREAD_IMPL_H

#include <stddef.h>
#include <uthread.h>
#include "tcb.h"

/* Every user thread's stack mapping; the descriptor takes the top of it. */
#define UTHREAD_STACK_SIZE (64 * 1024)
/* The stack of an LWP's scheduler loop. */
#define LWP_STACK_SIZE (32 * 1024)
/* How many stacks of joined threads are kept for reuse instead of being unmapped. */
#define UTHREAD_STACK_CACHE 64

/*
 * The registers a context switch keeps: those the calling convention makes callee-saved,
 * plus tp. The layout is fixed by uthread_switch.s.
 */
struct uthread_context {
    long s[10];     /* s1..s10 */
    long fp;
    long sp;
    long ra;        /* where the switch "returns" to when this context is resumed */
    long tp;
};

/* A user thread's states. */
enum {
    UTHREAD_READY,      /* on the run queue */
    UTHREAD_RUNNING,    /* on an LWP */
    UTHREAD_BLOCKED,    /* on a mutex, condition or join queue, or waiting to be joined */
    UTHREAD_ZOMBIE      /* ended; its result waits for uthread_join */
};

/* A user thread's descriptor. tp points at it while it runs, so it starts with its tcb. */
struct uthread {
    struct tcb tcb;                 /* must be first: errno lives here */
    struct uthread_context context; /* its registers while it is not running */
    int state;
    int detached;
    struct uthread *next;           /* link in the run queue or one wait queue */
    struct uthread *joiner;         /* the thread waiting in uthread_join for it */
    struct lwp *lwp;                /* the LWP running it (meaningful while RUNNING) */
    void *(*fn)(void *);
    void *arg;
    void *result;
    char *stack;                    /* its mapping (UTHREAD_STACK_SIZE bytes); 0 for main */
};

/* An LWP. tp points at it while it runs its scheduler loop, so it starts with a tcb. It has
 * no TLS block below it (tls.h): the loop and the library code it calls must not use
 * _Thread_local variables, which only user threads have. */
struct lwp {
    struct tcb tcb;                 /* tcb.tid is the kernel's tid; the kernel clears it at exit */
    struct uthread_context context; /* the scheduler loop's registers while a thread runs */
    struct uthread *current;        /* the user thread it runs, or 0 */
    int index;                      /* its slot in the table; 0 is the process's first thread */
    int in_use;                     /* the slot belongs to a live LWP (or one being made) */
    int in_kernel;                  /* its user thread is in a blocking system call */
    char *stack;                    /* its loop's stack (LWP_STACK_SIZE bytes) */
};

/* The library's shared state; every field is protected by the scheduler lock except lock itself. */
struct uthread_sched {
    int lock;                       /* the scheduler spinlock: 0 free, 1 held */
    int initialized;
    struct uthread *ready_first;    /* the run queue, oldest first */
    struct uthread *ready_last;
    int ready_count;
    int live_threads;               /* user threads not yet ended */
    struct lwp lwps[UTHREAD_MAX_LWPS];
    int lwp_count;                  /* slots in use: live LWPs and those being made */
    int level;                      /* the concurrency level */
    int in_kernel_count;            /* LWPs whose user thread is in a blocking call */
    int idle_count;                 /* LWPs asleep (or going to sleep) on idle_seq */
    int idle_seq;                   /* futex word the idle LWPs wait on; bumped for each wake */
    int wakes_owed;                 /* idle LWPs to wake when the lock is next released */
    struct uthread *free_stacks;    /* descriptors of joined threads whose stacks are reusable */
    int free_stack_count;
};

extern struct uthread_sched __uthread_sched;

/* uthread_switch.s: saves the caller's context in *from and resumes *to. */
void __uthread_switch(struct uthread_context *from, struct uthread_context *to);

/* uthread_switch.s: munmaps [stack, stack + size) and ends the calling LWP, using no stack. */
void __uthread_lwp_exit(char *stack, size_t size);

/* Takes and releases the scheduler lock. Releasing it also wakes the idle LWPs that
 * __uthread_make_ready asked for, after the lock is free. */
void __uthread_lock(void);
void __uthread_unlock(void);

/* Turns the calling thread into the main user thread on LWP 0, once; every entry calls it. */
void __uthread_init(void);

/* The calling user thread (after __uthread_init). */
struct uthread *__uthread_current(void);

/* Lock held: puts t at the end of the run queue and wakes an idle LWP for it if there is one. */
void __uthread_make_ready(struct uthread *t);

/* Lock held: takes the first ready thread and marks it running on lwp; 0 if none is ready. */
struct uthread *__uthread_take_ready(struct lwp *lwp);

/*
 * Lock held: the caller stops running, and its LWP goes on with the next ready thread (or
 * its scheduler loop). The caller has already put itself where it will be found (the run
 * queue, a wait queue) or marked itself a zombie. Returns, with the lock held, when some
 * LWP runs the caller again.
 */
void __uthread_block(void);

/* Lock held: appends t to, or removes the oldest from, the queue *first .. *last. */
void __uthread_enqueue(struct uthread **first, struct uthread **last, struct uthread *t);
struct uthread *__uthread_dequeue(struct uthread **first, struct uthread **last);

/* uthread_lwp.c: where LWP 0's scheduler loop starts, the first time the main thread blocks. */
void __uthread_lwp0_entry(void);

/*
 * uthread_lwp.c, lock held: reserves a free slot of the LWP table and counts it in
 * lwp_count; returns its index, or -1 when the table is full.
 */
int __uthread_lwp_reserve(void);

/*
 * uthread_lwp.c, lock NOT held: makes the LWP of a reserved slot (a stack and a clone);
 * it joins the pool and runs ready threads. Returns 0, or EAGAIN after giving the slot
 * back (lwp_count goes down again).
 */
int __uthread_lwp_start(int index);

/*
 * uthread_pool.c, lock held: whether lwp must leave the pool now, asked by its scheduler
 * loop each time it looks for work and by a thread about to hand it on. An LWP that
 * leaves unmaps its stack and exits (uthread_lwp.c).
 */
int __uthread_lwp_must_leave(struct lwp *lwp);

/* Lock held: frees the stack (and descriptor) of the ended thread t. */
void __uthread_free(struct uthread *t);

#endif
