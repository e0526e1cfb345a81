/*
 * timer.c: time.h's POSIX timers, timer_create and friends. A timer_t is the kernel's timer
 * id (glibc's is too, but for SIGEV_THREAD timers); SIGEV_THREAD timers are made by
 * timer_thread.c, which the kernel sees as SIGEV_THREAD_ID timers aimed at a helper thread.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include "libc.h"

/*
 * As glibc, a null sev is passed to the kernel as SIGEV_SIGNAL with SIGALRM and a value of
 * 0 (the kernel's own default would send the timer's id as the value).
 */
int timer_create(clockid_t clk, struct sigevent *sev, timer_t *timerid)
{
    struct sigevent alarm_event;
    if (sev == NULL) {
        memset(&alarm_event, 0, sizeof alarm_event);
        alarm_event.sigev_notify = SIGEV_SIGNAL;
        alarm_event.sigev_signo = SIGALRM;
        sev = &alarm_event;
    }
    if (sev->sigev_notify == SIGEV_THREAD) return __timer_create_thread(clk, sev, timerid);
    int id;
    long r = __syscall3(SYS_timer_create, clk, sev, &id);
    if (r < 0) return (int)__syscall_ret(r);
    *timerid = (timer_t)(long)id;
    return 0;
}

int timer_settime(timer_t timerid, int flags, const struct itimerspec *new_value, struct itimerspec *old_value)
{
    return (int)__syscall_ret(__syscall4(SYS_timer_settime, (long)timerid, flags, new_value, old_value));
}

int timer_gettime(timer_t timerid, struct itimerspec *curr_value)
{
    return (int)__syscall_ret(__syscall2(SYS_timer_gettime, (long)timerid, curr_value));
}

int timer_getoverrun(timer_t timerid) { return (int)__syscall_ret(__syscall1(SYS_timer_getoverrun, (long)timerid)); }
/* Forgets a SIGEV_THREAD timer's function too, once the kernel has deleted the timer. */
int timer_delete(timer_t timerid)
{
    long r = __syscall1(SYS_timer_delete, (long)timerid);
    if (r == 0) __timer_thread_forget((int)(long)timerid);
    return (int)__syscall_ret(r);
}
