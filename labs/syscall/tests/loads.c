/*
 * sysinfo's loads[3] are the load averages of /proc/loadavg in fixed point with
 * SI_LOAD_SHIFT (16) bits of fraction: Linux keeps them with 11 bits (FSHIFT) and shifts
 * them by 5 for sysinfo, so /proc/loadavg's "1.05" is LOAD_INT and LOAD_FRAC of
 * (loads >> 5) + 10 (FIXED_1/200, half a hundredth). The program lets the load be sampled
 * a few times (it sleeps past three 5-second sampling periods, and is running when each
 * sample is taken), then compares the three figures, reading /proc/loadavg before and after
 * the call until the two readings agree. Each check prints "ok: ..." or "FAIL: ...".
 *
 * Linux is the reference: gcc loads.c && ./a.out prints the same bytes (in 16 seconds).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#define FSHIFT 11

/* The three averages of /proc/loadavg in hundredths ("0.15" is 15); 0, or -1. */
static int proc_loadavg(long hundredths[3]) {
    char buf[128];
    int fd = open("/proc/loadavg", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    char *p = buf;
    for (int i = 0; i < 3; i++) {
        long whole = strtol(p, &p, 10);
        if (*p != '.') return -1;
        hundredths[i] = whole * 100 + strtol(p + 1, &p, 10);
    }
    return 0;
}

/* What /proc/loadavg prints for a sysinfo load: Linux's LOAD_INT and LOAD_FRAC, rounded. */
static long as_proc_prints(unsigned long load) {
    unsigned long avenrun = (load >> (SI_LOAD_SHIFT - FSHIFT)) + (1 << FSHIFT) / 200;
    return (long) (avenrun >> FSHIFT) * 100 + (long) (((avenrun & ((1 << FSHIFT) - 1)) * 100) >> FSHIFT);
}

int main(void) {
    struct timespec wait = {5, 100000000};
    for (int i = 0; i < 3; i++) nanosleep(&wait, NULL);
    for (volatile long spin = 0; spin < 100000; spin++) {
    }
    for (int attempt = 0; attempt < 100; attempt++) {
        long before[3], after[3];
        struct sysinfo si;
        if (proc_loadavg(before) != 0) return 1;
        if (sysinfo(&si) != 0) {
            perror("FAIL: sysinfo");
            return 1;
        }
        if (proc_loadavg(after) != 0) return 1;
        if (memcmp(before, after, sizeof before) != 0) continue;
        static const char *names[3] = {"1", "5", "15"};
        for (int i = 0; i < 3; i++) {
            if (as_proc_prints(si.loads[i]) == before[i])
                printf("ok: the %s-minute load is /proc/loadavg's\n", names[i]);
            else
                printf("FAIL: the %s-minute load %lu is %ld.%02ld, /proc/loadavg says %ld.%02ld\n", names[i], si.loads[i],
                       as_proc_prints(si.loads[i]) / 100, as_proc_prints(si.loads[i]) % 100, before[i] / 100, before[i] % 100);
        }
        printf("%s: the load has been sampled\n", si.loads[0] != 0 ? "ok" : "FAIL");
        return 0;
    }
    printf("FAIL: /proc/loadavg never held still\n");
    return 0;
}
