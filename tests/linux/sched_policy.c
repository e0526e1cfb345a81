/* sched_policy: the scheduling-policy calls' ranges, errors and read-back, as raw system calls. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The raw result: the call's value, or -errno. */
static long R(long v) { return v == -1 ? -errno : v; }

static long set(long pid, long policy, int prio)
{
    struct sched_param p;
    p.sched_priority = prio;
    return R(syscall(SYS_sched_setscheduler, pid, policy, &p));
}

/* Prints a label and up to three results, which the caller computed in order. */
static void show(const char *label, long a, long b, long c)
{
    printf("%s: %ld %ld %ld\n", label, a, b, c);
}

static long get(long pid) { return R(syscall(SYS_sched_getscheduler, pid)); }

static long param(long pid)
{
    struct sched_param p;
    long r;
    p.sched_priority = -7;
    r = R(syscall(SYS_sched_getparam, pid, &p));
    return r < 0 ? r : p.sched_priority;
}

int main(void)
{
    int policies[] = {0, 1, 2, 3, 5, 4, 42, -1};
    int i;
    for (i = 0; i < 8; i++) {
        printf("priority range of %d: %ld..%ld\n", policies[i], R(syscall(SYS_sched_get_priority_min, policies[i])),
               R(syscall(SYS_sched_get_priority_max, policies[i])));
    }
    long a, b, c;
    struct sched_param p;
    struct timespec ts;

    a = set(-1, 0, 0);
    b = R(syscall(SYS_sched_setscheduler, 0, 0, (void *)0));
    c = set(0, -1, 0);
    show("negative pid, null param, negative policy", a, b, c);
    a = set(0x7fffffff, 0, 0);
    b = set(0x7fffffff, 4, 0);
    c = set(0, 4, 0);
    show("no such pid, before a bad policy; bad policy", a, b, c);
    a = set(0, 0, 1);
    b = set(0, 3, 1);
    c = set(0, 5, 1);
    show("fair policies with priority 1", a, b, c);
    a = set(0, 1, 0);
    b = set(0, 2, 100);
    c = set(0, 42, 0);
    show("rt priorities 0 and 100; policy 42", a, b, c);
    a = get(0);
    b = get(-1);
    c = get(0x7fffffff);
    show("getscheduler of self, -1, missing", a, b, c);
    a = param(0);
    b = param(-1);
    c = param(0x7fffffff);
    show("getparam of self, -1, missing", a, b, c);
    a = set(0, 3, 0);
    b = get(0);
    c = param(0);
    show("batch", a, b, c);
    a = set(0, 5, 0);
    b = get(getpid());
    c = param(getpid());
    show("idle", a, b, c);
    a = set(0, SCHED_RR, 10);
    b = get(0);
    c = param(0);
    show("rr 10", a, b, c);
    a = R(syscall(SYS_sched_rr_get_interval, 0, &ts));
    printf("rr interval: %ld %ld.%09ld\n", a, (long)ts.tv_sec, (long)ts.tv_nsec);
    a = R(syscall(SYS_sched_rr_get_interval, -1, &ts));
    b = R(syscall(SYS_sched_rr_get_interval, 0x7fffffff, &ts));
    show("rr interval of -1, missing", a, b, 0);
    p.sched_priority = 20;
    a = R(syscall(SYS_sched_setparam, 0, &p));
    b = get(0);
    c = param(0);
    show("setparam 20 keeps rr", a, b, c);
    p.sched_priority = 0;
    a = R(syscall(SYS_sched_setparam, 0, &p));
    show("setparam 0 under rr", a, 0, 0);
    a = set(0, SCHED_FIFO, 99);
    b = get(0);
    c = param(0);
    show("fifo 99", a, b, c);
    a = R(syscall(SYS_sched_rr_get_interval, 0, &ts));
    printf("fifo interval: %ld %ld.%09ld\n", a, (long)ts.tv_sec, (long)ts.tv_nsec);
    a = set(0, SCHED_OTHER, 0);
    b = get(0);
    c = param(0);
    show("back to other", a, b, c);
    return 0;
}
