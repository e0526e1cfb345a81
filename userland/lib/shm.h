/*
 * shm.h: the name rules POSIX shared memory objects and named semaphores share, as
 * glibc's __shm_get_name: both are files in /dev/shm (a semaphore's name gets "sem." in
 * front), named by a string whose leading slashes are dropped and that holds no other.
 */
#ifndef _CLONIX_SHM_H
#define _CLONIX_SHM_H

#include <limits.h>

/* Room for "/dev/shm/", "sem.", a name and its NUL. */
#define __SHM_PATH_MAX (9 + 4 + NAME_MAX + 1)

/* Writes the path of object name into path (__SHM_PATH_MAX bytes), with "sem." in front of
 * the name if sem_prefix: 0, or EINVAL for an empty name, one of NAME_MAX - 1 bytes or
 * more, or one with a slash after the leading ones. */
int __shm_get_name(char *path, const char *name, int sem_prefix);
int __shm_unlink_name(const char *name, int sem_prefix);

#endif
