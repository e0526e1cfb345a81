/*
 * renice: set the nice value of running processes, as util-linux's renice.
 *     renice [-n] PRIORITY [-p|-g|-u] ID...
 * Each ID is a process (-p, the default), a process group (-g) or a user id (-u), and the
 * option applies to the IDs after it. For each, renice reads the old value, sets PRIORITY
 * (clamped to -20..19 by the kernel) and prints "PID (process ID) old priority 0, new
 * priority 5". A failure is reported with util-linux's message ("renice: failed to set
 * priority for 1 (process ID): Permission denied") and makes the exit status 1. Users are
 * given by number: Clonix has no user database.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char *prog;
static const char *const kinds[] = {"process ID", "process group ID", "user ID"};

static int usage(const char *message, const char *arg) {
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, message, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
    return 1;
}

/* Sets the nice value of one target; 0 on success, 1 (after the message) on failure. */
static int renice(int which, int who, int prio) {
    errno = 0;
    int old = getpriority(which, who);
    if (old == -1 && errno != 0) {
        fprintf(stderr, "%s: failed to get priority for %d (%s): %s\n", prog, who, kinds[which], strerror(errno));
        return 1;
    }
    if (setpriority(which, who, prio) < 0) {
        fprintf(stderr, "%s: failed to set priority for %d (%s): %s\n", prog, who, kinds[which], strerror(errno));
        return 1;
    }
    errno = 0;
    int now = getpriority(which, who);
    if (now == -1 && errno != 0) {
        fprintf(stderr, "%s: failed to get priority for %d (%s): %s\n", prog, who, kinds[which], strerror(errno));
        return 1;
    }
    printf("%d (%s) old priority %d, new priority %d\n", who, kinds[which], old, now);
    return 0;
}

int main(int argc, char **argv) {
    prog = argv[0];
    int i = 1;
    if (i < argc && (strcmp(argv[i], "-n") == 0 || strcmp(argv[i], "--priority") == 0)) i++;
    if (argc - i < 2) return usage("not enough arguments", NULL);
    char *end;
    long prio = strtol(argv[i], &end, 10);
    if (argv[i][0] == 0 || *end != 0) return usage("invalid priority '%s'", argv[i]);
    int which = PRIO_PROCESS, errors = 0;
    for (i++; i < argc; i++) {
        char *a = argv[i];
        if (strcmp(a, "-p") == 0 || strcmp(a, "--pid") == 0) {
            which = PRIO_PROCESS;
            continue;
        }
        if (strcmp(a, "-g") == 0 || strcmp(a, "--pgrp") == 0) {
            which = PRIO_PGRP;
            continue;
        }
        if (strcmp(a, "-u") == 0 || strcmp(a, "--user") == 0) {
            which = PRIO_USER;
            continue;
        }
        long who = strtol(a, &end, 10);
        if (a[0] == 0 || *end != 0) {
            if (which == PRIO_USER) fprintf(stderr, "%s: unknown user %s\n", prog, a);
            else fprintf(stderr, "%s: bad %s value: %s\n", prog, which == PRIO_PROCESS ? "process ID" : "process group ID", a);
            errors++;
            continue;
        }
        errors += renice(which, (int) who, (int) prio);
    }
    return errors != 0;
}
