/*
 * pthread_np.c: the per-thread controls beyond POSIX's core, with glibc's behaviour: names
 * (the kernel's comm), a running thread's attributes, CPU affinity, scheduling policy, and
 * the concurrency hint.
 */
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"
#include "pthread_impl.h"

#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define TASK_COMM_LEN 16

static int concurrency;

/* The path of thread pd's comm file in /proc. */
static void comm_path(char *buf, size_t size, struct pthread *pd)
{
    snprintf(buf, size, "/proc/self/task/%d/comm", pd->tcb.tid);
}

/*
 * Names thread (at most 15 bytes: ERANGE otherwise). As glibc: prctl(PR_SET_NAME) when a
 * thread names itself, a write to /proc/self/task/TID/comm for another thread.
 */
int pthread_setname_np(pthread_t thread, const char *name)
{
    struct pthread *pd = (struct pthread *)thread;
    char path[64];
    size_t len = strlen(name);
    int fd, r = 0;
    if (len >= TASK_COMM_LEN) return ERANGE;
    if (pd == __pthread_self_desc()) {
        long k = __syscall2(SYS_prctl, PR_SET_NAME, name);
        return k < 0 ? (int)-k : 0;
    }
    comm_path(path, sizeof path, pd);
    /* Not cancellation points here, as glibc's open_not_cancel and write_nocancel. */
    fd = (int)__syscall3(SYS_open, path, O_WRONLY, 0);
    if (fd < 0) return -fd;
    if (__write_nocancel(fd, name, len) != (long)len) r = errno;
    __syscall1(SYS_close, fd);
    return r;
}

/* Copies thread's name into buf (len bytes, at least 16: ERANGE otherwise). */
int pthread_getname_np(pthread_t thread, char *buf, size_t len)
{
    struct pthread *pd = (struct pthread *)thread;
    char path[64];
    ssize_t n;
    int fd;
    if (len < TASK_COMM_LEN) return ERANGE;
    if (pd == __pthread_self_desc()) {
        long k = __syscall2(SYS_prctl, PR_GET_NAME, buf);
        return k < 0 ? (int)-k : 0;
    }
    comm_path(path, sizeof path, pd);
    fd = (int)__syscall3(SYS_open, path, O_RDONLY, 0);
    if (fd < 0) return -fd;
    n = __read_nocancel(fd, buf, len - 1);
    __syscall1(SYS_close, fd);
    if (n < 0) return errno;
    if (n > 0 && buf[n - 1] == '\n') n--;
    buf[n] = 0;
    return 0;
}

/*
 * Describes a running thread in attr: its stack (lowest address and size), guard, detach
 * state and scheduling. The main thread's stack is the kernel's, which grows on demand:
 * it is reported as address 0 and size 0 (glibc reads it from /proc/self/maps instead).
 */
int pthread_getattr_np(pthread_t thread, pthread_attr_t *attr)
{
    struct pthread *pd = (struct pthread *)thread;
    struct sched_param param;
    long policy;
    pthread_attr_init(attr);
    attr->__data.__detachstate = pd->join_state == DETACHED ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE;
    attr->__data.__stackaddr = pd->stack_low;
    /* As glibc, the size counts the descriptor at the top but not the guard. */
    attr->__data.__stacksize = pd->map_base ? pd->map_size - pd->guard_size
                                            : pd->stack_size ? (size_t)((char *)(pd + 1) - pd->stack_low) : 0;
    attr->__data.__guardsize = pd->guard_size;
    policy = __syscall1(SYS_sched_getscheduler, pd->tcb.tid);
    if (policy >= 0 && __syscall2(SYS_sched_getparam, pd->tcb.tid, &param) == 0) {
        attr->__data.__schedpolicy = (int)policy;
        attr->__data.__schedpriority = param.sched_priority;
    }
    return 0;
}

/* Restricts thread to the CPUs in set (sched_setaffinity on its tid): 0, EINVAL, ESRCH. */
int pthread_setaffinity_np(pthread_t thread, size_t size, const cpu_set_t *set)
{
    long r = __syscall3(SYS_sched_setaffinity, ((struct pthread *)thread)->tcb.tid, size, set);
    return r < 0 ? (int)-r : 0;
}

/* Stores thread's CPUs in set, clearing the bytes beyond the kernel's mask. */
int pthread_getaffinity_np(pthread_t thread, size_t size, cpu_set_t *set)
{
    long r = __syscall3(SYS_sched_getaffinity, ((struct pthread *)thread)->tcb.tid, size, set);
    if (r < 0) return (int)-r;
    if ((size_t)r < size) memset((char *)set + r, 0, size - r);
    return 0;
}

/* Sets thread's policy and priority (sched_setscheduler on its tid): 0, EINVAL, EPERM, ESRCH. */
int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param *param)
{
    long r = __syscall3(SYS_sched_setscheduler, ((struct pthread *)thread)->tcb.tid, policy, param);
    return r < 0 ? (int)-r : 0;
}

/* Reads thread's policy and priority. 0 or ESRCH. */
int pthread_getschedparam(pthread_t thread, int *policy, struct sched_param *param)
{
    int tid = ((struct pthread *)thread)->tcb.tid;
    long p = __syscall1(SYS_sched_getscheduler, tid);
    long r;
    if (p < 0) return (int)-p;
    r = __syscall2(SYS_sched_getparam, tid, param);
    if (r < 0) return (int)-r;
    *policy = (int)p;
    return 0;
}

/* Records the concurrency hint, which a one-to-one library has no use for: each thread
 * already is a kernel thread. 0, or EINVAL for a negative level. */
int pthread_setconcurrency(int level)
{
    if (level < 0) return EINVAL;
    concurrency = level;
    return 0;
}

/* The last hint given to pthread_setconcurrency (0 initially). */
int pthread_getconcurrency(void) { return concurrency; }
