/*
 * POSIX shared memory and named semaphores between processes: a parent and a child open
 * the same shared memory object and semaphores by name, the child fills the memory and
 * posts, the parent waits and reads. Opening a semaphore twice gives the same address.
 * The error cases of the names and flags, as glibc reports them.
 */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *err(void) {
    return errno == EINVAL ? "EINVAL" : errno == ENOENT ? "ENOENT" : errno == EEXIST ? "EEXIST" : "other";
}

int main(void) {
    int fd = shm_open("/shm_open_sem_open", O_CREAT | O_EXCL | O_RDWR, 0600);
    printf("shm_open: %s\n", fd >= 0 ? "ok" : err());
    printf("close-on-exec: %d\n", fcntl(fd, F_GETFD));
    struct stat st;
    stat("/dev/shm/shm_open_sem_open", &st);
    printf("in /dev/shm with mode %o\n", st.st_mode & 0777);
    ftruncate(fd, 4096);
    char *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);

    sem_t *ready = sem_open("/shm_open_sem_open.ready", O_CREAT | O_EXCL, 0600, 0);
    sem_t *done = sem_open("shm_open_sem_open.done", O_CREAT, 0600, 0);
    printf("sem_open: %s %s\n", ready != SEM_FAILED ? "ok" : err(), done != SEM_FAILED ? "ok" : err());
    sem_t *again = sem_open("/shm_open_sem_open.ready", 0);
    printf("the same semaphore twice: %s\n", again == ready ? "same address" : "different");
    sem_close(again);
    stat("/dev/shm/sem.shm_open_sem_open.ready", &st);
    printf("semaphore file: mode %o, size %ld\n", st.st_mode & 0777, (long)st.st_size);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int cfd = shm_open("shm_open_sem_open", O_RDWR, 0);
        char *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
        sem_t *r = sem_open("/shm_open_sem_open.ready", 0);
        sem_t *d = sem_open("/shm_open_sem_open.done", 0);
        for (int i = 0; i < 3; i++) {
            sprintf(mem, "message %d from the child", i);
            sem_post(r);
            sem_wait(d);
        }
        _exit(0);
    }
    for (int i = 0; i < 3; i++) {
        sem_wait(ready);
        printf("parent reads: %s\n", shared);
        sem_post(done);
    }
    waitpid(pid, NULL, 0);
    int value = -1;
    sem_getvalue(ready, &value);
    printf("value after: %d\n", value);

    printf("sem_open O_CREAT | O_EXCL of an existing one: %s\n",
           sem_open("/shm_open_sem_open.ready", O_CREAT | O_EXCL, 0600, 0) == SEM_FAILED ? err() : "ok");
    printf("sem_open of a missing one: %s\n", sem_open("/shm_open_sem_open.none", 0) == SEM_FAILED ? err() : "ok");
    printf("sem_open of an empty name: %s\n", sem_open("/", O_CREAT, 0600, 0) == SEM_FAILED ? err() : "ok");
    printf("sem_open of a name with a slash: %s\n", sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED ? err() : "ok");
    printf("sem_open of too large a value: %s\n",
           sem_open("/shm_open_sem_open.big", O_CREAT, 0600, 0x80000000u) == SEM_FAILED ? err() : "ok");
    printf("shm_open of a name with a slash: %s\n", shm_open("/a/b", O_RDWR, 0) < 0 ? err() : "ok");
    printf("shm_open of a missing one: %s\n", shm_open("/shm_open_sem_open.none", O_RDWR, 0) < 0 ? err() : "ok");

    printf("sem_close: %d %d\n", sem_close(ready), sem_close(done));
    printf("sem_unlink: %d %d\n", sem_unlink("/shm_open_sem_open.ready"), sem_unlink("/shm_open_sem_open.done"));
    printf("sem_unlink again: %d %s\n", sem_unlink("/shm_open_sem_open.ready"), err());
    printf("shm_unlink: %d\n", shm_unlink("/shm_open_sem_open"));
    printf("shm_unlink again: %d %s\n", shm_unlink("/shm_open_sem_open"), err());
    printf("still mapped after the unlink: %s\n", shared);
    return 0;
}
