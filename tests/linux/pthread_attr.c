/*
 * Thread attributes: glibc's defaults and errors, a stack the caller provides, a stack size
 * and guard a thread sees through pthread_getattr_np, and scheduling set explicitly.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ENOTSUP: return "ENOTSUP";
    case EPERM: return "EPERM";
    default: return strerror(e);
    }
}

static char *stack_low;
static size_t stack_size;

static void *where_am_i(void *arg)
{
    int local = 0;
    char *p = (char *)&local;
    (void)arg;
    return (void *)(long)(p > stack_low && p < stack_low + stack_size);
}

static void *describe(void *arg)
{
    pthread_attr_t a;
    size_t size, guard;
    int detach;
    (void)arg;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getstacksize(&a, &size);
    pthread_attr_getguardsize(&a, &guard);
    pthread_attr_getdetachstate(&a, &detach);
    printf("in thread: stack %zu, guard %zu, detach %d\n", size, guard, detach);
    pthread_attr_destroy(&a);
    return 0;
}

static void *policy_of_self(void *arg)
{
    int policy;
    struct sched_param p;
    (void)arg;
    pthread_getschedparam(pthread_self(), &policy, &p);
    return (void *)(long)(policy * 100 + p.sched_priority);
}

int main(void)
{
    pthread_attr_t attr;
    size_t size, guard;
    int v;
    void *stack, *addr, *result;
    pthread_t t;
    struct sched_param param;

    pthread_attr_init(&attr);
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_getguardsize(&attr, &guard);
    printf("default stack %zu, guard %zu\n", size, guard);
    pthread_attr_getdetachstate(&attr, &v);
    printf("detach state %d\n", v);
    pthread_attr_getscope(&attr, &v);
    printf("scope %d\n", v);
    pthread_attr_getinheritsched(&attr, &v);
    printf("inherit %d\n", v);
    pthread_attr_getschedpolicy(&attr, &v);
    printf("policy %d\n", v);

    printf("stack size 1000: %s\n", name(pthread_attr_setstacksize(&attr, 1000)));
    printf("stack size PTHREAD_STACK_MIN: %s\n", name(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN)));
    printf("scope process: %s\n", name(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS)));
    printf("scope system: %s\n", name(pthread_attr_setscope(&attr, PTHREAD_SCOPE_SYSTEM)));
    printf("detach state 7: %s\n", name(pthread_attr_setdetachstate(&attr, 7)));
    printf("inherit 7: %s\n", name(pthread_attr_setinheritsched(&attr, 7)));
    printf("policy 9: %s\n", name(pthread_attr_setschedpolicy(&attr, 9)));
    pthread_attr_destroy(&attr);

    /* A thread with a given stack size and guard. */
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_attr_setguardsize(&attr, 8192);
    pthread_create(&t, &attr, describe, 0);
    pthread_join(t, 0);
    pthread_attr_destroy(&attr);

    /* A thread on a stack the caller allocated. */
    stack_size = 64 * 1024;
    stack = malloc(stack_size);
    stack_low = stack;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, stack, stack_size);
    pthread_attr_getstack(&attr, &addr, &size);
    printf("getstack returns what was set: %d %d\n", addr == stack, size == stack_size);
    pthread_create(&t, &attr, where_am_i, 0);
    pthread_join(t, &result);
    printf("thread ran on the given stack: %ld\n", (long)result);
    pthread_attr_destroy(&attr);
    free(stack);

    /* Explicit scheduling: SCHED_OTHER with priority 0 is allowed to everyone. */
    pthread_attr_init(&attr);
    pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&attr, SCHED_OTHER);
    param.sched_priority = 0;
    pthread_attr_setschedparam(&attr, &param);
    pthread_attr_getschedparam(&attr, &param);
    printf("priority read back %d\n", param.sched_priority);
    printf("create with explicit SCHED_OTHER: %s\n", name(pthread_create(&t, &attr, policy_of_self, 0)));
    pthread_join(t, &result);
    printf("thread's policy*100+priority: %ld\n", (long)result);
    pthread_attr_destroy(&attr);
    return 0;
}
