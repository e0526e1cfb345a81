/* sys/times.h: the CPU time of the process and of its waited-for children, in clock ticks. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <time.h>

/* Times in ticks of sysconf(_SC_CLK_TCK), 100 a second. */
struct tms {
    clock_t tms_utime;  /* user CPU time of the calling process */
    clock_t tms_stime;  /* system CPU time of the calling process */
    clock_t tms_cutime; /* user CPU time of its waited-for children (and theirs) */
    clock_t tms_cstime; /* system CPU time of its waited-for children (and theirs) */
};

/* Fills *buf (if not NULL) and returns the ticks since boot, or (clock_t)-1 and errno. */
clock_t times(struct tms *buf);

#endif
