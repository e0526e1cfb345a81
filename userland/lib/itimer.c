/* itimer.c: sys/time.h's interval timers, getitimer and setitimer. */
#include <sys/time.h>
#include <sys/syscall.h>
#include "libc.h"

int getitimer(int which, struct itimerval *curr) { return (int)__syscall_ret(__syscall2(SYS_getitimer, which, curr)); }

int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value)
{
    return (int)__syscall_ret(__syscall3(SYS_setitimer, which, new_value, old_value));
}
