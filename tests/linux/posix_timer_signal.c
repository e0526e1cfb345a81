/* POSIX timers on CLOCK_MONOTONIC: SI_TIMER signals with the timer's value, overruns while
   the signal is blocked, timer_gettime, the default sigevent, and the errors. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define TRY(label, call)                                           \
    do {                                                           \
        errno = 0;                                                 \
        long r_ = (long)(call);                                    \
        int e_ = errno;                                            \
        printf("%s: %ld errno %d\n", label, r_, e_);              \
    } while (0)

int main(void)
{
    int sig = SIGRTMIN + 1;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);

    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = 4242;
    timer_t t;
    int r = timer_create(CLOCK_MONOTONIC, &ev, &t);
    printf("timer_create %d id %ld\n", r, (long)t);

    struct itimerspec spec = {{0, 50000000}, {0, 50000000}}; /* every 50 ms */
    printf("timer_settime %d\n", timer_settime(t, 0, &spec, NULL));
    for (int i = 0; i < 3; i++) {
        siginfo_t info;
        int got = sigwaitinfo(&set, &info);
        printf("expiry %d: sig %d code SI_TIMER %d value %d timerid %d overrun %d\n", i, got - SIGRTMIN,
               info.si_code == SI_TIMER, info.si_value.sival_int, info.si_timerid, info.si_overrun);
    }

    /* Blocked for 5.5 periods: one signal is pending, the 4 other expiries are overruns. */
    struct timespec wait = {0, 275000000};
    nanosleep(&wait, NULL);
    siginfo_t info;
    sigwaitinfo(&set, &info);
    printf("after 275 ms: overrun %d getoverrun %d\n", info.si_overrun, timer_getoverrun(t));

    struct itimerspec cur;
    timer_gettime(t, &cur);
    printf("gettime: interval %ld.%09ld value within period %d\n", (long)cur.it_interval.tv_sec,
           cur.it_interval.tv_nsec, cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 50000000);

    struct itimerspec off = {{0, 0}, {0, 0}}, old;
    r = timer_settime(t, 0, &off, &old);
    printf("disarm %d old interval %ld\n", r, old.it_interval.tv_nsec);
    timer_gettime(t, &cur);
    printf("disarmed: %ld %ld\n", cur.it_value.tv_nsec, cur.it_interval.tv_nsec);

    /* No sigevent: SIGALRM; glibc passes the kernel a sigevent of its own, whose value is 0. */
    timer_t t2;
    r = timer_create(CLOCK_REALTIME, NULL, &t2);
    printf("default timer_create %d id %ld\n", r, (long)t2);
    struct itimerspec once = {{0, 0}, {0, 10000000}};
    timer_settime(t2, 0, &once, NULL);
    sigwaitinfo(&set, &info);
    printf("default: sig %d code SI_TIMER %d value %d\n", info.si_signo, info.si_code == SI_TIMER, info.si_value.sival_int);
    timer_gettime(t2, &cur);
    printf("one-shot after expiry: %ld %ld\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec);

    /* Errors. */
    timer_t bad;
    TRY("unknown clock", timer_create(99, &ev, &bad));
    ev.sigev_signo = 65;
    TRY("signal 65", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    ev.sigev_signo = sig;
    ev.sigev_notify = 99;
    TRY("notify 99", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    ev.sigev_notify = SIGEV_SIGNAL;
    TRY("settime null value", timer_settime(t, 0, NULL, NULL));
    struct itimerspec wrong = {{0, 0}, {0, 1000000000}};
    TRY("settime nsec 1e9", timer_settime(t, 0, &wrong, NULL));
    TRY("settime bad pointer", timer_settime(t, 0, (struct itimerspec *)8, NULL));
    TRY("gettime bad pointer", timer_gettime(t, (struct itimerspec *)8));
    TRY("delete", timer_delete(t));
    TRY("delete again", timer_delete(t));
    TRY("settime deleted", timer_settime(t, 0, &spec, NULL));
    TRY("gettime deleted", timer_gettime(t, &cur));
    TRY("getoverrun deleted", timer_getoverrun(t));
    TRY("delete default", timer_delete(t2));
    return 0;
}
