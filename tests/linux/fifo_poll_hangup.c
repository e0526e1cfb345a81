/* poll(2) on a named FIFO: a reader opened before any writer sees no hang-up; once a
 * writer has come and gone it does, as Linux's pipe_poll compares w_counter. A write end
 * with no reader left reports POLLERR. epoll_wait, like poll, ends with EINTR when a
 * handler runs, even under SA_RESTART. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int revents(int fd, short events) {
    struct pollfd p = {fd, events, 0};
    poll(&p, 1, 0);
    return p.revents;
}

static void on_usr1(int sig) {}

int main(void) {
    const char *path = "/tmp/fifo_poll_hangup";
    unlink(path);
    syscall(133, path, S_IFIFO | 0600, 0); /* mknod(2), as mkfifo does it */
    int r = open(path, O_RDONLY | O_NONBLOCK);
    printf("reader alone: %#x\n", revents(r, POLLIN));
    int w = open(path, O_WRONLY | O_NONBLOCK);
    printf("reader with a writer: %#x, writer: %#x\n", revents(r, POLLIN), revents(w, POLLOUT));
    write(w, "ab", 2);
    printf("data: %#x\n", revents(r, POLLIN));
    close(w);
    printf("writer gone, data left: %#x\n", revents(r, POLLIN));
    char buf[8];
    read(r, buf, sizeof buf);
    printf("writer gone, drained: %#x\n", revents(r, POLLIN));
    int r2 = open(path, O_RDONLY | O_NONBLOCK);
    printf("a reader opened after the writer left: %#x\n", revents(r2, POLLIN));
    w = open(path, O_WRONLY | O_NONBLOCK);
    close(r);
    close(r2);
    printf("writer, readers gone: %#x\n", revents(w, POLLOUT));
    close(w);
    int rw = open(path, O_RDWR);
    printf("read-write end: %#x\n", revents(rw, POLLIN | POLLOUT));
    close(rw);
    unlink(path);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, 0);
    int ep = epoll_create1(0);
    pid_t parent = getpid();
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    struct epoll_event ev;
    errno = 0;
    int n = epoll_wait(ep, &ev, 1, -1);
    printf("epoll_wait under SA_RESTART: %d %s\n", n, strerror(errno));
    waitpid(child, 0, 0);
    return 0;
}
