#define _GNU_SOURCE
/* poll(2) on pipes and other files: which events each end reports, POLLHUP and POLLERR
 * when the other end closes, POLLNVAL, timeouts, a sleeper woken by a writer, and the
 * errors in Linux's order. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, int fd, short events) {
    struct pollfd p = {fd, events, 0x7777};
    int r = poll(&p, 1, 0);
    printf("%-28s r=%d revents=%#x\n", what, r, p.revents);
}

int main(void) {
    int p[2];
    char buf[65536];
    pipe(p);
    show("empty read end", p[0], POLLIN | POLLOUT);
    show("empty write end", p[1], POLLIN | POLLOUT);
    write(p[1], "abc", 3);
    show("read end with data", p[0], POLLIN | POLLRDNORM);
    show("only POLLPRI asked", p[0], POLLPRI);
    close(p[1]);
    show("data, writer gone", p[0], POLLIN);
    show("POLLHUP though not asked", p[0], POLLPRI);
    read(p[0], buf, sizeof buf);
    show("drained, writer gone", p[0], POLLIN);
    close(p[0]);
    show("closed descriptor", p[0], POLLIN);

    pipe(p);
    close(p[0]);
    show("write end, reader gone", p[1], POLLOUT);
    close(p[1]);

    pipe2(p, O_NONBLOCK);
    int total = 0, n;
    while ((n = write(p[1], buf, 1000)) > 0) total += n;
    printf("filled %d bytes, then %s\n", total, strerror(errno));
    show("full write end", p[1], POLLOUT);
    read(p[0], buf, 4096);
    show("one page read", p[1], POLLOUT);
    close(p[0]);
    close(p[1]);

    struct pollfd several[4];
    pipe(p);
    write(p[1], "x", 1);
    several[0] = (struct pollfd){p[0], POLLIN, 0};
    several[1] = (struct pollfd){-5, POLLIN, 0x55};
    several[2] = (struct pollfd){p[1], POLLOUT, 0};
    several[3] = (struct pollfd){99, POLLIN, 0};
    int r = poll(several, 4, 1000);
    printf("four entries: r=%d %#x %#x %#x %#x\n", r, several[0].revents, several[1].revents, several[2].revents,
           several[3].revents);
    close(p[0]);
    close(p[1]);

    int fd = open("/dev/null", O_RDWR);
    show("/dev/null", fd, POLLIN | POLLOUT | POLLPRI);
    close(fd);
    fd = open("/tmp", O_RDONLY);
    show("a directory", fd, POLLIN | POLLOUT);
    close(fd);
    fd = open("/tmp/poll_pipe_readiness.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    show("a regular file", fd, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
    close(fd);
    unlink("/tmp/poll_pipe_readiness.txt");

    /* Nothing ready: 0 after the timeout, with revents cleared. */
    pipe(p);
    struct pollfd one = {p[0], POLLIN, 0x1234};
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    r = poll(&one, 1, 30);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    printf("timeout: r=%d revents=%#x waited at least 30 ms: %s\n", r, one.revents, ms >= 30 ? "yes" : "no");

    /* A sleeping poll is woken by a child's write. */
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, 20 * 1000 * 1000};
        nanosleep(&nap, 0);
        write(p[1], "late", 4);
        _exit(0);
    }
    one.revents = 0;
    r = poll(&one, 1, -1);
    n = read(p[0], buf, sizeof buf);
    printf("woken: r=%d revents=%#x read %d\n", r, one.revents, n);
    waitpid(child, 0, 0);
    close(p[1]);
    r = poll(&one, 1, -1);
    printf("after the writer closed: r=%d revents=%#x\n", r, one.revents);
    close(p[0]);

    /* Errors. */
    errno = 0;
    r = poll((struct pollfd *)16, 1, 0);
    printf("bad array: r=%d %s\n", r, strerror(errno));
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    errno = 0;
    r = poll(&one, rl.rlim_cur + 1, 0);
    printf("nfds above RLIMIT_NOFILE: r=%d %s\n", r, strerror(errno));
    errno = 0;
    r = poll(0, 0, 10);
    printf("no entries: r=%d errno=%d\n", r, errno);
    return 0;
}
