/*
 * dirent.c: directory streams over getdents64(2), as glibc's opendir/readdir/closedir.
 *
 * A DIR owns a descriptor opened with O_RDONLY|O_DIRECTORY|O_CLOEXEC and a buffer of raw
 * linux_dirent64 records. readdir hands out pointers into that buffer, so an entry stays
 * valid until the next readdir or closedir on the same stream (as POSIX allows). The
 * record layout is exactly struct dirent's, so no copying is needed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"

#define DIR_BUFFER_SIZE 4096

struct __dirstream {
    int fd;
    int size;   /* bytes of records in buf */
    int next;   /* offset of the next record to return */
    char buf[DIR_BUFFER_SIZE];
};

/* Wraps the directory descriptor fd in a new stream; on failure returns NULL, fd stays open. */
DIR *fdopendir(int fd) {
    struct stat st;
    if (fstat(fd, &st) < 0) return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    DIR *dir = malloc(sizeof(DIR));
    if (dir == NULL) return NULL;
    dir->fd = fd;
    dir->size = 0;
    dir->next = 0;
    return dir;
}

/* Opens the directory at path; NULL with errno set (ENOENT, ENOTDIR, ...) on failure. */
DIR *opendir(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return NULL;
    DIR *dir = fdopendir(fd);
    if (dir == NULL) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return dir;
}

/*
 * The next entry ("." and ".." included), or NULL at the end (errno unchanged) or on an
 * error (errno set). The entry is overwritten by the next call on the same stream.
 */
struct dirent *readdir(DIR *dir) {
    if (dir->next >= dir->size) {
        long n = __syscall3(SYS_getdents64, dir->fd, dir->buf, DIR_BUFFER_SIZE);
        if (n <= 0) {
            if (n < 0) errno = (int) -n;
            return NULL;
        }
        dir->size = (int) n;
        dir->next = 0;
    }
    struct dirent *entry = (struct dirent *) (dir->buf + dir->next);
    dir->next += entry->d_reclen;
    return entry;
}

/* Starts the stream again from the first entry. */
void rewinddir(DIR *dir) {
    lseek(dir->fd, 0, SEEK_SET);
    dir->size = 0;
    dir->next = 0;
}

/* The stream's descriptor (closed by closedir). */
int dirfd(DIR *dir) {
    return dir->fd;
}

/* Closes the descriptor and frees the stream; returns close's result. */
int closedir(DIR *dir) {
    int rc = close(dir->fd);
    free(dir);
    return rc;
}
