/*
 * tcb.h: the thread control block, the small record the thread pointer (tp) points at.
 *
 * Every thread that sets tp (libpthread's threads, the two-level library's user threads)
 * starts its own descriptor with this block, so that libc can find per-thread state without
 * knowing which library made the thread. A thread whose tp is 0 (the main thread of a
 * program that never made threads) uses the process-wide fallbacks instead.
 *
 * Contract: tp is either 0 or the address of a struct tcb whose self field equals tp and
 * which stays valid until the thread has exited. The fields below are libc's; a thread
 * library puts its own fields after this block (struct pthread begins with a struct tcb).
 */
#ifndef _LIBC_TCB_H
#define _LIBC_TCB_H

struct tcb {
    struct tcb *self;   /* == tp: lets code check that tp really points at a block */
    int errno_value;    /* this thread's errno (see errno.c) */
    int tid;            /* the kernel's id of the thread (gettid), 0 if not yet known */
    int is_pthread;     /* non-zero: this block begins a libpthread descriptor (struct pthread),
                           so the system-call wrappers may act on pthread_cancel */
};

/* The calling thread's control block: the value of tp, which may be 0. */
struct tcb *__tcb(void);

/* Makes tcb (which may be 0) the calling thread's control block by setting tp. */
void __set_tcb(struct tcb *tcb);

#endif
