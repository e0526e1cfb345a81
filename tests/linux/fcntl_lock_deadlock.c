/*
 * F_SETLKW's deadlock detection: a parent holds byte 0 and a child byte 1, then each asks
 * for the other's byte. Whichever asks second would close a cycle, so the kernel refuses it
 * with EDEADLK instead of putting it to sleep; that one then lets its byte go, and the
 * other gets it. Who asks second is a matter of scheduling, so the program prints only
 * what must hold: exactly one EDEADLK and exactly one success. A chain through a third
 * process is caught as well, and OFD locks (owned by an open file, not a process) are
 * not checked for deadlock at all, as on Linux.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/fcntl_lock_deadlock.dat"

static int lock(int fd, int cmd, int type, long start, long len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, cmd, &fl);
}

/* Asks for byte `want`; reports 'D' (EDEADLK) or 'L' (locked) on `report`, and on EDEADLK gives up byte `held`. */
static void ask(int fd, int want, int held, int report) {
    if (lock(fd, F_SETLKW, F_WRLCK, want, 1) == 0) {
        write(report, "L", 1);
    } else {
        write(report, errno == EDEADLK ? "D" : "?", 1);
        lock(fd, F_SETLK, F_UNLCK, held, 1);
    }
}

static void two_processes(int fd) {
    int ready[2], report[2];
    char c, r[2];
    pipe(ready);
    pipe(report);
    lock(fd, F_SETLK, F_WRLCK, 0, 1);
    pid_t pid = fork();
    if (pid == 0) {
        lock(fd, F_SETLK, F_WRLCK, 1, 1);
        write(ready[1], "x", 1);
        ask(fd, 0, 1, report[1]);
        _exit(0);
    }
    read(ready[0], &c, 1);
    ask(fd, 1, 0, report[1]);
    lock(fd, F_SETLK, F_UNLCK, 0, 0); /* the child may be waiting for byte 0 */
    read(report[0], &r[0], 1);
    read(report[0], &r[1], 1);
    waitpid(pid, NULL, 0);
    int d = (r[0] == 'D') + (r[1] == 'D'), l = (r[0] == 'L') + (r[1] == 'L');
    printf("two processes: %d EDEADLK, %d locked\n", d, l);
    close(ready[0]), close(ready[1]), close(report[0]), close(report[1]);
}

/*
 * Three processes in a ring: the parent holds byte 0, child A byte 1, child B byte 2; then
 * A asks for byte 2, B for byte 0 and the parent for byte 1. Whichever asks last closes the
 * cycle through the other two and gets EDEADLK; the other two get their bytes in turn.
 */
static void ring_member(int fd, int mine, int want, int held, int go, int report) {
    char c;
    lock(fd, F_SETLK, F_WRLCK, mine, 1);
    write(held, "x", 1);
    read(go, &c, 1);
    ask(fd, want, mine, report);
    lock(fd, F_SETLK, F_UNLCK, 0, 0);
    _exit(0);
}

static void three_processes(int fd) {
    int held[2], go[2], report[2];
    char c, r[3];
    pipe(held);
    pipe(go);
    pipe(report);
    lock(fd, F_SETLK, F_WRLCK, 0, 1);
    pid_t a = fork();
    if (a == 0) ring_member(fd, 1, 2, held[1], go[0], report[1]);
    pid_t b = fork();
    if (b == 0) ring_member(fd, 2, 0, held[1], go[0], report[1]);
    read(held[0], &c, 1);
    read(held[0], &c, 1);
    write(go[1], "xx", 2);
    ask(fd, 1, 0, report[1]);
    lock(fd, F_SETLK, F_UNLCK, 0, 0);
    for (int i = 0; i < 3; i++) read(report[0], &r[i], 1);
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
    int d = 0, l = 0;
    for (int i = 0; i < 3; i++) d += r[i] == 'D', l += r[i] == 'L';
    printf("three processes: %d EDEADLK, %d locked\n", d, l);
}

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

int main(void) {
    int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    two_processes(fd);
    three_processes(fd);

    /* A process waiting for itself is impossible: its own locks never block it. */
    lock(fd, F_SETLK, F_WRLCK, 0, 1);
    printf("F_SETLKW on our own byte: %d\n", lock(fd, F_SETLKW, F_WRLCK, 0, 1));
    lock(fd, F_SETLK, F_UNLCK, 0, 0);

    /* OFD locks: two descriptions conflict even within one process. */
    int a = open(PATH, O_RDWR), b = open(PATH, O_RDWR);
    struct flock fl;
    report("OFD write lock on a", lock(a, F_OFD_SETLK, F_WRLCK, 0, 10));
    report("OFD write lock on b", lock(b, F_OFD_SETLK, F_WRLCK, 5, 1));
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_RDLCK;
    fl.l_whence = SEEK_SET;
    fcntl(b, F_OFD_GETLK, &fl);
    printf("OFD F_GETLK through b: type %d start %ld len %ld pid %d\n", fl.l_type, (long) fl.l_start, (long) fl.l_len, fl.l_pid);
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_RDLCK;
    fcntl(fd, F_GETLK, &fl);
    printf("classic F_GETLK sees it too: type %d pid %d\n", fl.l_type, fl.l_pid);
    fl.l_type = F_RDLCK;
    fl.l_pid = 1;
    report("OFD with l_pid set", fcntl(b, F_OFD_SETLK, &fl));
    fl.l_pid = 1;
    report("OFD F_GETLK with l_pid set", fcntl(b, F_OFD_GETLK, &fl));
    int a2 = dup(a);
    close(a);
    report("after closing a (a dup is left)", lock(b, F_OFD_SETLK, F_WRLCK, 5, 1));
    close(a2);
    report("after closing the last descriptor of a", lock(b, F_OFD_SETLK, F_WRLCK, 5, 1));
    close(b);
    close(fd);
    unlink(PATH);
    return 0;
}
