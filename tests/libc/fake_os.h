/*
 * fake_os.h: the operating system under our libc when it runs on the host for testing.
 *
 * HostLibc.java renames every symbol of the libc under test with the prefix clx_, so the
 * system calls it makes arrive here as clx_write, clx_sbrk... Files go to the host's
 * real calls; writes to fd 1 and 2 are captured in memory (and counted) so that tests can
 * check buffering; the program break is a static array, so tests can also run out of it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int *clx___errno_location(void);

/* The thread pointer (tcb.h): the host test programs have one thread and no control block. */
void *clx___tcb(void)
{
    return 0;
}

/* libc's internal locks (lock.c) are never taken: the host test programs make no threads. */
long clx___syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
    (void)nr, (void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
    return -ENOSYS;
}

int clx___thread_tid(void) { return 1; }

/* Captured output of fds 1 and 2, and how many write calls each received. */
static char captured[3][1 << 16];
static size_t captured_len[3];
static int write_calls[3];
/* What clx_isatty answers for fds 0..2. */
static int fake_tty[3];

static long fail(void)
{
    *clx___errno_location() = errno;
    return -1;
}

long clx_write(int fd, const void *buf, size_t n)
{
    if (fd == 1 || fd == 2) {
        if (captured_len[fd] + n > sizeof captured[fd]) n = sizeof captured[fd] - captured_len[fd];
        memcpy(captured[fd] + captured_len[fd], buf, n);
        captured_len[fd] += n;
        write_calls[fd]++;
        return (long)n;
    }
    long r = write(fd, buf, n);
    return r < 0 ? fail() : r;
}

long clx_read(int fd, void *buf, size_t n)
{
    long r = read(fd, buf, n);
    return r < 0 ? fail() : r;
}

int clx_open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int mode = va_arg(ap, int);
    va_end(ap);
    int r = open(path, flags, mode);
    return r < 0 ? (int)fail() : r;
}

int clx_close(int fd)
{
    int r = close(fd);
    return r < 0 ? (int)fail() : r;
}

/* The variants of read, write and close that are never cancellation points (libc.h). */
long clx___read_nocancel(int fd, void *buf, unsigned long n) { return clx_read(fd, buf, n); }
long clx___write_nocancel(int fd, const void *buf, unsigned long n) { return clx_write(fd, buf, n); }
int clx___close_nocancel(int fd) { return clx_close(fd); }

long clx_lseek(int fd, long off, int whence)
{
    long r = lseek(fd, off, whence);
    return r < 0 ? fail() : r;
}

int clx_isatty(int fd) { return fd >= 0 && fd < 3 ? fake_tty[fd] : isatty(fd); }

/* The fake program break: a static array, so a test can exhaust it. */
static char fake_heap[32 << 20] __attribute__((aligned(4096)));
static size_t fake_break = 8; /* deliberately misaligned, as a real break may be */
static long sbrk_calls;

void *clx_sbrk(long increment)
{
    sbrk_calls++;
    if (increment < 0 || fake_break + (size_t)increment > sizeof fake_heap) {
        *clx___errno_location() = ENOMEM;
        return (void *)-1;
    }
    void *old = fake_heap + fake_break;
    fake_break += (size_t)increment;
    return old;
}

static long mmap_calls, munmap_calls;

void *clx_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
    mmap_calls++;
    void *p = mmap(addr, len, prot, flags, fd, off);
    if (p == MAP_FAILED) fail();
    return p;
}

int clx_munmap(void *addr, size_t len)
{
    munmap_calls++;
    return munmap(addr, len) < 0 ? (int)fail() : 0;
}

void clx_abort(void)
{
    printf("ABORT called\n");
    fflush(stdout);
    exit(134);
}
