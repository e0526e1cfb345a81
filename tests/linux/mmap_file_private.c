/*
 * A MAP_PRIVATE mapping of a file is copy-on-write: the process sees the file until it
 * stores to a page, and from then on its own copy of that page, which neither the file nor
 * a forked child's copy share. A page it has not written still shows later writes to the
 * file. Access modes: a private mapping may be made writable even on a read-only
 * descriptor; a shared one may not, neither at mmap nor by mprotect.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void read_at(int fd, char *buf, int n, off_t at) {
    lseek(fd, at, SEEK_SET);
    read(fd, buf, n);
}

static void write_at(int fd, const char *buf, int n, off_t at) {
    lseek(fd, at, SEEK_SET);
    write(fd, buf, n);
}

static const char *err(void *p) {
    return p != MAP_FAILED ? "ok" : errno == EACCES ? "EACCES" : errno == ENODEV ? "ENODEV" : "other";
}

int main(void) {
    const char *path = "/tmp/mmap_file_private.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char page[4096];
    memset(page, '1', sizeof page);
    write(fd, page, sizeof page);
    memset(page, '2', sizeof page);
    write(fd, page, sizeof page);

    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("mapped: %c %c\n", p[0], p[4096]);
    p[0] = 'A';
    char buf[2] = {0};
    read_at(fd, buf, 1, 0);
    printf("file after a private store: %c, mapping: %c\n", buf[0], p[0]);

    write_at(fd, "B", 1, 0);
    write_at(fd, "C", 1, 4096);
    printf("after writes to the file: written page %c, untouched page %c\n", p[0], p[4096]);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        p[1] = 'c';
        printf("child sees %c%c\n", p[0], p[1]);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent sees %c%c\n", p[0], p[1]);
    munmap(p, 8192);
    close(fd);

    fd = open(path, O_RDONLY);
    char *r = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("private writable mapping of a read-only descriptor: %s\n", err(r));
    r[0] = 'Z';
    read_at(fd, buf, 1, 0);
    printf("store through it: mapping %c, file %c\n", r[0], buf[0]);
    printf("shared writable mapping of a read-only descriptor: %s\n",
           err(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)));
    char *s = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    printf("shared read-only mapping: %s\n", err(s));
    printf("mprotect it writable: %s\n", mprotect(s, 4096, PROT_READ | PROT_WRITE) == 0 ? "ok"
           : errno == EACCES ? "EACCES" : "other");
    char *q = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("mprotect a private read-only mapping writable: %s\n",
           mprotect(q, 4096, PROT_READ | PROT_WRITE) == 0 ? "ok" : "failed");
    q[0] = 'Q';
    read_at(fd, buf, 1, 0);
    printf("store through it: mapping %c, file %c\n", q[0], buf[0]);
    close(fd);

    fd = open(path, O_WRONLY);
    printf("any mapping of a write-only descriptor: %s\n", err(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0)));
    close(fd);
    int fds[2];
    pipe(fds);
    printf("a pipe: %s\n", err(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fds[0], 0)));
    fd = open("/dev/null", O_RDWR);
    printf("/dev/null: %s\n", err(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0)));
    unlink(path);
    return 0;
}
