/*
 * semaphore.h: POSIX unnamed semaphores (userland/lib/semaphore.c), 32 bytes as glibc's.
 * Named semaphores (sem_open) are not provided.
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

#endif
