/*
 * head: print the first lines (-n N, default 10) or bytes (-c N) of each file, or of
 * standard input for "-" or no file. With several files (or -v, but not with -q) each is
 * preceded by "==> NAME <==" and separated from the previous one by a blank line, as in coreutils;
 * an unreadable file gives "head: cannot open 'NAME' for reading: reason".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buffer[8192];

/* Parses a count for -n/-c ("5", or with coreutils' suffixes b, K, M); -1 if invalid. */
static long parse_count(const char *s) {
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9') return -1;
    long v = strtol(s, &end, 10);
    if (errno != 0) return -1;
    if (*end == 'b' && end[1] == 0) return v * 512;
    if (*end == 'K' && end[1] == 0) return v * 1024;
    if (*end == 'M' && end[1] == 0) return v * 1024 * 1024;
    return *end == 0 ? v : -1;
}

/* Writes the first count lines (or bytes) of fd; 0, or the errno of a failed read. */
static int head_fd(int fd, long count, int bytes) {
    while (count > 0) {
        long n = read(fd, buffer, sizeof buffer);
        if (n < 0) return errno;
        if (n == 0) return 0;
        long take = 0;
        if (bytes) {
            take = n < count ? n : count;
            count -= take;
        } else {
            while (take < n && count > 0) if (buffer[take++] == '\n') count--;
        }
        fwrite(buffer, 1, take, stdout);
    }
    return 0;
}

int main(int argc, char **argv) {
    long count = 10;
    int bytes = 0, headers = -1, c;
    /* The old form "head -12" (as -n 12), which coreutils still takes as the first argument. */
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        count = parse_count(argv[1] + 1);
        if (count < 0) {
            fprintf(stderr, "%s: invalid number of lines: '%s'\n", argv[0], argv[1] + 1);
            return 1;
        }
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    while ((c = getopt(argc, argv, "n:c:qv")) != -1) {
        if (c == '?') {
            fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
            return 1;
        }
        if (c == 'q' || c == 'v') {
            headers = c == 'v';
            continue;
        }
        bytes = c == 'c';
        count = parse_count(optarg);
        if (count < 0) {
            fprintf(stderr, "%s: invalid number of %s: '%s'\n", argv[0], bytes ? "bytes" : "lines", optarg);
            return 1;
        }
    }
    int files = argc - optind, status = 0;
    char *stdin_only[] = {"-"};
    char **names = files > 0 ? argv + optind : stdin_only;
    if (files == 0) files = 1;
    for (int i = 0; i < files; i++) {
        const char *name = names[i];
        int is_stdin = strcmp(name, "-") == 0;
        int fd = is_stdin ? 0 : open(name, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", argv[0], name, strerror(errno));
            status = 1;
            continue;
        }
        if (headers == 1 || (headers == -1 && argc - optind > 1)) printf("%s==> %s <==\n", i > 0 ? "\n" : "", is_stdin ? "standard input" : name);
        int err = head_fd(fd, count, bytes);
        if (err != 0) {
            fflush(stdout);
            fprintf(stderr, "%s: error reading '%s': %s\n", argv[0], name, strerror(err));
            status = 1;
        }
        if (!is_stdin) close(fd);
    }
    return status;
}
