/*
 * pthread_attr.c: thread attributes, read by pthread_create. The values and errors are
 * glibc's: a default stack of RLIMIT_STACK's size (8 MiB by default), a one-page guard,
 * PTHREAD_STACK_MIN (16 KiB) as the smallest stack, and only PTHREAD_SCOPE_SYSTEM (every
 * pthread is a kernel thread here, so process scope is ENOTSUP, as on Linux).
 */
#include <pthread.h>
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include "pthread_impl.h"

#define DEFAULT_GUARD 4096UL
#define UNLIMITED_STACK_DEFAULT (2UL * 1024 * 1024) /* glibc's ARCH_STACK_DEFAULT_SIZE on x86-64 */
#define PAGE 4096UL

/*
 * As glibc: the soft RLIMIT_STACK rounded up to a page, at least PTHREAD_STACK_MIN, or
 * 2 MiB if it is unlimited. glibc reads the limit as the process starts; Clonix reads it
 * when a thread first needs it, so that a program without threads makes no extra system
 * call (a program that changes RLIMIT_STACK before its first thread sees the new value).
 */
size_t __pthread_default_stacksize(void)
{
    static size_t size;
    struct rlimit r;
    if (size == 0) {
        size_t s;
        if (getrlimit(RLIMIT_STACK, &r) != 0 || r.rlim_cur == RLIM_INFINITY) s = UNLIMITED_STACK_DEFAULT;
        else s = r.rlim_cur < PTHREAD_STACK_MIN ? PTHREAD_STACK_MIN : r.rlim_cur;
        size = (s + PAGE - 1) & ~(PAGE - 1);
    }
    return size;
}

/* Fills attr with the defaults. Always 0. */
int pthread_attr_init(pthread_attr_t *attr)
{
    memset(attr, 0, sizeof *attr);
    attr->__data.__stacksize = __pthread_default_stacksize();
    attr->__data.__guardsize = DEFAULT_GUARD;
    return 0;
}

/* Nothing to free. Always 0. */
int pthread_attr_destroy(pthread_attr_t *attr)
{
    (void)attr;
    return 0;
}

/* PTHREAD_CREATE_JOINABLE or PTHREAD_CREATE_DETACHED; EINVAL otherwise. */
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
    if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED) return EINVAL;
    attr->__data.__detachstate = state;
    return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
    *state = attr->__data.__detachstate;
    return 0;
}

/* The stack's size in bytes, the descriptor included; EINVAL below PTHREAD_STACK_MIN. */
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
    if (size < PTHREAD_STACK_MIN) return EINVAL;
    attr->__data.__stacksize = size;
    return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
    *size = attr->__data.__stacksize;
    return 0;
}

/* A stack the caller owns, [addr, addr + size): never freed, and no guard is added. */
int pthread_attr_setstack(pthread_attr_t *attr, void *addr, size_t size)
{
    if (size < PTHREAD_STACK_MIN) return EINVAL;
    attr->__data.__stackaddr = addr;
    attr->__data.__stacksize = size;
    return 0;
}

int pthread_attr_getstack(const pthread_attr_t *attr, void **addr, size_t *size)
{
    *addr = attr->__data.__stackaddr;
    *size = attr->__data.__stacksize;
    return 0;
}

/* Bytes of PROT_NONE guard below the stack, rounded up to pages when used; 0 for none. */
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size)
{
    attr->__data.__guardsize = size;
    return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *size)
{
    *size = attr->__data.__guardsize;
    return 0;
}

/* PTHREAD_SCOPE_SYSTEM only: PTHREAD_SCOPE_PROCESS is ENOTSUP, anything else EINVAL. */
int pthread_attr_setscope(pthread_attr_t *attr, int scope)
{
    if (scope == PTHREAD_SCOPE_PROCESS) return ENOTSUP;
    if (scope != PTHREAD_SCOPE_SYSTEM) return EINVAL;
    attr->__data.__scope = scope;
    return 0;
}

int pthread_attr_getscope(const pthread_attr_t *attr, int *scope)
{
    *scope = attr->__data.__scope;
    return 0;
}

/* PTHREAD_INHERIT_SCHED (the creator's policy) or PTHREAD_EXPLICIT_SCHED (the attribute's). */
int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit)
{
    if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED) return EINVAL;
    attr->__data.__inheritsched = inherit;
    return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inherit)
{
    *inherit = attr->__data.__inheritsched;
    return 0;
}

/* SCHED_OTHER, SCHED_FIFO or SCHED_RR; EINVAL otherwise. */
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy)
{
    if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR) return EINVAL;
    attr->__data.__schedpolicy = policy;
    return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy)
{
    *policy = attr->__data.__schedpolicy;
    return 0;
}

/* The priority; checked against the policy's range only when the thread is created. */
int pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *param)
{
    attr->__data.__schedpriority = param->sched_priority;
    return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *param)
{
    param->sched_priority = attr->__data.__schedpriority;
    return 0;
}
