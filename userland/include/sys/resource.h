/* sys/resource.h: resource limits (getrlimit, setrlimit, prlimit), as glibc's on Linux x86-64. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <sys/time.h>

typedef unsigned long rlim_t;

/* A soft limit (what the kernel enforces) and a hard limit (the ceiling of the soft one). */
struct rlimit {
    rlim_t rlim_cur;
    rlim_t rlim_max;
};

/* No limit. */
#define RLIM_INFINITY ((rlim_t)-1)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

#define RLIMIT_CPU 0        /* CPU time in seconds: SIGXCPU at the soft limit, SIGKILL at the hard one */
#define RLIMIT_FSIZE 1      /* largest file, in bytes */
#define RLIMIT_DATA 2       /* data segment and heap, in bytes */
#define RLIMIT_STACK 3      /* the main thread's stack, in bytes */
#define RLIMIT_CORE 4       /* largest core file, in bytes */
#define RLIMIT_RSS 5        /* resident set, in bytes (not enforced, as on Linux) */
#define RLIMIT_NPROC 6      /* tasks of the real user */
#define RLIMIT_NOFILE 7     /* one more than the highest descriptor */
#define RLIMIT_MEMLOCK 8    /* locked memory, in bytes */
#define RLIMIT_AS 9         /* address space, in bytes */
#define RLIMIT_LOCKS 10     /* file locks */
#define RLIMIT_SIGPENDING 11 /* queued signals of the real user */
#define RLIMIT_MSGQUEUE 12  /* bytes in POSIX message queues */
#define RLIMIT_NICE 13      /* ceiling of the nice value, as 20 - nice */
#define RLIMIT_RTPRIO 14    /* ceiling of the real-time priority */
#define RLIMIT_RTTIME 15    /* real-time CPU time without a blocking call, in microseconds */
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS RLIMIT_NLIMITS

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
/* prlimit (a GNU extension): reads and/or sets the limits of process pid (0: the caller). */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

/* Whose usage getrusage reports. */
#define RUSAGE_SELF 0       /* the calling process, every thread */
#define RUSAGE_CHILDREN (-1) /* its children that have been waited for, and theirs */
#define RUSAGE_THREAD 1     /* the calling thread */

/* Resource usage, as Linux x86-64's (144 bytes); the fields Linux leaves at 0 are 0 here too. */
struct rusage {
    struct timeval ru_utime; /* user CPU time */
    struct timeval ru_stime; /* system CPU time */
    long ru_maxrss;          /* largest resident set, in KiB */
    long ru_ixrss;           /* (unused) */
    long ru_idrss;           /* (unused) */
    long ru_isrss;           /* (unused) */
    long ru_minflt;          /* page faults served without I/O */
    long ru_majflt;          /* page faults that needed I/O */
    long ru_nswap;           /* (unused) */
    long ru_inblock;         /* blocks read from a file system */
    long ru_oublock;         /* blocks written to a file system */
    long ru_msgsnd;          /* (unused) */
    long ru_msgrcv;          /* (unused) */
    long ru_nsignals;        /* (unused) */
    long ru_nvcsw;           /* voluntary context switches: the CPU left to wait */
    long ru_nivcsw;          /* involuntary context switches: preempted */
};

int getrusage(int who, struct rusage *usage);

/* What the "who" of getpriority and setpriority names (0: the caller, its group, its user). */
#define PRIO_PROCESS 0      /* a thread */
#define PRIO_PGRP 1         /* every thread of a process group */
#define PRIO_USER 2         /* every thread of a real user id */

/* The nice value (-20..19) of the targets (the lowest among them), or -1 with errno set; a
   nice value of -1 is also -1, so clear errno first to tell them apart. */
int getpriority(int which, id_t who);
/* Sets the nice value of the targets, clamped to -20..19: 0, or -1 with errno set. */
int setpriority(int which, id_t who, int prio);

#endif
