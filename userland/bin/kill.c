/*
 * kill: send a signal to processes, as procps-ng's kill.
 *     kill [-s SIGNAL | -SIGNAL] PID...     (default SIGTERM; PID -1 and -PGID as kill(2))
 *     kill -l [SIGNAL]                       list the names, or convert a number to a name
 * A signal is named with or without "SIG", in any case, or given by number. Failures are
 * one line each, "kill: (PID): reason", and make the exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Linux x86-64's signal names, indexed by number (1..31). */
static const char *signal_names[] = {
    "0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
    "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
};
#define LAST_NAMED_SIGNAL 31

/* The number of the signal spelled s ("9", "KILL", "sigkill", "RTMIN+1"); -1 if none. */
static int parse_signal(const char *s) {
    if (isdigit((unsigned char) *s)) {
        char *end;
        long n = strtol(s, &end, 10);
        return *end == 0 && n >= 0 && n < NSIG ? (int) n : -1;
    }
    if (strncasecmp(s, "SIG", 3) == 0) s += 3;
    for (int i = 1; i <= LAST_NAMED_SIGNAL; i++)
        if (strcasecmp(s, signal_names[i]) == 0) return i;
    if (strcasecmp(s, "IO") == 0) return SIGIO;
    if (strcasecmp(s, "IOT") == 0) return SIGABRT;
    if (strncasecmp(s, "RTMIN", 5) == 0 || strncasecmp(s, "RTMAX", 5) == 0) {
        int base = toupper((unsigned char) s[4]) == 'N' ? SIGRTMIN : SIGRTMAX;
        if (s[5] == 0) return base;
        char *end;
        long off = strtol(s + 5, &end, 10);
        long n = base + off;
        return *end == 0 && n >= SIGRTMIN && n <= SIGRTMAX ? (int) n : -1;
    }
    return -1;
}

/* kill -l: the names of signals 1..31 as procps prints them, sixteen to a line. */
static void list_signals(void) {
    for (int i = 1; i <= LAST_NAMED_SIGNAL; i++)
        printf("%s%c", signal_names[i], i == 16 || i == LAST_NAMED_SIGNAL ? '\n' : ' ');
}

/* The start of procps's usage text, for a missing pid; returns the exit status 1. */
static int usage(const char *prog) {
    fprintf(stderr, "Usage:\n %s [options] <pid> [...]\n", prog);
    return 1;
}

int main(int argc, char **argv) {
    int sig = SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        if (i + 1 == argc) {
            list_signals();
            return 0;
        }
        int n = parse_signal(argv[i + 1]);
        if (n < 0) {
            fprintf(stderr, "%s: unknown signal name %s\n", argv[0], argv[i + 1]);
            return 1;
        }
        if (isdigit((unsigned char) argv[i + 1][0])) {
            if (n >= 1 && n <= LAST_NAMED_SIGNAL) printf("%s\n", signal_names[n]);
            else printf("%d\n", n);
        } else {
            printf("%d\n", n);
        }
        return 0;
    }
    if (i < argc && strcmp(argv[i], "-s") == 0) {
        if (i + 1 == argc) return usage(argv[0]);
        sig = parse_signal(argv[i + 1]);
        if (sig < 0) {
            fprintf(stderr, "%s: unknown signal: %s\n", argv[0], argv[i + 1]);
            return 1;
        }
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] != 0 && strcmp(argv[i], "--") != 0
               && !isdigit((unsigned char) argv[i][1])) {
        sig = parse_signal(argv[i] + 1);
        if (sig < 0) {
            fprintf(stderr, "%s: unknown signal: %s\n", argv[0], argv[i] + 1);
            return 1;
        }
        i++;
    } else if (i < argc && argv[i][0] == '-' && isdigit((unsigned char) argv[i][1]) && i + 1 < argc) {
        /* "-9 PID": a number right after kill is the signal when a pid follows. */
        sig = parse_signal(argv[i] + 1);
        if (sig < 0) {
            fprintf(stderr, "%s: unknown signal: %s\n", argv[0], argv[i] + 1);
            return 1;
        }
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0) i++;
    if (i == argc) return usage(argv[0]);
    int status = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (argv[i][0] == 0 || *end != 0) {
            fprintf(stderr, "%s: failed to parse argument: '%s'\n", argv[0], argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t) pid, sig) < 0) {
            fprintf(stderr, "%s: (%ld): %s\n", argv[0], pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
