/*
 * tcb.h: the thread control block, the small record the thread pointer (tp) points at.
 *
 * Every thread (the main thread, whose block crt0 makes, libpthread's threads, the
 * two-level library's user threads) starts its own descriptor with this block, so that libc
 * can find per-thread state without knowing which library made the thread. Just below it
 * lies the thread's TLS block (tls.h). Only code that runs before crt0 has set tp, or a
 * program with its own _start, sees tp == 0; errno.c then uses a process-wide errno.
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
