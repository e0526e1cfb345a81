/*
 * sys/epoll.h: epoll, the scalable way to wait for many descriptors. An epoll instance
 * holds a set of watches (epoll_ctl); epoll_wait returns the watches whose events are
 * ready, with the data given for each. Level-triggered by default: a watch is reported
 * while its condition lasts; EPOLLET reports it once per change, EPOLLONESHOT once until
 * re-armed with EPOLL_CTL_MOD. Values and layout are Linux x86-64's.
 */
#ifndef _SYS_EPOLL_H
#define _SYS_EPOLL_H

#include <signal.h>
#include <stdint.h>

#define EPOLLIN 0x001
#define EPOLLPRI 0x002
#define EPOLLOUT 0x004
#define EPOLLERR 0x008 /* always reported */
#define EPOLLHUP 0x010 /* always reported */
#define EPOLLRDNORM 0x040
#define EPOLLRDBAND 0x080
#define EPOLLWRNORM 0x100
#define EPOLLWRBAND 0x200
#define EPOLLMSG 0x400
#define EPOLLRDHUP 0x2000
#define EPOLLEXCLUSIVE (1u << 28) /* wake one of several instances watching the file */
#define EPOLLWAKEUP (1u << 29)
#define EPOLLONESHOT (1u << 30) /* report once, then disarm until EPOLL_CTL_MOD */
#define EPOLLET (1u << 31)        /* edge-triggered: report changes, not states */

#define EPOLL_CLOEXEC 02000000

#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

typedef union epoll_data {
    void *ptr;
    int fd;
    uint32_t u32;
    uint64_t u64;
} epoll_data_t;

/* Packed on x86-64, as the kernel has it: 12 bytes. */
struct epoll_event {
    uint32_t events;
    epoll_data_t data;
} __attribute__((packed));

int epoll_create(int size); /* size must be positive and is otherwise ignored */
int epoll_create1(int flags);
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);
int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask);

#endif
