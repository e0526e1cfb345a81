/*
 * nice: run a command with an adjusted niceness, or print the niceness, as coreutils' nice.
 *     nice                      print the current niceness (0 to start with)
 *     nice [-n N] COMMAND [ARG]...  add N (default 10) to the niceness, then exec COMMAND
 * N may also be given as -N (nice -5 cmd), -nN or --adjustment=N. The result is clamped to
 * -20..19 by the kernel; raising the priority (a negative N) needs privilege: without it
 * nice warns "cannot set niceness: Permission denied" and runs the command anyway, as
 * coreutils does. The exit status is the command's, or 125 (nice's own error), 126 (the
 * command cannot be run) or 127 (not found). The messages are coreutils' in the C locale.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog;

/* coreutils' "Try" line after a usage error; returns nice's error status, 125. */
static int usage(void) {
    fprintf(stderr, "Try '%s --help' for more information.\n", prog);
    return 125;
}

/* Parses an adjustment; 0 if it is not a number. coreutils accepts a leading + or -. */
static int parse(const char *s, long *out) {
    char *end;
    errno = 0;
    *out = strtol(s, &end, 10);
    if (*s == 0 || *end != 0 || errno != 0) {
        fprintf(stderr, "%s: invalid adjustment '%s'\n", prog, s);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv) {
    prog = argv[0];
    const char *given = NULL;
    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1] != 0) {
        char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "--help") == 0) {
            printf("Usage: %s [OPTION] [COMMAND [ARG]...]\n"
                   "Run COMMAND with an adjusted niceness, which affects process scheduling.\n"
                   "With no COMMAND, print the current niceness.  Niceness values range from\n"
                   "-20 (most favorable to the process) to 19 (least favorable to the process).\n\n"
                   "  -n, --adjustment=N   add integer N to the niceness (default 10)\n", prog);
            return 0;
        } else if (strcmp(a, "-n") == 0 || strcmp(a, "--adjustment") == 0) {
            if (i + 1 == argc) {
                fprintf(stderr, "%s: option requires an argument -- 'n'\n", prog);
                return usage();
            }
            given = argv[i + 1];
            i += 2;
        } else if (strncmp(a, "--adjustment=", 13) == 0) {
            given = a + 13;
            i++;
        } else if (a[1] == 'n') {
            given = a + 2;
            i++;
        } else if ((a[1] >= '0' && a[1] <= '9') || (a[1] == '-' && a[2] >= '0' && a[2] <= '9')) {
            given = a + 1; /* the obsolescent -N (and --N for a negative N) */
            i++;
        } else {
            if (a[1] == '-') fprintf(stderr, "%s: unrecognized option '%s'\n", prog, a);
            else fprintf(stderr, "%s: invalid option -- '%c'\n", prog, a[1]);
            return usage();
        }
    }
    long adjustment = 10;
    if (given != NULL && !parse(given, &adjustment)) return 125;
    if (i == argc) {
        if (given != NULL) {
            fprintf(stderr, "%s: a command must be given with an adjustment\n", prog);
            return usage();
        }
        errno = 0;
        int now = nice(0);
        if (now == -1 && errno != 0) {
            fprintf(stderr, "%s: cannot get niceness: %s\n", prog, strerror(errno));
            return 125;
        }
        printf("%d\n", now);
        return 0;
    }
    /* Far beyond the range only clamps; keep the sum from overflowing an int. */
    if (adjustment < -40) adjustment = -40;
    if (adjustment > 40) adjustment = 40;
    errno = 0;
    if (nice((int) adjustment) == -1 && errno != 0) {
        int err = errno;
        fprintf(stderr, "%s: cannot set niceness: %s\n", prog, strerror(err));
        if (err != EPERM && err != EACCES) return 125;
    }
    execvp(argv[i], argv + i);
    int err = errno;
    fprintf(stderr, "%s: '%s': %s\n", prog, argv[i], strerror(err));
    return err == ENOENT ? 127 : 126;
}
