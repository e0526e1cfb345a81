/*
 * Setting a file's times: utimensat with explicit times (nanoseconds kept), UTIME_OMIT
 * (that time left alone) and UTIME_NOW, futimens on a descriptor, and the older utime and
 * utimes; AT_SYMLINK_NOFOLLOW sets a link's own times. An ordinary user may set explicit
 * times only on a file of their own (EPERM). Errors in Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#define PATH "/tmp/utimensat_times.dat"

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

static void show(const char *path) {
    struct stat st;
    lstat(path, &st);
    printf("  atime %ld.%09ld mtime %ld.%09ld\n", (long) st.st_atim.tv_sec, st.st_atim.tv_nsec,
            (long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static struct timespec ts(long sec, long nsec) {
    struct timespec t;
    t.tv_sec = sec;
    t.tv_nsec = nsec;
    return t;
}

int main(void) {
    int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct timespec t[2];
    t[0] = ts(1000000000, 123456789);
    t[1] = ts(1200000000, 5);
    report("explicit times", utimensat(AT_FDCWD, PATH, t, 0));
    show(PATH);
    t[0] = ts(7, UTIME_OMIT);
    t[1] = ts(-86400, 999999999);
    report("omit atime, mtime before 1970", utimensat(AT_FDCWD, PATH, t, 0));
    show(PATH);
    t[0] = ts(42, 0);
    t[1] = ts(0, UTIME_OMIT);
    report("futimens atime only", futimens(fd, t));
    show(PATH);

    struct stat before, after;
    t[0] = ts(0, UTIME_NOW);
    t[1] = ts(0, UTIME_OMIT);
    fstat(fd, &before);
    report("UTIME_NOW for atime", futimens(fd, t));
    fstat(fd, &after);
    printf("  atime moved to now: %d, mtime kept: %d\n", after.st_atim.tv_sec > 1500000000,
            after.st_mtim.tv_sec == before.st_mtim.tv_sec);
    report("NULL times", utimensat(AT_FDCWD, PATH, NULL, 0));
    fstat(fd, &after);
    printf("  both now: %d\n", after.st_atim.tv_sec > 1500000000 && after.st_mtim.tv_sec > 1500000000);

    struct utimbuf ub = {5000, 6000};
    report("utime", utime(PATH, &ub));
    show(PATH);
    struct timeval {
        long tv_sec;
        long tv_usec;
    } tv[2] = {{7000, 1}, {8000, 999999}};
    int utimes(const char *, const struct timeval *);
    report("utimes", utimes(PATH, tv));
    show(PATH);
    tv[1].tv_usec = 1000000;
    report("utimes with a bad tv_usec", utimes(PATH, tv));

    symlink("utimensat_times.dat", "/tmp/utimensat_times.lnk");
    t[0] = ts(11, 0);
    t[1] = ts(22, 0);
    report("a link's own times", utimensat(AT_FDCWD, "/tmp/utimensat_times.lnk", t, AT_SYMLINK_NOFOLLOW));
    show("/tmp/utimensat_times.lnk");
    show(PATH);
    report("AT_EMPTY_PATH", utimensat(fd, "", t, AT_EMPTY_PATH));
    show(PATH);

    t[0] = ts(1, 1000000000);
    report("tv_nsec too big", utimensat(AT_FDCWD, PATH, t, 0));
    t[0] = ts(1, -1);
    report("tv_nsec negative", utimensat(AT_FDCWD, PATH, t, 0));
    report("tv_nsec bad and no such file", utimensat(AT_FDCWD, "/tmp/nonexistent", t, 0));
    t[0] = ts(1, 0);
    report("bad flags", utimensat(AT_FDCWD, PATH, t, 0x4));
    report("bad times pointer and bad flags", utimensat(AT_FDCWD, PATH, (struct timespec *) 8, 0x4));
    report("futimens flags", utimensat(fd, NULL, t, AT_SYMLINK_NOFOLLOW));
    report("futimens bad descriptor", futimens(99, t));
    report("no such file", utimensat(AT_FDCWD, "/tmp/nonexistent", t, 0));
    report("NULL path with AT_FDCWD", utimensat(AT_FDCWD, NULL, t, 0));

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setuid(1000);
        report("user: explicit times on root's file", utimensat(AT_FDCWD, PATH, t, 0));
        report("user: now on root's file", utimensat(AT_FDCWD, PATH, NULL, 0));
        t[0] = ts(0, UTIME_OMIT);
        t[1] = ts(0, UTIME_OMIT);
        report("user: omit both on root's file", utimensat(AT_FDCWD, PATH, t, 0));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    close(fd);
    unlink("/tmp/utimensat_times.lnk");
    unlink(PATH);
    return 0;
}
