/*
 * sys/eventfd.h: eventfd, a 64-bit counter behind a descriptor. write adds to it, read
 * takes it (or, with EFD_SEMAPHORE, 1 of it) and waits while it is 0. Values are Linux
 * x86-64's.
 */
#ifndef _SYS_EVENTFD_H
#define _SYS_EVENTFD_H

#include <stdint.h>

typedef uint64_t eventfd_t;

#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000

int eventfd(unsigned int initval, int flags);
/* read and write of the 8-byte value: 0, or -1 and errno. */
int eventfd_read(int fd, eventfd_t *value);
int eventfd_write(int fd, eventfd_t value);

#endif
