/*
 * uthread.h: the two-level (M:N) thread library.
 *
 * User threads are scheduled by the library, not by the kernel, onto a pool of LWPs
 * (light-weight processes: kernel threads made with clone(CLONE_THREAD ...)), as in Solaris
 * before version 9 and in the textbooks' "many-to-many" model. Creating a user thread and
 * switching between user threads are plain function calls; only the LWPs are known to the
 * kernel. When a user thread blocks in the kernel (through one of the uthread_read-style
 * wrappers below), its LWP blocks with it; when every LWP is blocked so and user threads are
 * ready to run, the library adds an LWP. docs/libc.md, "The two-level thread library",
 * explains the design.
 *
 * User threads are not preempted by one another: one runs on its LWP until it yields,
 * blocks on a uthread mutex, condition variable or join, or exits. LWPs are preempted by
 * the kernel as any thread is, so user threads on different LWPs do run in parallel.
 */
#ifndef _UTHREAD_H
#define _UTHREAD_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* A user thread: a pointer to its descriptor, valid until it has been joined. */
typedef struct uthread *uthread_t;

/* A mutex; UTHREAD_MUTEX_INITIALIZER or uthread_mutex_init gives an unlocked one. */
typedef struct {
    struct uthread *owner;     /* the holder, or 0 when unlocked */
    struct uthread *first;     /* user threads waiting for it, oldest first */
    struct uthread *last;
} uthread_mutex_t;

/* A condition variable; UTHREAD_COND_INITIALIZER or uthread_cond_init gives an empty one. */
typedef struct {
    struct uthread *first;     /* user threads waiting on it, oldest first */
    struct uthread *last;
} uthread_cond_t;

#define UTHREAD_MUTEX_INITIALIZER { 0, 0, 0 }
#define UTHREAD_COND_INITIALIZER { 0, 0 }

/* The most LWPs one process may have. */
#define UTHREAD_MAX_LWPS 32

/*
 * Makes a user thread that runs fn(arg) and stores it in *thread. Makes no system call when
 * a stack of an earlier thread is free for reuse (otherwise one mmap). The new thread goes
 * to the end of the run queue; the caller keeps running. Returns 0, or EAGAIN when no
 * memory for a stack can be had.
 */
int uthread_create(uthread_t *thread, void *(*fn)(void *), void *arg);

/*
 * Waits until thread has ended, stores its result in *result (if result is not NULL) and
 * frees it. Returns 0; EDEADLK when thread is the caller; EINVAL when it is detached or
 * another thread is already joining it.
 */
int uthread_join(uthread_t thread, void **result);

/* Marks thread so that it frees itself when it ends; it may no longer be joined. Returns 0 or EINVAL. */
int uthread_detach(uthread_t thread);

/* Ends the calling user thread with result. When it was the last one, the process exits with status 0. */
void uthread_exit(void *result);

/* Puts the caller at the end of the run queue and runs the user thread at its head. */
void uthread_yield(void);

/* The calling user thread (the main thread becomes one on first use of the library). */
uthread_t uthread_self(void);

/* Returns nonzero if a and b are the same thread. */
int uthread_equal(uthread_t a, uthread_t b);

/*
 * The mutex calls. A user thread that finds the mutex held waits in the library (its LWP
 * runs other user threads meanwhile); unlock hands the mutex to the longest waiter. Return
 * 0, or EBUSY (trylock), EPERM (unlock by a thread that does not hold it), EDEADLK (lock of
 * a mutex the caller holds), as an error-checking POSIX mutex does.
 */
int uthread_mutex_init(uthread_mutex_t *mutex);
int uthread_mutex_lock(uthread_mutex_t *mutex);
int uthread_mutex_trylock(uthread_mutex_t *mutex);
int uthread_mutex_unlock(uthread_mutex_t *mutex);
int uthread_mutex_destroy(uthread_mutex_t *mutex);

/*
 * The condition-variable calls. wait releases mutex (which the caller must hold: EPERM
 * otherwise), waits in the library until signalled, and locks mutex again before it
 * returns. signal wakes the longest waiter, broadcast all of them. Return 0.
 */
int uthread_cond_init(uthread_cond_t *cond);
int uthread_cond_wait(uthread_cond_t *cond, uthread_mutex_t *mutex);
int uthread_cond_signal(uthread_cond_t *cond);
int uthread_cond_broadcast(uthread_cond_t *cond);
int uthread_cond_destroy(uthread_cond_t *cond);

/*
 * Sets the concurrency level, the number of LWPs the library keeps, as
 * pthread_setconcurrency does on Solaris: more LWPs are made at once, and LWPs above the
 * level end when they next look for work. 0 restores the default, 1. Returns 0, or EINVAL
 * when level is negative or above UTHREAD_MAX_LWPS, or EAGAIN if an LWP cannot be made.
 */
int uthread_setconcurrency(int level);

/* The concurrency level: the last one set, raised by one each time the pool grew by itself. */
int uthread_getconcurrency(void);

/* The number of LWPs alive now (those ending are counted until they have left the pool). */
int uthread_lwp_count(void);

/*
 * Brackets a system call that may block: between the two, the caller's LWP counts as
 * blocked in the kernel, and if that makes every LWP blocked while user threads are ready,
 * the library makes another LWP. The wrappers below use them; use them around any other
 * blocking call.
 */
void uthread_blocking_begin(void);
void uthread_blocking_end(void);

/* read, write and nanosleep between uthread_blocking_begin and uthread_blocking_end. */
ssize_t uthread_read(int fd, void *buf, size_t count);
ssize_t uthread_write(int fd, const void *buf, size_t count);
int uthread_nanosleep(const struct timespec *request, struct timespec *remaining);

#endif
