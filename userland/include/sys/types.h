/* sys/types.h: the POSIX system data types, sized as on Linux x86-64. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int id_t;
typedef long off_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef long clock_t;   /* clock ticks: CLOCKS_PER_SEC for clock(), sysconf(_SC_CLK_TCK) for times() */
typedef void *timer_t;  /* a POSIX timer's id (timer_create) */
typedef int key_t;

#endif
