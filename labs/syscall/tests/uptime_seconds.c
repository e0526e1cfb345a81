/*
 * sysinfo's uptime is the time since boot in whole seconds, rounded up as Linux's
 * do_sysinfo rounds CLOCK_BOOTTIME (tv_sec, plus one if tv_nsec is not zero), and it
 * agrees with /proc/uptime read just before and just after. The program sleeps to known
 * fractions of a second (.5, .25 and just past a whole second) so that rounding down or to
 * the nearest second shows. Each check prints "ok: ..." or "FAIL: ..." and its figures.
 *
 * Linux is the reference: gcc uptime_seconds.c && ./a.out prints the same bytes (in about
 * four seconds: Clonix's idle clock jumps to the next timer, Linux's waits).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#define NANOS 1000000000L

static long boottime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return ts.tv_sec * NANOS + ts.tv_nsec;
}

static void sleep_until(long when) {
    long left = when - boottime();
    if (left <= 0) return;
    struct timespec req = {left / NANOS, left % NANOS};
    nanosleep(&req, NULL);
}

/* /proc/uptime's first field, "SECONDS.HH", in hundredths of a second. */
static long proc_uptime(void) {
    char buf[128];
    int fd = open("/proc/uptime", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    char *end;
    long seconds = strtol(buf, &end, 10);
    return seconds * 100 + (*end == '.' ? strtol(end + 1, NULL, 10) : 0);
}

/* Sleeps until `fraction` nanoseconds past the second after the next one, then checks sysinfo. */
static void check_at(long fraction, const char *what) {
    long whole = boottime() / NANOS + 2;
    sleep_until(whole * NANOS + fraction);
    long before = proc_uptime();
    struct sysinfo si;
    if (sysinfo(&si) != 0) {
        perror("FAIL: sysinfo");
        return;
    }
    long after = proc_uptime();
    if (si.uptime == whole + 1) printf("ok: %s: uptime rounded up\n", what);
    else printf("FAIL: %s: uptime is %ld, not the %ld seconds since boot rounded up\n", what, si.uptime, whole + 1);
    if (si.uptime * 100 >= before && si.uptime * 100 <= after + 100)
        printf("ok: %s: uptime agrees with /proc/uptime\n", what);
    else
        printf("FAIL: %s: uptime %ld is not /proc/uptime's %ld.%02ld..%ld.%02ld rounded up\n", what, si.uptime,
               before / 100, before % 100, after / 100, after % 100);
}

int main(void) {
    check_at(NANOS / 2, "half a second past");
    check_at(NANOS / 4, "a quarter of a second past");
    check_at(NANOS / 1000, "a millisecond past");
    return 0;
}
