/* sched.c: scheduler calls and the helpers behind the CPU_* macros of sched.h. */
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include "libc.h"

int sched_yield(void) { return (int)__syscall_ret(__syscall0(SYS_sched_yield)); }
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param) { return (int)__syscall_ret(__syscall3(SYS_sched_setscheduler, pid, policy, param)); }
int sched_getscheduler(pid_t pid) { return (int)__syscall_ret(__syscall1(SYS_sched_getscheduler, pid)); }
int sched_setparam(pid_t pid, const struct sched_param *param) { return (int)__syscall_ret(__syscall2(SYS_sched_setparam, pid, param)); }
int sched_getparam(pid_t pid, struct sched_param *param) { return (int)__syscall_ret(__syscall2(SYS_sched_getparam, pid, param)); }
int sched_get_priority_max(int policy) { return (int)__syscall_ret(__syscall1(SYS_sched_get_priority_max, policy)); }
int sched_get_priority_min(int policy) { return (int)__syscall_ret(__syscall1(SYS_sched_get_priority_min, policy)); }
int sched_rr_get_interval(pid_t pid, struct timespec *interval) { return (int)__syscall_ret(__syscall2(SYS_sched_rr_get_interval, pid, interval)); }
int sched_setaffinity(pid_t pid, size_t setsize, const cpu_set_t *set) { return (int)__syscall_ret(__syscall3(SYS_sched_setaffinity, pid, setsize, set)); }

/*
 * The raw call returns how many bytes of mask the kernel wrote; glibc's wrapper returns 0
 * and clears the rest of the caller's set, which is what this does too.
 */
int sched_getaffinity(pid_t pid, size_t setsize, cpu_set_t *set)
{
    long n = __syscall3(SYS_sched_getaffinity, pid, setsize, set);
    if (n < 0) return (int)__syscall_ret(n);
    if ((size_t)n < setsize) memset((char *)set + n, 0, setsize - n);
    return 0;
}

/* The CPU the caller runs on (getcpu(2)), or -1 and errno. */
int sched_getcpu(void)
{
    unsigned int cpu = 0;
    long r = __syscall3(SYS_getcpu, &cpu, 0, 0);
    if (r < 0) return (int)__syscall_ret(r);
    return (int)cpu;
}

/* CPU_ZERO: every bit of the setsize-byte set cleared. */
void __sched_cpuzero(size_t setsize, cpu_set_t *set) { memset(set, 0, setsize); }

/* CPU_COUNT: the number of bits set, counted word by word (Kernighan's trick). */
int __sched_cpucount(size_t setsize, const cpu_set_t *set)
{
    int count = 0;
    size_t i;
    for (i = 0; i < setsize / sizeof(unsigned long); i++) {
        unsigned long w = set->__bits[i];
        while (w) {
            w &= w - 1;
            count++;
        }
    }
    return count;
}

/* CPU_EQUAL: the same bits in both sets. */
int __sched_cpuequal(size_t setsize, const cpu_set_t *a, const cpu_set_t *b) { return memcmp(a, b, setsize) == 0; }
