/* ITIMER_REAL with an interval: SIGALRM every period, getitimer's view, alarm sharing the
   timer, and setitimer's and getitimer's errors in Linux's order. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* Prints a call's result and errno, read in that order (a printf argument list has none). */
#define TRY(label, call)                                           \
    do {                                                           \
        errno = 0;                                                 \
        long r_ = (long)(call);                                    \
        int e_ = errno;                                            \
        printf("%s: %ld errno %d\n", label, r_, e_);              \
    } while (0)

static void show(const char *what, int which)
{
    struct itimerval v;
    int r = getitimer(which, &v);
    /* The time left moves on; whether it is within the period is what is certain. */
    printf("%s: getitimer %d interval %ld.%06ld value set %d within period %d\n", what, r,
           (long)v.it_interval.tv_sec, (long)v.it_interval.tv_usec, timerisset(&v.it_value),
           v.it_value.tv_sec == 0 && v.it_value.tv_usec <= 200000);
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);

    struct itimerval it = {{0, 200000}, {0, 100000}}; /* first after 0.1 s, then every 0.2 s */
    struct itimerval old;
    memset(&old, 0x55, sizeof old);
    printf("setitimer %d\n", setitimer(ITIMER_REAL, &it, &old));
    printf("old %ld %ld %ld %ld\n", (long)old.it_interval.tv_sec, (long)old.it_interval.tv_usec,
           (long)old.it_value.tv_sec, (long)old.it_value.tv_usec);
    show("armed", ITIMER_REAL);
    for (int i = 0; i < 3; i++) {
        siginfo_t info;
        int sig = sigwaitinfo(&set, &info);
        printf("tick %d: signal %d code %s\n", i, sig, info.si_code == SI_KERNEL ? "SI_KERNEL" : "other");
    }
    show("running", ITIMER_REAL);

    /* alarm() is ITIMER_REAL too: it replaces the interval timer and reports what was left. */
    printf("alarm(5) returns %u\n", alarm(5));
    struct itimerval now;
    getitimer(ITIMER_REAL, &now);
    printf("after alarm: interval %ld.%06ld value %ld s\n", (long)now.it_interval.tv_sec,
           (long)now.it_interval.tv_usec, (long)now.it_value.tv_sec + (now.it_value.tv_usec > 0));
    printf("alarm(0) returns %u\n", alarm(0));
    show("cancelled", ITIMER_REAL);

    /* Errors: which, the timeval, the pointers. */
    TRY("setitimer(5)", setitimer(5, &it, NULL));
    struct itimerval bad = {{0, 0}, {0, 1000000}};
    TRY("usec 1000000", setitimer(ITIMER_REAL, &bad, NULL));
    bad.it_value.tv_usec = 0;
    bad.it_value.tv_sec = -1;
    TRY("negative", setitimer(ITIMER_REAL, &bad, NULL));
    TRY("bad value pointer", setitimer(ITIMER_REAL, (struct itimerval *)8, NULL));
    TRY("getitimer(3)", getitimer(3, &now));
    TRY("getitimer bad pointer", getitimer(ITIMER_REAL, (struct itimerval *)8));
    TRY("setitimer bad old pointer", setitimer(ITIMER_VIRTUAL, &it, (struct itimerval *)8));
    show("virtual set anyway", ITIMER_VIRTUAL);
    return 0;
}
