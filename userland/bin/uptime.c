/*
 * uptime: how long the machine has been running and how busy it is, as procps-ng's uptime.
 *     uptime [-p] [-s]
 * prints the time, the uptime, the users and the load averages on one line:
 *      01:02:05 up 2 days,  1:02,  0 user,  load average: 0.00, 0.01, 0.05
 * -p (--pretty) prints the uptime alone, in words ("up 2 days, 1 hour, 2 minutes"), and -s
 * (--since) the moment the machine booted ("2024-01-01 00:00:00").
 *
 * The uptime and the loads come from one sysinfo(2) call (procps reads /proc/uptime and
 * /proc/loadavg, which hold the same figures). Clonix keeps no utmp, so nobody is logged in:
 * 0 users, which procps-ng 4.0 writes "0 user". It also builds with gcc, to compare with
 * the real uptime on Linux.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

// LAB syscall BEGIN: a program that prints what sysinfo(2) reports, as procps-ng's uptime does
static void usage(FILE *out) {
    fprintf(out, "\nUsage:\n uptime [options]\n\nOptions:\n"
                 " -p, --pretty   show uptime in pretty format\n"
                 " -h, --help     display this help and exit\n"
                 " -s, --since    system up since\n"
                 "\nFor more details see uptime(1).\n");
    exit(out == stderr ? 1 : 0);
}

/*
 * A load average of sysinfo (SI_LOAD_SHIFT bits of fraction) printed to hundredths, as
 * procps's printf("%.2f"). Integer arithmetic keeps it exact: the fixed-point value times
 * 100, rounded to the nearest hundredth.
 */
static void print_load(unsigned long load, const char *after) {
    unsigned long hundredths = (load * 100 + (1UL << (SI_LOAD_SHIFT - 1))) >> SI_LOAD_SHIFT;
    printf("%lu.%02lu%s", hundredths / 100, hundredths % 100, after);
}

/* The standard line: " HH:MM:SS up [D day(s), ]H:MM | M min,  N user,  load average: ..." */
static void print_standard(const struct sysinfo *si) {
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long days = si->uptime / 86400, hours = si->uptime / 3600 % 24, minutes = si->uptime / 60 % 60;
    int users = 0; /* no utmp: nobody is logged in */
    printf(" %02d:%02d:%02d up ", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (days) printf("%ld %s, ", days, days > 1 ? "days" : "day");
    if (hours) printf("%2ld:%02ld, ", hours, minutes);
    else printf("%ld min, ", minutes);
    printf("%2d %s,  load average: ", users, users > 1 ? "users" : "user");
    print_load(si->loads[0], ", ");
    print_load(si->loads[1], ", ");
    print_load(si->loads[2], "\n");
}

/*
 * -p: the uptime in words, largest unit first, as procps-ng 4.0 writes it: a unit is taken
 * out only when strictly more than one of it is left, and minutes are always shown when
 * they are not zero or less than a minute is left.
 */
static void print_pretty(long seconds) {
    static const char *units[] = {"decade", "year", "week", "day", "hour", "minute"};
    static const long sizes[] = {315360000L, 31536000L, 604800L, 86400L, 3600L, 60L};
    int printed = 0;
    printf("up ");
    for (int i = 0; i < 6; i++) {
        long n = seconds > sizes[i] ? seconds / sizes[i] : 0;
        seconds -= n * sizes[i];
        int last = i == 5;
        if (n || (last && seconds < 60)) {
            printf("%s%ld %s%s", printed ? ", " : "", n, units[i], (last ? n != 1 : n > 1) ? "s" : "");
            printed = 1;
        }
    }
    printf("\n");
}

/* -s: the boot time, the wall clock less the time since boot, to the nearest second. */
static void print_since(void) {
    struct timespec real, boot;
    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_BOOTTIME, &boot);
    long nanos = (real.tv_sec - boot.tv_sec) * 1000000000L + (real.tv_nsec - boot.tv_nsec);
    time_t since = (nanos + 500000000L) / 1000000000L;
    struct tm tm;
    localtime_r(&since, &tm);
    printf("%04d-%02d-%02d %02d:%02d:%02d\n", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
           tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int main(int argc, char **argv) {
    int pretty = 0, c;
    /* getopt has no long options here: the three long names become their short ones. */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--pretty") == 0) argv[i] = "-p";
        else if (strcmp(argv[i], "--help") == 0) argv[i] = "-h";
        else if (strcmp(argv[i], "--since") == 0) argv[i] = "-s";
    }
    while ((c = getopt(argc, argv, "phs")) != -1) {
        if (c == 'p') {
            pretty = 1;
        } else if (c == 'h') {
            usage(stdout);
        } else if (c == 's') {
            print_since();
            return 0;
        } else {
            usage(stderr);
        }
    }
    if (optind != argc) usage(stderr);
    struct sysinfo si;
    if (sysinfo(&si) != 0) {
        perror("uptime: sysinfo");
        return 1;
    }
    if (pretty) print_pretty(si.uptime);
    else print_standard(&si);
    return 0;
}
// LAB syscall STUB
// int main(int argc, char **argv) {
//     (void)argc;
//     fprintf(stderr, "%s: not written yet (docs/labs/syscall.md)\n", argv[0]);
//     return 1;
// }
// LAB syscall END
