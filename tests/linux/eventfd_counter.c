/* eventfd(2): the counter, semaphore mode, non-blocking reads and writes, overflow, poll,
 * a reader woken by another process, and the errors in Linux's order. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
    printf("%-34s %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

static int events(int fd) {
    struct pollfd p = {fd, POLLIN | POLLOUT, 0};
    poll(&p, 1, 0);
    return p.revents;
}

int main(void) {
    uint64_t v;
    int fd = eventfd(5, 0);
    struct stat st;
    fstat(fd, &st);
    printf("st_mode %o, size %ld, nlink %ld, flags %o\n", st.st_mode, (long)st.st_size, (long)st.st_nlink,
           fcntl(fd, F_GETFL));
    printf("poll: %#x\n", events(fd));
    v = 3;
    show("write 3", write(fd, &v, 8));
    show("read", read(fd, &v, 8));
    printf("value %llu, now poll %#x\n", (unsigned long long)v, events(fd));
    close(fd);

    fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    for (int i = 0; i < 3; i++) {
        v = 0;
        errno = 0;
        long r = read(fd, &v, 8);
        printf("semaphore read: %ld value %llu %s\n", r, (unsigned long long)v, r < 0 ? strerror(errno) : "");
    }
    v = 0xfffffffffffffffeULL;
    show("write the largest value", write(fd, &v, 8));
    printf("full: poll %#x\n", events(fd));
    v = 1;
    show("one more (non-blocking)", write(fd, &v, 8));
    v = 0xffffffffffffffffULL;
    show("write all ones", write(fd, &v, 8));
    show("read with 4 bytes", read(fd, &v, 4));
    show("write with 4 bytes", write(fd, &v, 4));
    char big[16] = {0};
    big[0] = 1;
    show("read with 16 bytes", read(fd, big, 16));
    show("write with 16 bytes", write(fd, big, 16));
    close(fd);

    errno = 0;
    show("unknown flag", eventfd(0, 2));
    int fds[2];
    fd = eventfd(0, EFD_CLOEXEC);
    printf("cloexec: %d\n", fcntl(fd, F_GETFD));

    /* A reader sleeps until another process adds to the counter. */
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        eventfd_write(fd, 42);
        _exit(0);
    }
    eventfd_t got;
    int r = eventfd_read(fd, &got);
    printf("woken: %d value %llu\n", r, (unsigned long long)got);
    waitpid(child, 0, 0);

    /* A writer sleeps until a read makes room. */
    v = 0xfffffffffffffff0ULL;
    write(fd, &v, 8);
    child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        uint64_t x;
        read(fd, &x, 8);
        _exit(0);
    }
    v = 0x100;
    show("write that must wait", write(fd, &v, 8));
    waitpid(child, 0, 0);
    read(fd, &v, 8);
    printf("counter after: %#llx\n", (unsigned long long)v);
    (void)fds;
    close(fd);
    return 0;
}
