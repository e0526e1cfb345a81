/* errno.c: where errno lives, and the conversion of raw system-call results. */
#include <errno.h>
#include "libc.h"

/*
 * One errno for the process. THREADS: when libpthread arrives, each thread needs its own;
 * __errno_location will then return a field of the thread's descriptor found through tp.
 */
static int process_errno;

/* Returns the address of the calling thread's errno (the target of the errno macro). */
int *__errno_location(void)
{
    return &process_errno;
}

/*
 * Turns a raw result into the C convention: values in -4095..-1 are -errno, so set errno
 * and return -1; anything else is a success and is returned unchanged.
 */
long __syscall_ret(unsigned long r)
{
    if (r > -4096UL) {
        errno = (int)-(long)r;
        return -1;
    }
    return (long)r;
}
