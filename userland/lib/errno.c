/* errno.c: where errno lives, and the conversion of raw system-call results. */
#include <errno.h>
#include "libc.h"
#include "tcb.h"

/* The errno of a thread without a control block (tp == 0): code that runs without crt0's
 * set-up (tcb.h). */
static int process_errno;

/*
 * Returns the address of the calling thread's errno (the target of the errno macro): a
 * field of its control block when tp points at one, so that each thread has its own.
 */
int *__errno_location(void)
{
    struct tcb *self = __tcb();
    return self ? &self->errno_value : &process_errno;
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
