/* timerfd(2): one-shot and periodic timers on the monotonic and real-time clocks,
 * absolute times, ticks counted while nobody reads, gettime, disarming, poll and epoll,
 * and the errors in Linux's order. Times are checked in whole milliseconds, which the
 * timer's small delays do not reach. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define TRY(what, call) \
    do { \
        errno = 0; \
        long r_ = (call); \
        printf("%-34s %ld %s\n", what, r_, r_ < 0 ? strerror(errno) : ""); \
    } while (0)

static long ms(const struct timespec *t) {
    return t->tv_sec * 1000 + t->tv_nsec / 1000000;
}

static void sleep_ms(long n) {
    struct timespec t = {n / 1000, n % 1000 * 1000000};
    nanosleep(&t, 0);
}

static void arm(int fd, int flags, long value_ms, long interval_ms) {
    struct itimerspec it = {{interval_ms / 1000, interval_ms % 1000 * 1000000}, {value_ms / 1000, value_ms % 1000 * 1000000}};
    timerfd_settime(fd, flags, &it, 0);
}

int main(void) {
    int fd = timerfd_create(CLOCK_MONOTONIC, 0);
    uint64_t ticks;
    struct itimerspec cur;
    timerfd_gettime(fd, &cur);
    printf("new timer: value %ld ms interval %ld ms\n", ms(&cur.it_value), ms(&cur.it_interval));

    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    arm(fd, 0, 30, 0);
    TRY("read a 30 ms one-shot", read(fd, &ticks, 8));
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("ticks %llu, waited at least 30 ms: %s\n", (unsigned long long)ticks,
           (b.tv_sec - a.tv_sec) * 1000000000L + b.tv_nsec - a.tv_nsec >= 30000000 ? "yes" : "no");
    timerfd_gettime(fd, &cur);
    printf("expired one-shot: value %ld ms\n", ms(&cur.it_value));

    /* Periodic: ticks pile up while nobody reads. */
    arm(fd, 0, 20, 20);
    sleep_ms(110);
    TRY("read after 110 ms of a 20 ms period", read(fd, &ticks, 8));
    printf("ticks %llu\n", (unsigned long long)ticks);
    timerfd_gettime(fd, &cur);
    printf("periodic: next in at most 20 ms: %s, interval %ld ms\n", ms(&cur.it_value) <= 20 ? "yes" : "no",
           ms(&cur.it_interval));
    TRY("read, periodic, blocking", read(fd, &ticks, 8));
    printf("ticks %llu\n", (unsigned long long)ticks);

    /* The old setting, disarming, and non-blocking reads. */
    struct itimerspec off = {{0, 0}, {0, 0}}, old;
    timerfd_settime(fd, 0, &off, &old);
    printf("old setting: interval %ld ms, value at most 20 ms: %s\n", ms(&old.it_interval),
           ms(&old.it_value) <= 20 ? "yes" : "no");
    int nb = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    TRY("read a disarmed non-blocking timer", read(nb, &ticks, 8));

    /* An absolute time on the real-time clock, watched by poll and epoll. */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct itimerspec at = {{0, 0}, {now.tv_sec, now.tv_nsec}};
    at.it_value.tv_nsec += 40 * 1000000;
    if (at.it_value.tv_nsec >= 1000000000) {
        at.it_value.tv_sec++;
        at.it_value.tv_nsec -= 1000000000;
    }
    timerfd_settime(nb, TFD_TIMER_ABSTIME, &at, 0);
    struct pollfd p = {nb, POLLIN, 0};
    TRY("poll before the time", poll(&p, 1, 0));
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {.u64 = 77}}, got;
    epoll_ctl(ep, EPOLL_CTL_ADD, nb, &ev);
    TRY("epoll_wait until the time", epoll_wait(ep, &got, 1, -1));
    printf("data %llu events %#x\n", (unsigned long long)got.data.u64, got.events);
    TRY("read", read(nb, &ticks, 8));
    printf("ticks %llu\n", (unsigned long long)ticks);
    struct itimerspec past = {{0, 0}, {1, 0}};
    timerfd_settime(nb, TFD_TIMER_ABSTIME, &past, 0);
    TRY("an absolute time long past", read(nb, &ticks, 8));
    printf("ticks %llu\n", (unsigned long long)ticks);

    /* Errors. */
    TRY("unknown clock", timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0));
    TRY("unknown flag", timerfd_create(CLOCK_MONOTONIC, 1));
    TRY("read with 4 bytes", read(fd, &ticks, 4));
    TRY("settime, unknown flag", timerfd_settime(fd, 4, &off, 0));
    struct itimerspec bad = {{0, 0}, {0, 1000000000}};
    TRY("settime, nsec = 1e9", timerfd_settime(fd, 0, &bad, 0));
    TRY("settime, bad new", timerfd_settime(fd, 0, (struct itimerspec *)8, 0));
    TRY("settime, bad new and flag", syscall(SYS_timerfd_settime, fd, 4, 8, 0));
    TRY("settime, bad fd", timerfd_settime(99, 0, &off, 0));
    TRY("settime, not a timerfd", timerfd_settime(ep, 0, &off, 0));
    TRY("settime, bad old", timerfd_settime(fd, 0, &off, (struct itimerspec *)8));
    TRY("gettime, bad fd", timerfd_gettime(99, &cur));
    TRY("gettime, not a timerfd", timerfd_gettime(0, &cur));
    TRY("gettime, bad pointer", timerfd_gettime(fd, (struct itimerspec *)8));
    TRY("write", write(fd, &ticks, 8));
    return 0;
}
