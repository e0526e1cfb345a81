/*
 * pthread_cancel.c: deferred cancellation, as NPTL does it, with a signal.
 *
 * pthread_cancel marks the target and sends it SIGCANCEL (signal 32, which glibc keeps
 * for itself). What the signal does depends on where the target is:
 *   - inside a cancellation point's blocking call (pthread_join, pthread_cond_wait and
 *     timedwait, sem_wait and timedwait), or with PTHREAD_CANCEL_ASYNCHRONOUS: the handler
 *     cancels the thread there and then: it runs the cleanup handlers, the thread-specific
 *     destructors, and ends the thread with the result PTHREAD_CANCELED;
 *   - anywhere else: nothing; the mark is acted on at the next cancellation point
 *     (including pthread_testcancel).
 * The window is opened by setting in_cancel_point before checking the mark, and the mark is
 * set before the signal is sent, so a request cannot fall between the check and the sleep:
 * either the check sees the mark, or the signal arrives inside the window.
 *
 * A cancellation point that holds state cleans it up with its own cleanup handler (a
 * condition wait retakes the mutex, as POSIX requires, before the caller's handlers run).
 *
 * The blocking system-call wrappers are cancellation points too, through __syscall_cancel
 * (glibc's SYSCALL_CANCEL, which brackets the call with __pthread_enable_asynccancel and
 * __pthread_disable_asynccancel): read, write, open, openat, creat, close, nanosleep (so
 * sleep and usleep), pause, sigsuspend, sigwait, sigtimedwait and sigwaitinfo, and wait4
 * (so waitpid and wait). As in glibc, a thread cancelled just after its call completed loses
 * the result (the bytes read, the child reaped): that is the price of asynchronous
 * cancellation around the call. stdio does not use them: a thread cancelled inside a
 * stdio call would leave the stream locked.
 */
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"

#define SIGCANCEL 32

static pthread_once_t handler_installed = PTHREAD_ONCE_INIT;

/* Ends the calling thread as cancelled. Never returns. */
static void act_on_cancel(struct pthread *self)
{
    self->cancel_disabled = 1; /* cleanup handlers run with cancellation off, as NPTL */
    self->in_cancel_point = 0;
    pthread_exit(PTHREAD_CANCELED);
}

static void on_sigcancel(int sig)
{
    struct pthread *self = __pthread_self_desc();
    (void)sig;
    if (self->cancel_requested && !self->cancel_disabled && (self->in_cancel_point || self->cancel_async)) {
        act_on_cancel(self);
    }
}

/* SIGCANCEL's handler, installed by the first pthread_cancel. Not SA_RESTART: a thread
 * sleeping in a futex must come back with EINTR, not go back to sleep. */
static void install_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigcancel;
    sigaction(SIGCANCEL, &sa, 0);
}

/* Asks thread to end at its next cancellation point (or at once if it allows asynchronous
 * cancellation). Always 0: as glibc 2.34, also for a thread that has ended unjoined. */
int pthread_cancel(pthread_t thread)
{
    struct pthread *pd = (struct pthread *)thread;
    int tid;
    /* As glibc: a process cancelling its only thread must see its cancellation points act,
     * and the system-call wrappers skip them while the process counts as one-threaded. */
    if (!__libc_multiple_threads) __libc_multiple_threads = 1; /* only while alone: see pthread_create */
    pthread_once(&handler_installed, install_handler);
    pd->cancel_requested = 1;
    tid = pd->tcb.tid;
    /* A thread with cancellation disabled is not disturbed: the signal would only make its
     * current system call fail with EINTR. (If it enables cancellation later, its next
     * cancellation point acts on the mark.) */
    if (tid != 0 && !pd->cancel_disabled) __syscall3(SYS_tgkill, __syscall0(SYS_getpid), tid, SIGCANCEL);
    return 0;
}

/* PTHREAD_CANCEL_ENABLE or _DISABLE; the old state goes to *old if old is not 0. */
int pthread_setcancelstate(int state, int *old)
{
    struct pthread *self;
    if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE) return EINVAL;
    self = __pthread_self_desc();
    if (old) *old = self->cancel_disabled ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
    self->cancel_disabled = state == PTHREAD_CANCEL_DISABLE;
    return 0;
}

/* PTHREAD_CANCEL_DEFERRED or _ASYNCHRONOUS; the old type goes to *old if old is not 0. */
int pthread_setcanceltype(int type, int *old)
{
    struct pthread *self;
    if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS) return EINVAL;
    self = __pthread_self_desc();
    if (old) *old = self->cancel_async ? PTHREAD_CANCEL_ASYNCHRONOUS : PTHREAD_CANCEL_DEFERRED;
    self->cancel_async = type == PTHREAD_CANCEL_ASYNCHRONOUS;
    if (self->cancel_async && self->cancel_requested && !self->cancel_disabled) act_on_cancel(self);
    return 0;
}

/* A cancellation point that does nothing else. */
void pthread_testcancel(void)
{
    struct pthread *self = __pthread_self_desc();
    if (self->cancel_requested && !self->cancel_disabled) act_on_cancel(self);
}

void __pthread_cancel_enter(void)
{
    struct pthread *self = __pthread_self_desc();
    self->in_cancel_point = 1; /* first open the window, then look at the mark */
    if (self->cancel_requested && !self->cancel_disabled) act_on_cancel(self);
}

void __pthread_cancel_leave(void) { __pthread_self_desc()->in_cancel_point = 0; }

long __syscall_cancel(long nr, long a, long b, long c, long d, long e, long f)
{
    struct tcb *t;
    struct pthread *self;
    int was_open;
    long r;
    if (!__libc_multiple_threads) return __syscall6(nr, a, b, c, d, e, f);
    /* A thread of the two-level library has a tcb but no struct pthread behind it. */
    t = __tcb();
    if (t && !t->is_pthread) return __syscall6(nr, a, b, c, d, e, f);
    self = __pthread_self_desc();
    /* Open the window (keeping an enclosing one open), then look at the mark. */
    was_open = self->in_cancel_point;
    self->in_cancel_point = 1;
    if (self->cancel_requested && !self->cancel_disabled) act_on_cancel(self);
    r = __syscall6(nr, a, b, c, d, e, f);
    self->in_cancel_point = was_open;
    return r;
}

/* Pushes c (in the caller's frame) to run routine(arg) if the thread is cancelled or exits. */
void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*routine)(void *), void *arg)
{
    struct pthread *self = __pthread_self_desc();
    c->__routine = routine;
    c->__arg = arg;
    c->__prev = self->cleanup;
    self->cleanup = c;
}

/* Pops c, the innermost handler, running it first if execute is non-zero. */
void __pthread_cleanup_pop(struct __pthread_cleanup *c, int execute)
{
    struct pthread *self = __pthread_self_desc();
    self->cleanup = c->__prev;
    if (execute) c->__routine(c->__arg);
}

void __pthread_run_cleanup(struct pthread *self)
{
    while (self->cleanup) {
        struct __pthread_cleanup *c = self->cleanup;
        self->cleanup = c->__prev;
        c->__routine(c->__arg);
    }
}
