/*
 * taskset: show or set a task's CPU affinity, as util-linux's taskset.
 *     taskset [-a] -p [MASK] PID      show (and with MASK set) the affinity of PID
 *     taskset MASK COMMAND [ARG]...   run COMMAND with the affinity MASK
 * MASK is hexadecimal ("3" is CPUs 0 and 1, "0x" allowed); with -c it is a list instead
 * ("0,2-3"). -a applies to every thread of PID (the entries of /proc/PID/task). The
 * messages are util-linux's: "pid N's current affinity mask: 3", "taskset: failed to
 * parse CPU mask: xx", "taskset: failed to set pid N's affinity: Invalid argument"...
 */
#include <ctype.h>
#include <errno.h>
#include <proc/readproc.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog;
static int use_list;

/* util-linux's "bad usage" lines; returns the exit status 1. */
static int usage(void) {
    fprintf(stderr, "%s: bad usage\nTry '%s --help' for more information.\n", prog, prog);
    return 1;
}

/* Parses a hexadecimal mask into set; -1 if it is not one. */
static int parse_mask(const char *s, cpu_set_t *set) {
    CPU_ZERO(set);
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
    int len = (int) strlen(s);
    if (len == 0) return -1;
    for (int i = 0; i < len; i++) {
        int c = tolower((unsigned char) s[len - 1 - i]);
        int v = isdigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return -1;
        for (int bit = 0; bit < 4; bit++) if (v & (1 << bit)) CPU_SET(i * 4 + bit, set);
    }
    return 0;
}

/* Parses a list such as "0,2-3" (or "0-7:2", every second) into set; -1 if it is not one. */
static int parse_list(const char *s, cpu_set_t *set) {
    CPU_ZERO(set);
    while (*s) {
        char *end;
        if (!isdigit((unsigned char) *s)) return -1;
        long lo = strtol(s, &end, 10), hi = lo, stride = 1;
        if (*end == '-') {
            if (!isdigit((unsigned char) end[1])) return -1;
            hi = strtol(end + 1, &end, 10);
            if (*end == ':') {
                if (!isdigit((unsigned char) end[1])) return -1;
                stride = strtol(end + 1, &end, 10);
            }
        }
        if (hi < lo || stride < 1 || hi >= CPU_SETSIZE) return -1;
        for (long c = lo; c <= hi; c += stride) CPU_SET(c, set);
        if (*end == ',') end++;
        else if (*end != 0) return -1;
        s = end;
    }
    return 0;
}

/* The mask as minimal hexadecimal ("3", "f"). */
static void format_mask(const cpu_set_t *set, char *out) {
    int top = CPU_SETSIZE - 1;
    while (top > 0 && !CPU_ISSET(top, set)) top--;
    int n = 0;
    for (int nibble = top / 4; nibble >= 0; nibble--) {
        int v = 0;
        for (int bit = 0; bit < 4; bit++) if (CPU_ISSET(nibble * 4 + bit, set)) v |= 1 << bit;
        out[n++] = "0123456789abcdef"[v];
    }
    out[n] = 0;
}

/* The mask as a list as util-linux writes it: runs of three or more as ranges ("0-2,5,6"). */
static void format_list(const cpu_set_t *set, char *out) {
    int n = 0;
    out[0] = 0;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, set)) continue;
        int end = c;
        while (end + 1 < CPU_SETSIZE && CPU_ISSET(end + 1, set)) end++;
        if (end - c >= 2) {
            n += sprintf(out + n, "%s%d-%d", n > 0 ? "," : "", c, end);
            c = end;
        } else {
            n += sprintf(out + n, "%s%d", n > 0 ? "," : "", c);
        }
    }
}

/* "pid N's WHEN affinity mask: M" (or "list: L" with -c). */
static void print_affinity(int pid, const char *when, const cpu_set_t *set) {
    char text[4096];
    if (use_list) format_list(set, text);
    else format_mask(set, text);
    printf("pid %d's %s affinity %s: %s\n", pid, when, use_list ? "list" : "mask", text);
}

/* -p for one task: prints its affinity, and sets and prints the new one if new_set is given. */
static int for_pid(int pid, const cpu_set_t *new_set) {
    cpu_set_t set;
    if (sched_getaffinity(pid, sizeof set, &set) < 0) {
        fprintf(stderr, "%s: failed to get pid %d's affinity: %s\n", prog, pid, strerror(errno));
        return 1;
    }
    print_affinity(pid, "current", &set);
    if (new_set == NULL) return 0;
    if (sched_setaffinity(pid, sizeof *new_set, new_set) < 0) {
        fprintf(stderr, "%s: failed to set pid %d's affinity: %s\n", prog, pid, strerror(errno));
        return 1;
    }
    sched_getaffinity(pid, sizeof set, &set);
    print_affinity(pid, "new", &set);
    return 0;
}

int main(int argc, char **argv) {
    int c, pid_mode = 0, all_tasks = 0;
    prog = argv[0];
    while ((c = getopt(argc, argv, "+acp")) != -1) {
        if (c == 'a') all_tasks = 1;
        else if (c == 'c') use_list = 1;
        else if (c == 'p') pid_mode = 1;
        else return usage();
    }
    int left = argc - optind;
    if ((pid_mode && (left < 1 || left > 2)) || (!pid_mode && left < 2)) return usage();
    cpu_set_t set;
    const char *spec = pid_mode && left == 1 ? NULL : argv[optind];
    if (spec != NULL && (use_list ? parse_list(spec, &set) : parse_mask(spec, &set)) < 0) {
        fprintf(stderr, "%s: failed to parse CPU %s: %s\n", prog, use_list ? "list" : "mask", spec);
        return 1;
    }
    if (!pid_mode) {
        if (sched_setaffinity(0, sizeof set, &set) < 0) {
            fprintf(stderr, "%s: failed to set pid %d's affinity: %s\n", prog, getpid(), strerror(errno));
            return 1;
        }
        execvp(argv[optind + 1], argv + optind + 1);
        int err = errno;
        fprintf(stderr, "%s: failed to execute %s: %s\n", prog, argv[optind + 1], strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    char *end;
    const char *pid_text = argv[argc - 1];
    long pid = strtol(pid_text, &end, 10);
    if (*pid_text == 0 || *end != 0 || pid < 0) {
        fprintf(stderr, "%s: invalid PID argument: '%s'\n", prog, pid_text);
        return 1;
    }
    if (!all_tasks) return for_pid((int) pid, spec != NULL ? &set : NULL);
    int *tids;
    int n = list_tasks((int) pid, &tids);
    if (n < 0) return for_pid((int) pid, spec != NULL ? &set : NULL);
    int status = 0;
    for (int i = 0; i < n; i++) status |= for_pid(tids[i], spec != NULL ? &set : NULL);
    free(tids);
    return status;
}
