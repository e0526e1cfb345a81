/* cputime.c: the CPU time used, sys/times.h's times and sys/resource.h's getrusage. */
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "libc.h"

/* The ticks since boot never come near -4095, so a failure (EFAULT) is told apart as usual. */
clock_t times(struct tms *buf) { return (clock_t)__syscall_ret(__syscall1(SYS_times, buf)); }

int getrusage(int who, struct rusage *usage) { return (int)__syscall_ret(__syscall2(SYS_getrusage, who, usage)); }
