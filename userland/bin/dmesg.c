/*
 * dmesg: print the kernel's log, as util-linux's dmesg does when it reads it with
 * syslog(2) (klogctl): each record as "[seconds.micros] text", oldest first. The kernel keeps
 * the log in a ring (docs/kernel.md, "The kernel log"); the OOM killer writes there.
 *
 *   dmesg          print the log
 *   dmesg -r       print the raw records, with their "<level>" prefix
 *   dmesg -c       print the log, then clear it (needs privilege)
 *   dmesg -C       clear the log without printing it (needs privilege)
 *   dmesg -n N     set the console log level to N (1..8): messages below it reach the console
 *   dmesg -D, -E   disable, enable printing messages on the console
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_BUFFER 10

static int fail(const char *what) {
    fprintf(stderr, "dmesg: %s: %s\n", what, strerror(errno));
    return 1;
}

/* Prints the log (READ_ALL, or READ_CLEAR with clear), each line without its "<level>" unless raw. */
static int print_log(int clear, int raw) {
    int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
    if (size < 0) return fail("read kernel buffer failed");
    char *buf = malloc(size + 1);
    if (buf == NULL) return fail("cannot allocate the buffer");
    int n = klogctl(clear ? SYSLOG_ACTION_READ_CLEAR : SYSLOG_ACTION_READ_ALL, buf, size);
    if (n < 0) {
        free(buf);
        return fail("read kernel buffer failed");
    }
    buf[n] = 0;
    for (char *line = buf; *line != 0;) {
        char *end = strchr(line, '\n');
        if (end == NULL) end = line + strlen(line);
        char *text = line;
        if (!raw && *text == '<') {
            char *close = strchr(text, '>');
            if (close != NULL && close < end) text = close + 1;
        }
        fwrite(text, 1, end - text, stdout);
        putchar('\n');
        line = *end == 0 ? end : end + 1;
    }
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    int raw = 0, clear = 0, clear_only = 0, level = 0, console = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0) raw = 1;
        else if (strcmp(argv[i], "-c") == 0) clear = 1;
        else if (strcmp(argv[i], "-C") == 0) clear_only = 1;
        else if (strcmp(argv[i], "-D") == 0) console = SYSLOG_ACTION_CONSOLE_OFF;
        else if (strcmp(argv[i], "-E") == 0) console = SYSLOG_ACTION_CONSOLE_ON;
        else if (strcmp(argv[i], "-n") == 0) {
            char *end;
            if (i + 1 >= argc) {
                fprintf(stderr, "dmesg: option requires an argument -- 'n'\n");
                return 1;
            }
            level = (int) strtol(argv[++i], &end, 10);
            if (argv[i][0] == 0 || *end != 0 || level < 1 || level > 8) {
                fprintf(stderr, "dmesg: unknown level '%s'\n", argv[i]);
                return 1;
            }
        } else {
            fprintf(stderr, "dmesg: invalid option -- '%s'\n", argv[i][0] == '-' ? argv[i] + 1 : argv[i]);
            return 1;
        }
    }
    if (clear_only) return klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) < 0 ? fail("clear kernel buffer failed") : 0;
    if (level != 0) return klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, level) < 0 ? fail("klogctl failed") : 0;
    if (console != 0) return klogctl(console, NULL, 0) < 0 ? fail("klogctl failed") : 0;
    return print_log(clear, raw);
}
