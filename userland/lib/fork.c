/*
 * fork.c: fork(2) in a process that may have threads, and pthread_atfork, as glibc does it.
 *
 * The child of fork has one thread, a copy of the caller, in a copy of the memory of every
 * thread. A lock another thread held at that instant stays held in the child forever, and
 * the data it guarded may be half-changed. So, around the system call:
 *   1. the prepare handlers run, last registered first;
 *   2. the parent takes libc's own locks, in libc's lock order: the stdio list, every
 *      stream, malloc's heap, then libpthread's stack cache. Now no other thread is inside
 *      stdio, malloc or the cache, and the child's copies of their data are consistent;
 *   3. after the fork, the parent releases them; the child, where the other threads are
 *      gone, resets them to unlocked, records its own tid in its thread descriptor (the
 *      owner field of a recursive lock is a tid), counts one thread, and marks every cached
 *      stack reusable;
 *   4. the parent handlers (in the parent) or the child handlers (in the child) run, first
 *      registered first.
 * A process that has never made a thread skips step 2, as it takes no locks at all.
 * vfork does none of this: its child shares the memory and may only exec or _exit.
 */
#include <pthread.h>
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"

/* glibc grows its list without bound; a fixed table is enough here, and POSIX allows ENOMEM. */
#define ATFORK_MAX 64

struct atfork_handlers {
    void (*prepare)(void);
    void (*parent)(void);
    void (*child)(void);
};

static struct atfork_handlers handlers[ATFORK_MAX];
static int handler_count;
/* Guards the table; held from the prepare handlers to the parent or child handlers. */
static volatile int atfork_lock;

/* Registers handlers to run around fork (any may be 0): prepare before it, in reverse
 * order of registration, then parent or child after it, in order. 0, or ENOMEM when the
 * table is full. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
    int result = 0;
    __lock(&atfork_lock);
    if (handler_count == ATFORK_MAX) {
        result = ENOMEM;
    } else {
        handlers[handler_count].prepare = prepare;
        handlers[handler_count].parent = parent;
        handlers[handler_count].child = child;
        handler_count++;
    }
    __unlock(&atfork_lock);
    return result;
}

/* Runs the parent (in_child 0) or child (in_child 1) handlers, in order of registration. */
static void run_after_handlers(int in_child)
{
    int i;
    for (i = 0; i < handler_count; i++) {
        void (*handler)(void) = in_child ? handlers[i].child : handlers[i].parent;
        if (handler) handler();
    }
}

/* The child's only thread: give its descriptor the new tid (and, as glibc does with
 * CLONE_CHILD_CLEARTID, the word the kernel zeroes when it exits), unless it has none yet
 * (a main thread never asked for its pthread descriptor), forget the threads that stayed
 * in the parent, and free every lock they might have held. */
static void reset_in_child(int threaded)
{
    struct tcb *self = __tcb();
    if (self->tid) self->tid = (int)__syscall1(SYS_set_tid_address, &self->tid);
    __pthread_nthreads = 1;
    __pthread_robust_fork_child();
    if (threaded) {
        __stdio_fork_child();
        __malloc_fork_child();
        __pthread_stack_fork_child();
    }
    atfork_lock = 0;
}

/* Creates a child process, a copy of the caller with one thread: the child's pid in the
 * parent, 0 in the child, or -1 and errno (EAGAIN, ENOMEM), after running the
 * pthread_atfork handlers as described at the top of this file. */
pid_t fork(void)
{
    int threaded = __libc_multiple_threads;
    int i;
    long pid;
    __lock(&atfork_lock);
    for (i = handler_count - 1; i >= 0; i--) {
        if (handlers[i].prepare) handlers[i].prepare();
    }
    if (threaded) {
        __stdio_fork_lock();
        __malloc_fork_lock();
        __pthread_stack_fork_lock();
    }
    pid = __syscall0(SYS_fork);
    if (pid == 0) {
        reset_in_child(threaded);
        run_after_handlers(1);
        return 0;
    }
    if (threaded) {
        __pthread_stack_fork_unlock();
        __malloc_fork_unlock();
        __stdio_fork_unlock();
    }
    __unlock(&atfork_lock);
    run_after_handlers(0);
    return (pid_t)__syscall_ret(pid);
}
