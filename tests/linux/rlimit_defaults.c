/*
 * The resource limits a process starts with are the kernel's (Linux's INIT_RLIMITS), which
 * init passes on to everything: unlimited CPU time, file size, data, resident set, address
 * space, locks and real-time timeout; an 8 MiB stack with no hard limit; no core files;
 * 8 MiB of locked memory; 819200 bytes of message queues; nice and real-time ceilings 0.
 * RLIMIT_NPROC and RLIMIT_SIGPENDING are half of threads-max, soft and hard (fork_init).
 * RLIMIT_NOFILE is the one limit init systems change (the kernel's 1024/4096; systemd's or a
 * container's differ), so only its shape is printed. /proc/self/limits says the same as
 * getrlimit, in Linux's table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char *names[] = {"CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE",
    "MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME"};

static void show(rlim_t v) {
    if (v == RLIM_INFINITY) printf(" unlimited");
    else printf(" %lu", (unsigned long) v);
}

/* The value of a column of /proc/self/limits as getrlimit gives it. */
static rlim_t parse(const char *s) {
    if (strncmp(s, "unlimited", 9) == 0) return RLIM_INFINITY;
    return strtoul(s, NULL, 10);
}

int main(void) {
    struct rlimit r[RLIM_NLIMITS];
    for (int i = 0; i < RLIM_NLIMITS; i++) {
        if (getrlimit(i, &r[i]) != 0) {
            perror("getrlimit");
            return 1;
        }
        if (i == RLIMIT_NPROC || i == RLIMIT_SIGPENDING || i == RLIMIT_NOFILE) continue;
        printf("%-10s", names[i]);
        show(r[i].rlim_cur);
        show(r[i].rlim_max);
        printf("\n");
    }
    char line[256];
    FILE *f = fopen("/proc/sys/kernel/threads-max", "r");
    if (f == NULL || fgets(line, sizeof line, f) == NULL) return 1;
    fclose(f);
    long threads = strtol(line, NULL, 10);
    printf("NPROC soft == hard == threads-max / 2: %s\n",
           r[RLIMIT_NPROC].rlim_cur == r[RLIMIT_NPROC].rlim_max && r[RLIMIT_NPROC].rlim_cur == (rlim_t) (threads / 2) ? "yes" : "no");
    printf("SIGPENDING == NPROC: %s\n",
           r[RLIMIT_SIGPENDING].rlim_cur == r[RLIMIT_NPROC].rlim_cur && r[RLIMIT_SIGPENDING].rlim_max == r[RLIMIT_NPROC].rlim_max ? "yes" : "no");
    printf("NOFILE soft <= hard: %s\n", r[RLIMIT_NOFILE].rlim_cur <= r[RLIMIT_NOFILE].rlim_max ? "yes" : "no");

    /* /proc/self/limits: the header as it is, then each line's name and unit, and its values checked. */
    f = fopen("/proc/self/limits", "r");
    if (f == NULL) {
        perror("/proc/self/limits");
        return 1;
    }
    if (fgets(line, sizeof line, f) == NULL) return 1;
    printf("%s", line);
    for (int i = 0; i < RLIM_NLIMITS; i++) {
        if (fgets(line, sizeof line, f) == NULL) return 1;
        size_t len = strlen(line);
        int ok = len >= 69 && line[len - 1] == '\n' && parse(line + 26) == r[i].rlim_cur && parse(line + 47) == r[i].rlim_max;
        char name[26];
        memcpy(name, line, 25);
        name[25] = 0;
        printf("%s|%s", name, line + 68 < line + len ? line + 68 : "\n");
        if (!ok) printf("  ^ does not match getrlimit(%s)\n", names[i]);
    }
    printf("end of file: %s\n", fgets(line, sizeof line, f) == NULL ? "yes" : "no");
    fclose(f);
    return 0;
}
