/*
 * poll.h: waiting for several descriptors at once (poll, ppoll). Each struct pollfd names
 * a descriptor and the events wanted; the kernel fills revents with those that are ready,
 * plus POLLERR, POLLHUP and POLLNVAL (descriptor not open), which are always reported.
 * Values are Linux x86-64's.
 */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <time.h>

#define POLLIN 0x001     /* data to read */
#define POLLPRI 0x002    /* urgent data to read */
#define POLLOUT 0x004    /* writing will not block */
#define POLLERR 0x008    /* error (a pipe's write end with no reader) */
#define POLLHUP 0x010    /* hung up (a pipe's read end with no writer) */
#define POLLNVAL 0x020   /* the descriptor is not open */
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLMSG 0x400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000 /* the peer shut its writing half down (sockets) */

typedef unsigned long nfds_t;

struct pollfd {
    int fd;        /* the descriptor; a negative one is skipped (revents 0) */
    short events;  /* the events wanted */
    short revents; /* the events that are ready */
};

/* Waits up to timeout milliseconds (negative: for ever, 0: not at all); returns how many
 * entries have a non-zero revents, 0 on timeout, -1 and errno on failure. */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);

/* poll with a timespec (NULL: for ever) and with *sigmask as the blocked signals while it
 * waits (NULL: unchanged). */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask);

#endif
