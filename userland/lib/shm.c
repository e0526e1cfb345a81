/*
 * shm.c: POSIX shared memory objects, shm_open and shm_unlink, as glibc makes them: an
 * object is a file of /dev/shm, opened with O_NOFOLLOW and O_CLOEXEC. A process maps it
 * with mmap(MAP_SHARED), sizes it with ftruncate, and every process that opens the same
 * name shares its pages (the kernel maps the file's own page cache).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "shm.h"

int __shm_get_name(char *path, const char *name, int sem_prefix)
{
    while (name[0] == '/') name++;
    size_t namelen = strlen(name) + 1;
    if (namelen == 1 || namelen >= NAME_MAX || strchr(name, '/') != NULL) return EINVAL;
    strcpy(path, "/dev/shm/");
    if (sem_prefix) strcat(path, "sem.");
    strcat(path, name);
    return 0;
}

/* Opens (or with O_CREAT makes) the object name: a descriptor, or -1 with errno from
 * the name's check or from open, EISDIR turned into EINVAL as glibc does. */
int shm_open(const char *name, int oflag, mode_t mode)
{
    char path[__SHM_PATH_MAX];
    int err = __shm_get_name(path, name, 0);
    if (err != 0) {
        errno = err;
        return -1;
    }
    int fd = open(path, oflag | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd == -1 && errno == EISDIR) errno = EINVAL;
    return fd;
}

/* Removes the name of a shared memory object (sem_prefix 0) or a named semaphore (1);
 * processes that have it open or mapped keep it. -1 with errno: EINVAL for a bad name,
 * ENOENT if there is none, and EACCES for unlink's EPERM, as glibc reports it. */
int __shm_unlink_name(const char *name, int sem_prefix)
{
    char path[__SHM_PATH_MAX];
    int err = __shm_get_name(path, name, sem_prefix);
    if (err != 0) {
        errno = err;
        return -1;
    }
    int r = unlink(path);
    if (r < 0 && errno == EPERM) errno = EACCES;
    return r;
}

int shm_unlink(const char *name)
{
    return __shm_unlink_name(name, 0);
}
