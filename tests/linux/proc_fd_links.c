/*
 * /proc/PID/fd/N, exe and cwd: readlink shows the path a descriptor was opened by (the new
 * name after a rename, " (deleted)" after an unlink, "pipe:[ino]" for a pipe), the link's
 * permissions show the access mode, and opening the link reaches the open file itself, so
 * a deleted file or a pipe can be opened again through it. exe leads to the running
 * program. A closed descriptor has no link (ENOENT).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[4096];

static const char *link_of(int fd) {
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n < 0) return strerror(errno);
    buf[n] = 0;
    return buf;
}

static int listed(int fd) {
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d)) != NULL) if (atoi(e->d_name) == fd && e->d_name[0] != '.') found = 1;
    closedir(d);
    return found;
}

static void mode_of(int fd, const char *what) {
    char path[64];
    struct stat st;
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    lstat(path, &st);
    printf("%s: link mode %o, a link %d\n", what, st.st_mode & 0777, S_ISLNK(st.st_mode));
}

int main(void) {
    struct stat a, b;
    int ro = open("/tmp/proc_fd_links.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(ro, "kept after unlink\n", 18);
    close(ro);
    ro = open("/tmp/proc_fd_links.dat", O_RDONLY);
    int wo = open("/tmp/proc_fd_links.dat", O_WRONLY);
    int rw = open("/tmp/proc_fd_links.dat", O_RDWR);
    printf("read-only: %s\n", link_of(ro));
    mode_of(ro, "read-only");
    mode_of(wo, "write-only");
    mode_of(rw, "read-write");
    stat("/proc/self/fd", &a);
    printf("fd directory: mode %o, directory %d\n", a.st_mode & 0777, S_ISDIR(a.st_mode));
    printf("listed: %d, a closed one listed: %d\n", listed(ro), listed(99));
    printf("closed descriptor: %s\n", link_of(99));

    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", ro);
    stat(path, &a);
    fstat(ro, &b);
    printf("stat through the link is the file: %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev);

    rename("/tmp/proc_fd_links.dat", "/tmp/proc_fd_links.new");
    printf("after rename: %s\n", link_of(ro));
    unlink("/tmp/proc_fd_links.new");
    printf("after unlink: %s\n", link_of(ro));
    int again = open(path, O_RDONLY);
    ssize_t n = read(again, buf, sizeof buf);
    printf("reopened through the link: %.*s", (int) n, buf);
    close(again);

    mkdir("/tmp/proc_fd_links.d", 0755);
    int dir = open("/tmp/proc_fd_links.d", O_RDONLY | O_DIRECTORY);
    printf("directory: %s\n", link_of(dir));
    rmdir("/tmp/proc_fd_links.d");
    printf("removed directory: %s\n", link_of(dir));

    int p[2];
    pipe(p);
    const char *l = link_of(p[0]);
    printf("pipe read end: %.6s...%s\n", l, l + strlen(l) - 1);
    char other[64];
    strcpy(other, l);
    printf("both ends name one pipe: %d\n", strcmp(other, link_of(p[1])) == 0);
    mode_of(p[0], "pipe read end");
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
    int r2 = open(path, O_RDONLY);
    write(p[1], "through the pipe\n", 17);
    n = read(r2, buf, sizeof buf);
    printf("reopened pipe read end: %.*s", (int) n, buf);

    chdir("/tmp");
    n = readlink("/proc/self/cwd", buf, sizeof buf - 1);
    buf[n] = 0;
    printf("cwd: %s\n", buf);
    n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n] = 0;
    stat(buf, &a);
    stat("/proc/self/exe", &b);
    printf("exe: absolute %d, is the program %d, executable %d\n", buf[0] == '/', a.st_ino == b.st_ino,
            (b.st_mode & 0100) != 0);
    snprintf(path, sizeof path, "/proc/self/task/%d/fd/%d", getpid(), rw);
    n = readlink(path, buf, sizeof buf - 1);
    buf[n] = 0;
    printf("the thread's fd link: %s\n", buf);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(rw);
        printf("child: its copy is gone: %s, parent still has it: ", link_of(rw));
        snprintf(path, sizeof path, "/proc/%d/fd/%d", getppid(), rw);
        printf("%d\n", readlink(path, buf, sizeof buf) > 0);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
