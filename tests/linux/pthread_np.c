/*
 * The non-portable thread controls: names (pthread_setname_np / getname_np, seen in
 * /proc/self/task/TID/comm), CPU affinity, scheduling parameters of a running thread, and
 * the concurrency hint.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_barrier_t named, checked;
static int worker_tid;

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case ERANGE: return "ERANGE";
    case EINVAL: return "EINVAL";
    default: return strerror(e);
    }
}

/* The comm file of thread tid, without its newline. */
static void read_comm(int tid, char *buf, int size)
{
    char path[64];
    int fd, n;
    snprintf(path, sizeof path, "/proc/self/task/%d/comm", tid);
    fd = open(path, O_RDONLY);
    n = fd < 0 ? 0 : (int)read(fd, buf, size - 1);
    if (fd >= 0) close(fd);
    if (n > 0 && buf[n - 1] == '\n') n--;
    buf[n < 0 ? 0 : n] = 0;
}

static void *worker(void *arg)
{
    char buf[16];
    (void)arg;
    worker_tid = (int)syscall(SYS_gettid);
    printf("worker names itself: %s\n", name(pthread_setname_np(pthread_self(), "worker-1")));
    pthread_getname_np(pthread_self(), buf, sizeof buf);
    printf("worker's name read back: %s\n", buf);
    pthread_barrier_wait(&named);
    pthread_barrier_wait(&checked);
    return 0;
}

int main(void)
{
    pthread_t t;
    char buf[32];
    cpu_set_t set;
    struct sched_param param;
    int policy;

    pthread_barrier_init(&named, 0, 2);
    pthread_barrier_init(&checked, 0, 2);
    printf("name of 16 bytes: %s\n", name(pthread_setname_np(pthread_self(), "sixteen-bytes-xx")));
    printf("main names itself: %s\n", name(pthread_setname_np(pthread_self(), "main-thread")));
    printf("getname into 8 bytes: %s\n", name(pthread_getname_np(pthread_self(), buf, 8)));
    pthread_getname_np(pthread_self(), buf, sizeof buf);
    printf("main's name: %s\n", buf);

    pthread_create(&t, 0, worker, 0);
    pthread_barrier_wait(&named);
    pthread_getname_np(t, buf, sizeof buf);
    printf("main reads the worker's name: %s\n", buf);
    read_comm(worker_tid, buf, sizeof buf);
    printf("the worker's comm file: %s\n", buf);
    read_comm((int)getpid(), buf, sizeof buf);
    printf("main's comm file: %s\n", buf);

    /* Affinity: pin the worker to CPU 0 and read it back. */
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    printf("setaffinity: %s\n", name(pthread_setaffinity_np(t, sizeof set, &set)));
    CPU_ZERO(&set);
    pthread_getaffinity_np(t, sizeof set, &set);
    printf("worker's CPUs: count %d, has CPU 0: %d\n", CPU_COUNT(&set), CPU_ISSET(0, &set));
    CPU_ZERO(&set);
    printf("setaffinity to no CPU: %s\n", name(pthread_setaffinity_np(t, sizeof set, &set)));

    /* Scheduling parameters. */
    pthread_getschedparam(t, &policy, &param);
    printf("worker's policy %d priority %d\n", policy, param.sched_priority);
    param.sched_priority = 5;
    printf("SCHED_OTHER with priority 5: %s\n", name(pthread_setschedparam(t, SCHED_OTHER, &param)));
    pthread_barrier_wait(&checked);
    pthread_join(t, 0);

    printf("concurrency %d\n", pthread_getconcurrency());
    printf("setconcurrency(-1): %s\n", name(pthread_setconcurrency(-1)));
    printf("setconcurrency(4): %s\n", name(pthread_setconcurrency(4)));
    printf("concurrency %d\n", pthread_getconcurrency());
    return 0;
}
