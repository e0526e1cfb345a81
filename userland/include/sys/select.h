/*
 * sys/select.h: waiting for descriptors with bitmaps (select, pselect). An fd_set holds one
 * bit per descriptor below FD_SETSIZE; select keeps in each set only the descriptors that
 * are ready. Layout and values are Linux x86-64's (glibc's).
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <sys/types.h>
#include <time.h>

/* struct timeval, shared with <sys/time.h> under glibc's guard. */
#ifndef __timeval_defined
#define __timeval_defined 1
struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};
#endif

#define FD_SETSIZE 1024

typedef long fd_mask;
#define NFDBITS (8 * (int)sizeof(fd_mask))

typedef struct {
    fd_mask fds_bits[FD_SETSIZE / NFDBITS];
} fd_set;

#define FD_ZERO(set) \
    do { \
        unsigned int __i; \
        for (__i = 0; __i < sizeof(fd_set) / sizeof(fd_mask); __i++) (set)->fds_bits[__i] = 0; \
    } while (0)
#define FD_SET(fd, set) ((void)((set)->fds_bits[(fd) / NFDBITS] |= (fd_mask)1 << ((fd) % NFDBITS)))
#define FD_CLR(fd, set) ((void)((set)->fds_bits[(fd) / NFDBITS] &= ~((fd_mask)1 << ((fd) % NFDBITS))))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / NFDBITS] & ((fd_mask)1 << ((fd) % NFDBITS))) != 0)

/* Waits until a descriptor of the sets below nfds is ready, or the timeout (NULL: for ever)
 * passes; returns the number of bits left set, 0 on timeout, -1 and errno on failure. Linux
 * writes what remains of the timeout back to *timeout. */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);

/* select with a timespec, left unchanged, and with *sigmask blocked while it waits (NULL:
 * unchanged). */
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timespec *timeout,
            const sigset_t *sigmask);

#endif
