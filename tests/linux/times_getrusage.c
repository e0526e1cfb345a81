/* times and getrusage: the process's CPU time, its waited-for children's (only once they
   have been waited for, and grandchildren through them), RUSAGE_THREAD, and the errors. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRY(label, call)                                           \
    do {                                                           \
        errno = 0;                                                 \
        long r_ = (long)(call);                                    \
        int e_ = errno;                                            \
        printf("%s: %ld errno %d\n", label, r_, e_);              \
    } while (0)

/* Burns about ms milliseconds of CPU time. */
static void burn(int ms)
{
    clock_t end = clock() + (clock_t)ms * (CLOCKS_PER_SEC / 1000);
    while (clock() < end) { }
}

static long usec(struct timeval tv) { return tv.tv_sec * 1000000L + tv.tv_usec; }

int main(void)
{
    printf("clock ticks per second %ld\n", sysconf(_SC_CLK_TCK));
    struct tms t0;
    clock_t c0 = times(&t0);
    burn(100);
    struct tms t1;
    clock_t c1 = times(&t1);
    long ticks = (t1.tms_utime + t1.tms_stime) - (t0.tms_utime + t0.tms_stime);
    printf("100 ms of CPU: 8..12 ticks %d, the clock moved on %d\n", ticks >= 8 && ticks <= 12, c1 - c0 >= 5);
    printf("no children yet: %ld %ld\n", (long)t1.tms_cutime, (long)t1.tms_cstime);

    pid_t child = fork();
    if (child == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) {
            burn(100);
            _exit(0);
        }
        burn(100);
        waitpid(grandchild, NULL, 0);
        _exit(0);
    }
    /* Until it is waited for, a child's time is not counted, even once it has ended. */
    struct timespec nap = {1, 0};
    nanosleep(&nap, NULL);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    printf("before wait: children %ld us\n", usec(ru.ru_utime) + usec(ru.ru_stime));
    struct rusage waited;
    wait4(child, NULL, 0, &waited);
    long w = usec(waited.ru_utime) + usec(waited.ru_stime);
    printf("wait4 reports child and grandchild: %d\n", w >= 180000 && w <= 260000);
    getrusage(RUSAGE_CHILDREN, &ru);
    long c = usec(ru.ru_utime) + usec(ru.ru_stime);
    printf("after wait: children 180..260 ms %d, same as wait4 %d\n", c >= 180000 && c <= 260000, c == w);
    struct tms t2;
    times(&t2);
    long cticks = t2.tms_cutime + t2.tms_cstime;
    printf("times children 17..27 ticks %d\n", cticks >= 17 && cticks <= 27);

    struct rusage self, thread;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_THREAD, &thread);
    printf("self at least 100 ms %d, thread no more than self %d\n", usec(self.ru_utime) + usec(self.ru_stime) >= 100000,
           usec(thread.ru_utime) + usec(thread.ru_stime) <= usec(self.ru_utime) + usec(self.ru_stime));
    printf("voluntary switches after sleeping %d\n", self.ru_nvcsw > 0);
    printf("unused fields %ld %ld %ld %ld %ld %ld\n", self.ru_ixrss, self.ru_idrss, self.ru_isrss, self.ru_nswap,
           self.ru_msgsnd, self.ru_nsignals);

    TRY("getrusage(5)", getrusage(5, &ru));
    TRY("getrusage(-2)", getrusage(-2, &ru));
    TRY("getrusage bad pointer", getrusage(RUSAGE_SELF, (struct rusage *)8));
    TRY("times(NULL) is a time", times(NULL) >= c1);
    return 0;
}
