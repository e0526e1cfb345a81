/*
 * sys/timerfd.h: timers read from a descriptor. Each expiry counts a tick; read returns
 * the ticks since the last read as a uint64_t and waits while there are none. Values are
 * Linux x86-64's.
 */
#ifndef _SYS_TIMERFD_H
#define _SYS_TIMERFD_H

#include <time.h>

/* struct itimerspec, shared with <time.h> under glibc's guard. */
#ifndef __itimerspec_defined
#define __itimerspec_defined 1
struct itimerspec {
    struct timespec it_interval; /* the period after the first expiry; 0 for one shot */
    struct timespec it_value;    /* the first expiry; 0 disarms */
};
#endif

#define TFD_CLOEXEC 02000000
#define TFD_NONBLOCK 04000

#define TFD_TIMER_ABSTIME 1       /* it_value is a time of the clock, not a delay */
#define TFD_TIMER_CANCEL_ON_SET 2 /* accepted; Clonix's clock is never set */

int timerfd_create(clockid_t clockid, int flags);
int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
int timerfd_gettime(int fd, struct itimerspec *curr_value);

#endif
