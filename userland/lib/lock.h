/*
 * lock.h: the small futex locks libc uses inside itself (malloc, stdio, libpthread).
 *
 * A lock is one int with three states, the protocol of Drepper's "Futexes Are Tricky":
 *   0  unlocked
 *   1  locked, and nobody is waiting
 *   2  locked, and someone may be waiting in FUTEX_WAIT
 * Taking a free lock is one compare-and-swap and releasing a lock nobody waits for is one
 * exchange: no system call at all unless threads really contend.
 *
 * A recursive lock (struct __rlock) adds an owner and a depth, so a stdio function may call
 * another one on the same stream (printf -> fwrite) while holding the stream's lock.
 */
#ifndef _CLONIX_LOCK_H
#define _CLONIX_LOCK_H

/* Non-zero once the process has made a second thread (glibc's SINGLE_THREAD_P inverted):
 * libc's internal locks are skipped while it is 0, so one-threaded programs pay nothing. */
extern int __libc_multiple_threads;

struct timespec;

/* Takes the three-state lock at *lock, sleeping in a private FUTEX_WAIT while another holds it. */
void __lock(volatile int *lock);

/* As __lock, but gives up at abstime, an absolute time on clock (CLOCK_REALTIME or
 * CLOCK_MONOTONIC; a null abstime never gives up): 0 once the lock is taken, ETIMEDOUT
 * if the deadline passed first. abstime must be well formed (the caller checks it). */
int __lock_timed(volatile int *lock, const struct timespec *abstime, int clock);

/* Takes *lock if it is free: 1 if it did, 0 if the lock is held. Never sleeps. */
int __trylock(volatile int *lock);

/* Releases *lock, which the caller holds, waking one sleeper if any may be waiting. */
void __unlock(volatile int *lock);

/* Takes *lock marking it contended (state 2) from the start: for a thread that has just
 * been woken (or requeued) onto the lock, which cannot know whether others wait too. */
void __lock_contended(volatile int *lock);

/* A lock the same thread may take again; zero-initialised means unlocked. */
struct __rlock {
    volatile int lock;  /* the three-state lock */
    int owner;          /* tid of the holder, 0 when free */
    int depth;          /* how many times the holder has taken it */
};

/* Takes r, or deepens the caller's hold on it. No-op while the process has one thread. */
void __rlock_acquire(struct __rlock *r);

/* Takes r if free or already the caller's: 1 if taken, 0 if another thread holds it. */
int __rlock_try(struct __rlock *r);

/* Undoes one __rlock_acquire; the caller must hold r. */
void __rlock_release(struct __rlock *r);

/* The calling thread's kernel thread id, from its control block (pthread_self.c; it gives
 * the main thread its descriptor on first use). */
int __thread_tid(void);

#endif
