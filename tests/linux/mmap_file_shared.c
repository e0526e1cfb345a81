/*
 * A MAP_SHARED mapping of a file is the file: a store through it is what read(2) returns
 * next, a write(2) shows through every mapping at once, and a child's store after fork is
 * seen by its parent. Extending the file makes the rest of a mapped page usable.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* pread and pwrite, spelt with lseek so that the test needs nothing but mmap. */
static void read_at(int fd, char *buf, int n, off_t at) {
    lseek(fd, at, SEEK_SET);
    read(fd, buf, n);
}

static void write_at(int fd, const char *buf, int n, off_t at) {
    lseek(fd, at, SEEK_SET);
    write(fd, buf, n);
}

int main(void) {
    const char *path = "/tmp/mmap_file_shared.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "hello, world\n", 13);

    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    printf("mapped: %.13s", p);
    printf("past the end of the file, in its last page: %d\n", p[100]);

    memcpy(p, "HELLO", 5);
    char buf[32] = {0};
    read_at(fd, buf, 13, 0);
    printf("read after a store: %s", buf);

    write_at(fd, "WORLD", 5, 7);
    printf("mapping after a write: %.13s", p);

    char *q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    printf("a second mapping: %.13s", q);

    pid_t pid = fork();
    if (pid == 0) {
        memcpy(p, "howdy", 5);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("after the child's store: %.13s", q);

    ftruncate(fd, 8192);
    char *r = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    r[4096] = 'x';
    read_at(fd, buf, 1, 4096);
    printf("second page after ftruncate grew the file: %c\n", buf[0]);
    struct stat st;
    fstat(fd, &st);
    printf("size: %ld\n", (long)st.st_size);

    munmap(p, 4096);
    munmap(q, 4096);
    munmap(r, 8192);
    close(fd);
    unlink(path);
    return 0;
}
