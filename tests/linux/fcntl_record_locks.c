/*
 * POSIX record locks with fcntl: F_GETLK describes the lock that would block a request
 * (never one of the caller's own), F_SETLK refuses with EAGAIN, an unlock in the middle
 * splits a lock, closing ANY descriptor of the file drops the process's locks, a fork
 * child owns none, F_SETLKW sleeps until the range is free, and each argument error is
 * Linux's errno in Linux's order.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/fcntl_record_locks.dat"

static int lock(int fd, int cmd, int type, int whence, long start, long len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = whence;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, cmd, &fl);
}

static const char *name(int type) {
    return type == F_RDLCK ? "F_RDLCK" : type == F_WRLCK ? "F_WRLCK" : type == F_UNLCK ? "F_UNLCK" : "?";
}

/* What F_GETLK says about a write lock on [start, start+len) from this process. */
static void probe(int fd, const char *who, long start, long len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    if (fcntl(fd, F_GETLK, &fl) < 0) {
        printf("%s: F_GETLK failed: %s\n", who, strerror(errno));
        return;
    }
    if (fl.l_type == F_UNLCK) {
        printf("%s: [%ld,+%ld) is free (start %ld, len %ld kept)\n", who, start, len, (long) fl.l_start, (long) fl.l_len);
    } else {
        printf("%s: [%ld,+%ld) blocked by %s at %ld len %ld, whence %d, held by %s\n", who, start, len, name(fl.l_type),
                (long) fl.l_start, (long) fl.l_len, fl.l_whence, fl.l_pid == getppid() ? "my parent" : "someone else");
    }
}

static void result(const char *what, int r) {
    if (r < 0) printf("%s: %s\n", what, strerror(errno));
    else printf("%s: ok\n", what);
}

/* Runs f in a child and waits for it. */
static void in_child(void (*f)(int), int fd) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        f(fd);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
}

static void child_probes(int fd) {
    probe(fd, "child", 0, 5);
    probe(fd, "child", 5, 10);
    probe(fd, "child", 12, 3);
    probe(fd, "child", 20, 0);
    probe(fd, "child", 100, 1);
    result("child F_SETLK write [0,1)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
    result("child F_SETLK read [20,30)", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 20, 10));
    result("child F_SETLK read [100,+inf)", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 100, 0));
}

static void child_after_split(int fd) {
    probe(fd, "child", 40, 20);
    probe(fd, "child", 30, 40);
    probe(fd, "child", 60, 5);
}

static void child_after_close(int fd) {
    probe(fd, "child", 0, 0);
}

static void errors(int fd) {
    struct flock fl;
    int ro = open(PATH, O_RDONLY);
    result("bad fd", lock(99, F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
    result("bad pointer", fcntl(fd, F_SETLK, (struct flock *) 8));
    result("bad pointer and bad fd", fcntl(99, F_GETLK, (struct flock *) 8));
    result("bad whence", lock(fd, F_SETLK, F_RDLCK, 7, 0, 1));
    result("bad type", lock(fd, F_SETLK, 9, SEEK_SET, 0, 1));
    result("bad type and bad whence", lock(fd, F_SETLK, 9, 7, 0, 1));
    result("F_GETLK of F_UNLCK", lock(fd, F_GETLK, F_UNLCK, SEEK_SET, 0, 1));
    result("F_GETLK of a bad type and whence", lock(fd, F_GETLK, 9, 7, 0, 1));
    result("negative start", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, -1, 1));
    result("negative length past 0", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 3, -4));
    result("negative length to 0", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 3, -3));
    result("length past the largest offset", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 10, 0x7fffffffffffffffL));
    result("start past the largest offset", lock(fd, F_SETLK, F_RDLCK, SEEK_END, 0x7fffffffffffffffL, 1));
    result("write lock on a read-only descriptor", lock(ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
    result("read lock on a read-only descriptor", lock(ro, F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
    result("unlock on a read-only descriptor", lock(ro, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_start = 1;
    result("F_GETLK on a read-only descriptor", fcntl(ro, F_GETLK, &fl));
    printf("  l_type %s\n", name(fl.l_type));
    close(ro);
}


int main(void) {
    int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int p[2];
    char c;
    write(fd, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
    printf("sizeof(struct flock) %zu\n", sizeof(struct flock));

    result("write lock [0,10)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    result("read lock [20,+inf)", lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 20, 0));
    result("own locks never conflict: write [5,25)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 5, 20));
    result("and back to read [12,+inf) from the end", lock(fd, F_SETLK, F_RDLCK, SEEK_END, -24, 0));
    probe(fd, "parent", 0, 0);
    in_child(child_probes, fd);

    result("unlock everything", lock(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    result("write lock [0,100)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 100));
    result("unlock [40,60) from the current offset", (lseek(fd, 30, SEEK_SET), lock(fd, F_SETLK, F_UNLCK, SEEK_CUR, 10, 20)));
    in_child(child_after_split, fd);

    int other = open(PATH, O_RDONLY);
    printf("closing another descriptor of the file\n");
    close(other);
    in_child(child_after_close, fd);

    errors(fd);

    /* F_SETLKW: the child sleeps until the parent's lock goes away. */
    result("write lock [0,1)", lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
    pipe(p);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        probe(fd, "child", 0, 1);
        fflush(stdout);
        write(p[1], "x", 1);
        result("child F_SETLKW write [0,1)", lock(fd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1));
        probe(fd, "child after the wait", 0, 1);
        fflush(stdout);
        _exit(0);
    }
    close(p[1]);
    read(p[0], &c, 1);
    usleep(100000);
    printf("parent unlocks [0,1)\n");
    fflush(stdout);
    lock(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 1);
    waitpid(pid, NULL, 0);
    unlink(PATH);
    return 0;
}
