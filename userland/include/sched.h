/* sched.h: clone, its flags, CPU sets and the scheduler calls (Linux values and layouts). */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>
#include <stddef.h>

#define CSIGNAL 0x000000ff
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_IO 0x80000000

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define SCHED_RESET_ON_FORK 0x40000000

struct sched_param {
    int sched_priority;
};

/*
 * clone(fn, stack, flags, arg, ... ptid, tls, ctid): starts a child on `stack` (the
 * highest address of the child's stack) that runs fn(arg) and then exits with fn's
 * result. Returns the child's tid, or -1 with errno (EINVAL if fn or stack is NULL).
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

int sched_yield(void);
int sched_getcpu(void);

/* The policy calls, as glibc's thin wrappers (Linux's kernel/sched/syscalls.c does the work). */
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
struct timespec;
int sched_rr_get_interval(pid_t pid, struct timespec *interval);

/* A set of up to 1024 CPUs, as glibc's. */
#define CPU_SETSIZE 1024
typedef struct {
    unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

#define __CPU_WORD(cpu) ((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_MASK(cpu) (1UL << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set) __sched_cpuzero(sizeof(cpu_set_t), (set))
#define CPU_SET(cpu, set) \
    ((size_t)(cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_MASK(cpu)) : 0)
#define CPU_CLR(cpu, set) \
    ((size_t)(cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_MASK(cpu)) : 0)
#define CPU_ISSET(cpu, set) \
    ((size_t)(cpu) < CPU_SETSIZE ? (((set)->__bits[__CPU_WORD(cpu)] & __CPU_MASK(cpu)) != 0) : 0)
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))
#define CPU_EQUAL(a, b) (__sched_cpuequal(sizeof(cpu_set_t), (a), (b)))

void __sched_cpuzero(size_t setsize, cpu_set_t *set);
int __sched_cpucount(size_t setsize, const cpu_set_t *set);
int __sched_cpuequal(size_t setsize, const cpu_set_t *a, const cpu_set_t *b);

int sched_setaffinity(pid_t pid, size_t setsize, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t setsize, cpu_set_t *set);

#endif
