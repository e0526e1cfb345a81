/* What /proc/self/fd shows for files that have no name: pipes, sockets, eventfd, epoll, timerfd, signalfd. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

static void show(const char *what, int fd) {
    char path[64], target[128];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) { printf("%s: readlink failed\n", what); return; }
    target[n] = 0;
    /* The inode numbers differ between systems; keep the kind. */
    char *bracket = strchr(target, '[');
    if (bracket && strncmp(target, "anon_inode", 10) != 0) strcpy(bracket, "[N]");
    printf("%s: %s\n", what, target);
}

int main(void) {
    int p[2], s[2];
    pipe(p);
    socketpair(AF_UNIX, SOCK_STREAM, 0, s);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    show("pipe read end", p[0]);
    show("pipe write end", p[1]);
    show("socket", s[0]);
    show("eventfd", eventfd(0, 0));
    show("epoll", epoll_create1(0));
    show("timerfd", timerfd_create(CLOCK_MONOTONIC, 0));
    show("signalfd", signalfd(-1, &mask, 0));
    return 0;
}
