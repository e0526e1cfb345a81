/*
 * uthread_io.c: blocking system calls for user threads of the two-level library. Each is
 * the libc call between uthread_blocking_begin and uthread_blocking_end, so that the
 * library knows the caller's LWP may sleep in the kernel and can add an LWP if none would
 * be left to run the ready threads (see uthread_lwp.c).
 */
#include <time.h>
#include <unistd.h>
#include <uthread.h>

/* read(2) from a user thread; the result and errno are read's. */
ssize_t uthread_read(int fd, void *buf, size_t count)
{
    ssize_t n;
    uthread_blocking_begin();
    n = read(fd, buf, count);
    uthread_blocking_end();
    return n;
}

/* write(2) from a user thread; the result and errno are write's. */
ssize_t uthread_write(int fd, const void *buf, size_t count)
{
    ssize_t n;
    uthread_blocking_begin();
    n = write(fd, buf, count);
    uthread_blocking_end();
    return n;
}

/* nanosleep(2) from a user thread; the result and errno are nanosleep's. */
int uthread_nanosleep(const struct timespec *request, struct timespec *remaining)
{
    int r;
    uthread_blocking_begin();
    r = nanosleep(request, remaining);
    uthread_blocking_end();
    return r;
}
