/*
 * cat: copy each file (or standard input for "-" or no arguments) to standard output.
 * As coreutils' cat without options: a file that cannot be opened or read gives one line
 * "cat: NAME: reason" on stderr, the other files are still copied, and the exit status is 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buffer[65536];

/* Copies fd to standard output; 0, or errno of the failing read (or -errno of a write). */
static int copy(int fd) {
    for (;;) {
        long n = read(fd, buffer, sizeof buffer);
        if (n == 0) return 0;
        if (n < 0) return errno;
        for (long done = 0; done < n;) {
            long w = write(1, buffer + done, n - done);
            if (w < 0) return -errno;
            done += w;
        }
    }
}

/* Copies the file named name ("-": standard input); prints the error line and returns 1 on failure. */
static int cat_file(const char *prog, const char *name) {
    int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
        return 1;
    }
    int err = copy(fd);
    if (fd != 0) close(fd);
    if (err > 0) fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(err));
    if (err < 0) fprintf(stderr, "%s: write error: %s\n", prog, strerror(-err));
    return err != 0;
}

int main(int argc, char **argv) {
    if (getopt(argc, argv, "") != -1) {
        fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
        return 1;
    }
    if (optind == argc) return cat_file(argv[0], "-");
    int status = 0;
    for (int i = optind; i < argc; i++) status |= cat_file(argv[0], argv[i]);
    return status;
}
