/* random.c: getrandom(2) and getentropy. */
#include <errno.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include "libc.h"

/* It may wait for the entropy pool on Linux, so it is a cancellation point there. */
ssize_t getrandom(void *buf, size_t buflen, unsigned int flags)
{
    return __syscall_ret(__syscall_cancel3(SYS_getrandom, buf, buflen, flags));
}

/* At most 256 bytes (EIO beyond, as glibc), all of them or an error. */
int getentropy(void *buf, size_t length)
{
    unsigned char *p = buf;
    if (length > 256) {
        errno = EIO;
        return -1;
    }
    while (length > 0) {
        ssize_t n = getrandom(p, length, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += n;
        length -= n;
    }
    return 0;
}
