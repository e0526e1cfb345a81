/*
 * pthread_impl.h: libpthread's private view of a thread (what NPTL calls struct pthread).
 *
 * A pthread_t is the address of the thread's descriptor, and the thread pointer (tp) of
 * the thread points at it too: clone(CLONE_SETTLS) sets tp in the new thread, so
 * pthread_self() is one register read. The descriptor begins with libc's struct tcb
 * (tcb.h) so that errno and the internal locks find their per-thread state without
 * knowing about libpthread.
 *
 * Memory: a thread's descriptor (under 1 KiB) lives at the top of its own stack mapping,
 * as in NPTL,
 *
 *     map_base                                                                   map_base + map_size
 *     | guard (PROT_NONE) | stack, growing down ...  <- sp at start | TLS block | struct pthread |
 *
 * so one mmap serves all three and reclaiming a thread is returning one mapping to the
 * stack cache (pthread_stack.c). The TLS block holds the thread's _Thread_local variables
 * (tls.h). The main thread's descriptor and block are made by crt0 on the initial stack.
 */
#ifndef _CLONIX_PTHREAD_IMPL_H
#define _CLONIX_PTHREAD_IMPL_H

#include <pthread.h>
#include <linux/futex.h>
#include "tcb.h"
#include "lock.h"

/* The life of a descriptor, in its join_state word (changed only by compare-and-swap). */
#define JOINABLE 0  /* running; someone may join it later */
#define DETACHED 1  /* nobody will join: the thread reclaims itself */
#define EXITED 2    /* returned from its start routine, waiting to be joined */
#define JOINING 3   /* a joiner has claimed it and will reclaim it */

/* One thread-specific value and the generation of the key it was stored under. */
struct specific {
    unsigned int seq;
    void *value;
};

/* Thread-specific values are kept in blocks of KEY_BLOCK slots, as glibc keeps them: the
 * first block (keys 0..31) inside the descriptor, the others allocated by the first
 * pthread_setspecific of a non-NULL value under one of their keys and freed when the
 * thread exits. So the descriptor stays small (a thread on a PTHREAD_STACK_MIN stack has
 * room left to run) while a process may still have PTHREAD_KEYS_MAX keys. */
#define KEY_BLOCK 32                               /* glibc's PTHREAD_KEY_2NDLEVEL_SIZE */
#define KEY_BLOCKS (PTHREAD_KEYS_MAX / KEY_BLOCK)  /* glibc's PTHREAD_KEY_1STLEVEL_SIZE */

struct pthread {
    struct tcb tcb;               /* must be first: tp == &tcb == this descriptor */
    /* tcb.tid is also the CLONE_PARENT_SETTID / CLONE_CHILD_CLEARTID word: the kernel
     * stores the tid there before the thread runs and zeroes it (and wakes a futex
     * waiter) once the thread is gone: pthread_join sleeps on it. */
    void *(*start)(void *);
    void *arg;
    void *result;                 /* start's return value or pthread_exit's argument */
    volatile int join_state;      /* JOINABLE, DETACHED, EXITED or JOINING */
    int user_stack;               /* the caller gave the stack: never unmap or cache it */

    char *map_base;               /* the whole mapping: guard, stack and this descriptor */
    size_t map_size;
    size_t guard_size;
    char *stack_low;              /* lowest usable stack byte (just above the guard) */
    size_t stack_size;            /* usable bytes from stack_low up to the descriptor */

    int explicit_sched;           /* created with PTHREAD_EXPLICIT_SCHED */
    int sched_policy, sched_priority;
    volatile int startup_lock;    /* held by the creator while it sets the scheduling policy */
    int start_failed;             /* the creator could not: the thread must not run start */

    volatile int cancel_requested; /* pthread_cancel has been called on this thread */
    int cancel_disabled;          /* PTHREAD_CANCEL_DISABLE */
    int cancel_async;             /* PTHREAD_CANCEL_ASYNCHRONOUS */
    volatile int in_cancel_point; /* blocked (or about to block) in a cancellation point */
    struct __pthread_cleanup *cleanup; /* innermost pthread_cleanup_push, or 0 */

    struct robust_list_head robust_head; /* the robust mutexes this thread holds (pthread_robust.c) */
    int robust_registered;        /* robust_head has been given to set_robust_list */

    struct pthread *next_cached;  /* link in the stack cache */
    int specific_used;            /* some key has a value: run the destructors at exit */
    struct specific specific_1stblock[KEY_BLOCK]; /* the values of keys 0..KEY_BLOCK-1 */
    struct specific *specific[KEY_BLOCKS];        /* block i (keys i*KEY_BLOCK...), or 0; i >= 1 */
};

/* The calling thread's descriptor; makes the main thread's on first use. */
struct pthread *__pthread_self_desc(void);

/* The stack size of a thread created without one (pthread_attr.c): RLIMIT_STACK's, as glibc's. */
size_t __pthread_default_stacksize(void);

/* Number of threads in the process that have not yet ended (glibc's __nptl_nthreads). */
extern volatile int __pthread_nthreads;

/* Returns a descriptor whose mapping holds at least stack_size usable bytes above a
 * guard of guard_size bytes, from the cache or a new mmap; 0 if there is no memory.
 * The descriptor is zeroed apart from its memory fields. */
struct pthread *__pthread_stack_alloc(size_t stack_size, size_t guard_size);

/* Puts pd's mapping in the cache. Safe to call for a thread still running on it: the
 * cache reuses or unmaps a mapping only once the kernel has cleared pd->tcb.tid. */
void __pthread_stack_release(struct pthread *pd);

/* fork in a threaded process (fork.c): the parent holds the stack cache's lock across the
 * system call; the child frees it and marks every cached mapping reusable. */
void __pthread_stack_fork_lock(void);
void __pthread_stack_fork_unlock(void);
void __pthread_stack_fork_child(void);

/* Runs the thread-specific destructors of the calling thread and frees its blocks of
 * values beyond the first (pthread_key.c). */
void __pthread_run_destructors(struct pthread *self);

/* Runs and pops the calling thread's cleanup handlers, innermost first (pthread_cancel.c). */
void __pthread_run_cleanup(struct pthread *self);

/* Cancellation points bracket their blocking call with these: enter acts on a pending
 * cancellation (never returning) and otherwise opens the window in which SIGCANCEL
 * cancels the thread at once; leave closes it. See pthread_cancel.c. */
void __pthread_cancel_enter(void);
void __pthread_cancel_leave(void);

/* The bits of a mutex's __kind (glibc's values): the type is kind & MUTEX_TYPE_MASK. */
#define MUTEX_TYPE_MASK 3
#define MUTEX_ROBUST 16        /* PTHREAD_MUTEX_ROBUST: the word holds the owner's tid */
#define MUTEX_PRIO_INHERIT 32  /* PTHREAD_PRIO_INHERIT: a PI futex, the word holds the owner's tid */
#define MUTEX_PSHARED 128      /* PTHREAD_PROCESS_SHARED */
/* The __owner of a robust mutex whose owner died, until pthread_mutex_consistent; and of one
 * unlocked in that state, for ever (glibc's values). */
#define MUTEX_INCONSISTENT 0x7fffffff
#define MUTEX_NOTRECOVERABLE 0x7ffffffe

/* pthread_mutex_lock and _unlock for every kind and state (pthread_mutex.c), where the
 * fast paths of pthread_mutex_fast.s go when a mutex is not a free (or held, uncontended)
 * normal one; and the end of the fast unlock when the word says a waiter may sleep. */
int __pthread_mutex_lock_slow(pthread_mutex_t *m);
int __pthread_mutex_unlock_slow(pthread_mutex_t *m);
int __pthread_mutex_unlock_wake(pthread_mutex_t *m);

/* Lock and unlock of a mutex whose word holds its owner's tid (robust or priority
 * inheritance; pthread_mutex_tid.c). abstime: a CLOCK_REALTIME deadline, or 0 for none;
 * trylock: never sleep. They return what pthread_mutex_lock, _trylock, _timedlock and
 * _unlock return. */
int __mutex_lock_tid(pthread_mutex_t *m, const struct timespec *abstime, int trylock);
int __mutex_unlock_tid(pthread_mutex_t *m);

/* The robust list of the calling thread (pthread_robust.c). A robust lock or unlock first
 * announces the mutex as pending, then links or unlinks it, then clears the pending entry,
 * so that a thread dying at any point leaves the kernel enough to mark the mutex orphaned. */
void __robust_pending(pthread_mutex_t *m);
void __robust_enqueue(pthread_mutex_t *m);
void __robust_dequeue(pthread_mutex_t *m);
void __robust_done(void);

/* fork's child: its kernel robust list is empty and the parent's locks are not its own. */
void __pthread_robust_fork_child(void);

/* futex(2) without errno: 0 or -errno. */
long __futex(volatile void *addr, int op, int val, const struct timespec *ts, volatile void *addr2, int val3);

/* Checks an absolute timeout as glibc does: 0 if usable, EINVAL if tv_nsec is out of range. */
int __check_abstime(const struct timespec *abstime);

/* Sleeps while *word == val, until woken or the absolute time on clock (CLOCK_REALTIME or
 * CLOCK_MONOTONIC) passes (abstime 0: no limit). 0, ETIMEDOUT, EINTR, or EAGAIN when *word
 * had already changed. private_flag is FUTEX_PRIVATE_FLAG or 0. */
int __futex_wait_abs(volatile void *word, int val, const struct timespec *abstime, int clock, int private_flag);

#endif
