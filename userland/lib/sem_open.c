/*
 * sem_open.c: POSIX named semaphores, sem_open, sem_close and sem_unlink, as glibc makes
 * them. A named semaphore is a sem_t in a file of /dev/shm called "sem.NAME", mapped
 * MAP_SHARED by every process that opens it, so its futex word is shared memory and the
 * kernel keys the futex by the physical page (a shared, not a private, futex).
 *
 * Creating one must never show another process a file without a valid sem_t in it, so
 * sem_open writes the initial semaphore to a temporary file and then gives it its name
 * with link(2), which fails with EEXIST rather than replace a name that exists.
 *
 * Opening the same name twice in one process gives the same address (POSIX requires it):
 * the process keeps a list of the semaphores it has mapped, keyed by name and file, with a
 * count of sem_open calls that sem_close gives back.
 */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lock.h"
#include "shm.h"

#define SEM_VALUE_MAX 2147483647
/* How many temporary names sem_open tries before it gives up with EAGAIN (glibc's NRETRIES). */
#define NRETRIES 50

/* One semaphore this process has mapped. */
struct mapping {
    struct mapping *next;
    dev_t dev;
    ino_t ino;
    char *name;
    sem_t *sem;
    int refcount;
};

static struct mapping *mappings;
static volatile int mappings_lock;

/*
 * Records that name, open as fd, is in use: if this process already maps that file under
 * that name, counts one more user and returns the existing address (unmapping made, the
 * caller's fresh mapping, if any); otherwise maps it (or keeps made) and adds it to the
 * list. SEM_FAILED with errno if fstat, mmap or malloc fails.
 */
static sem_t *check_add_mapping(const char *name, int fd, sem_t *made)
{
    struct stat st;
    if (fstat(fd, &st) != 0) return SEM_FAILED;
    sem_t *result = SEM_FAILED;
    __lock(&mappings_lock);
    struct mapping *m;
    for (m = mappings; m != NULL; m = m->next) {
        if (m->ino == st.st_ino && m->dev == st.st_dev && strcmp(m->name, name) == 0) break;
    }
    if (m != NULL) {
        m->refcount++;
        result = m->sem;
    } else {
        m = malloc(sizeof *m);
        char *copy = strdup(name);
        if (m != NULL && copy != NULL) {
            if (made == SEM_FAILED) {
                void *p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                made = p == MAP_FAILED ? SEM_FAILED : p;
            }
            if (made != SEM_FAILED) {
                m->dev = st.st_dev;
                m->ino = st.st_ino;
                m->name = copy;
                m->sem = made;
                m->refcount = 1;
                m->next = mappings;
                mappings = m;
                result = made;
                made = SEM_FAILED; /* kept */
            }
        }
        if (result == SEM_FAILED) {
            free(m);
            free(copy);
        }
    }
    __unlock(&mappings_lock);
    if (made != SEM_FAILED && made != result) munmap(made, sizeof(sem_t));
    return result;
}

/*
 * Makes a new semaphore file of value with permissions mode (less the umask), maps it and
 * names it path. Returns the mapping; SEM_FAILED with errno EEXIST if path exists (and
 * *exists is set), or with the error of a step that failed.
 */
static sem_t *create(const char *path, const char *name, mode_t mode, unsigned int value, int *exists)
{
    static unsigned int counter;
    sem_t init;
    memset(&init, 0, sizeof init);
    init.__data.__value = (int)value;
    init.__data.__private = 0; /* a shared futex: other processes map the same word */

    char tmp[__SHM_PATH_MAX];
    int fd = -1;
    for (int retries = 0; fd == -1; retries++) {
        if (retries == NRETRIES) {
            errno = EAGAIN;
            return SEM_FAILED;
        }
        snprintf(tmp, sizeof tmp, "/dev/shm/sem.%06x", (unsigned)(getpid() * 64 + __sync_fetch_and_add(&counter, 1)) & 0xffffff);
        fd = open(tmp, O_RDWR | O_CREAT | O_EXCL, mode);
        if (fd == -1 && errno != EEXIST) return SEM_FAILED;
    }
    sem_t *result = SEM_FAILED;
    if (write(fd, &init, sizeof init) == sizeof init) {
        void *p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p != MAP_FAILED) {
            if (link(tmp, path) != 0) {
                munmap(p, sizeof(sem_t));
                if (errno == EEXIST) *exists = 1;
            } else {
                result = check_add_mapping(name, fd, p);
            }
        }
    }
    int saved = errno;
    unlink(tmp);
    close(fd);
    errno = saved;
    return result;
}

/*
 * sem_open(name, oflag[, mode, value]): the semaphore called name, opened or (with
 * O_CREAT, which takes mode and value) created. SEM_FAILED with errno: EINVAL for a bad
 * name or a value above SEM_VALUE_MAX, ENOENT if it does not exist and O_CREAT is not
 * given, EEXIST if it does and O_CREAT | O_EXCL is, or open's and mmap's errors.
 */
sem_t *sem_open(const char *name, int oflag, ...)
{
    char path[__SHM_PATH_MAX];
    int err = __shm_get_name(path, name, 1);
    if (err != 0) {
        errno = err;
        return SEM_FAILED;
    }
    for (;;) {
        if ((oflag & O_CREAT) == 0 || (oflag & O_EXCL) == 0) {
            int fd = open(path, (oflag & ~(O_CREAT | O_ACCMODE)) | O_NOFOLLOW | O_RDWR);
            if (fd != -1) {
                sem_t *result = check_add_mapping(name, fd, SEM_FAILED);
                int saved = errno;
                close(fd);
                errno = saved;
                return result;
            }
            if ((oflag & O_CREAT) == 0 || errno != ENOENT) return SEM_FAILED;
        }
        va_list ap;
        va_start(ap, oflag);
        mode_t mode = va_arg(ap, mode_t);
        unsigned int value = va_arg(ap, unsigned int);
        va_end(ap);
        if (value > SEM_VALUE_MAX) {
            errno = EINVAL;
            return SEM_FAILED;
        }
        int exists = 0;
        sem_t *result = create(path, name, mode, value, &exists);
        /* Someone else made it first: open theirs, unless O_EXCL asked for a new one. */
        if (result != SEM_FAILED || !exists || (oflag & O_EXCL) != 0) return result;
    }
}

/* Gives back one sem_open of sem; the last unmaps it. -1 and EINVAL if sem is not a
 * semaphore this process opened with sem_open. */
int sem_close(sem_t *sem)
{
    struct mapping *gone = NULL;
    int found = 0;
    __lock(&mappings_lock);
    for (struct mapping **pm = &mappings; *pm != NULL; pm = &(*pm)->next) {
        if ((*pm)->sem != sem) continue;
        found = 1;
        if (--(*pm)->refcount == 0) {
            gone = *pm;
            *pm = gone->next;
        }
        break;
    }
    __unlock(&mappings_lock);
    if (!found) {
        errno = EINVAL;
        return -1;
    }
    if (gone != NULL) {
        munmap(gone->sem, sizeof(sem_t));
        free(gone->name);
        free(gone);
    }
    return 0;
}

/* Removes the name; processes that have the semaphore open keep using it. -1 with
 * errno: EINVAL for a bad name, ENOENT if there is none, EACCES for unlink's EPERM. */
int sem_unlink(const char *name)
{
    return __shm_unlink_name(name, 1);
}
