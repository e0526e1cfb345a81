/*
 * semaphore.h: POSIX semaphores, 32 bytes as glibc's: unnamed ones (userland/lib/semaphore.c)
 * and named ones, files of /dev/shm mapped by every process that opens them
 * (userland/lib/sem_open.c).
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <time.h>

typedef union {
    struct {
        volatile int __value;         /* futex word: the count */
        volatile unsigned int __nwaiters; /* threads sleeping (or about to) on __value */
        int __private;                /* FUTEX_PRIVATE_FLAG unless shared between processes */
    } __data;
    char __size[32];
    long __align;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

/* Named semaphores: with O_CREAT, sem_open takes two more arguments, mode_t mode and
 * unsigned int value. */
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
