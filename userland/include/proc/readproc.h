/*
 * proc/readproc.h: reading processes and threads from /proc, for ps and top (named after
 * procps's own readproc.h, which the real ps and top are built on).
 */
#ifndef _PROC_READPROC_H
#define _PROC_READPROC_H

#include <sys/types.h>

/* Clock ticks per second in /proc times (Linux's USER_HZ). */
#define PROC_HZ 100

/* What ps and top show about one process or thread. */
typedef struct proc_t {
    int tid;                /* /proc/PID/stat field 1: the task's id */
    int tgid;               /* the process it belongs to (its thread-group leader) */
    char comm[64];          /* field 2, without the parentheses */
    char state;             /* field 3: R S D T t Z X I */
    int ppid, pgrp, session, tty_nr, tpgid;       /* fields 4..8 */
    unsigned long utime, stime;                   /* fields 14, 15, in ticks */
    long priority, nice;                          /* fields 18, 19 */
    int nlwp;                                     /* field 20: num_threads */
    unsigned long long start_time;                /* field 22, in ticks since boot */
    unsigned long vsize;                          /* field 23, in bytes */
    long rss;                                     /* field 24, in pages */
    int processor;                                /* field 39 */
    unsigned rt_priority, policy;                 /* fields 40, 41 */
    unsigned euid;                                /* the effective uid (the Uid: line's second), as procps shows */
} proc_t;

/*
 * Reads DIR/stat and DIR/status (DIR is "/proc/PID" or "/proc/PID/task/TID") into *p.
 * Returns 0, or -1 if the task is gone or the file cannot be parsed.
 */
int readproc(const char *dir, proc_t *p);

/*
 * The command line of process pid, its arguments joined by spaces, into buf (size bytes,
 * truncated). Returns its length; 0 when it has none (a kernel thread, a zombie).
 */
int read_cmdline(int pid, char *buf, int size);

/* The first field of /proc/uptime in hundredths of a second; 0 if it cannot be read. */
long uptime_hundredths(void);

/*
 * The pids of /proc's numeric entries (or the tids of /proc/PID/task when pid > 0), in
 * directory order, into a malloc'd array stored in *out. Returns the count, -1 on error.
 */
int list_tasks(int pid, int **out);

/* The user name for uid into buf: from /etc/passwd if it names it, "root" for 0, else the number. */
void user_name(unsigned uid, char *buf, int size);

#endif
