/*
 * RLIMIT_NOFILE bounds the descriptors a process may use: open, dup, pipe and F_DUPFD fail
 * with EMFILE when every descriptor below the soft limit is taken, dup2 to a descriptor at
 * or above it is EBADF and F_DUPFD from there EINVAL. Lowering the limit leaves descriptors
 * already above it open.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void try(const char *what, long result) {
    if (result >= 0) printf("%-30s %ld\n", what, result);
    else printf("%-30s %s\n", what, strerror(errno));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct rlimit r;
    getrlimit(RLIMIT_NOFILE, &r);
    rlim_t hard = r.rlim_max;
    int null = open("/dev/null", O_RDWR);
    printf("/dev/null is descriptor %d\n", null);
    r.rlim_cur = 16;
    try("setrlimit(NOFILE, 16)", setrlimit(RLIMIT_NOFILE, &r));
    int last = -1, fd;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0) last = fd;
    printf("opened up to descriptor %d, then: %s\n", last, strerror(errno));
    try("dup", dup(null));
    try("fcntl(F_DUPFD, 10)", fcntl(null, F_DUPFD, 10));
    try("fcntl(F_DUPFD, 16)", fcntl(null, F_DUPFD, 16));
    try("dup2 to 15", dup2(null, 15));
    try("dup2 to 16", dup2(null, 16));
    try("dup3 to 16", dup3(null, 16, 0));
    close(15);
    int fds[2];
    try("pipe with one free descriptor", pipe(fds));
    try("open with one free descriptor", open("/dev/null", O_RDONLY));

    r.rlim_cur = 300;
    try("setrlimit(NOFILE, 300)", setrlimit(RLIMIT_NOFILE, &r));
    try("dup2 to 299", dup2(null, 299));
    r.rlim_cur = 8;
    try("setrlimit(NOFILE, 8)", setrlimit(RLIMIT_NOFILE, &r));
    try("write to 299, above the limit", write(299, "", 0));
    try("dup under the lower limit", dup(null));
    r.rlim_cur = hard;
    try("soft limit back to the hard one", setrlimit(RLIMIT_NOFILE, &r));
    return 0;
}
