/*
 * mmap of /dev/zero is anonymous memory, as Linux's mmap_zero makes it: a private mapping
 * reads zeros and keeps its stores to itself, a shared one is memory shared with a forked
 * child. A shared writable mapping needs the device open for writing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd = open("/dev/zero", O_RDWR);
    char *priv = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    char *shared = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    printf("private reads %d %d\n", priv[0], priv[8191]);
    priv[0] = 'p';
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        priv[0] = 'c';
        strcpy(shared + 4096, "from the child");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent's private page: %c; shared page: %s\n", priv[0], shared + 4096);
    char buf[4] = {1, 1, 1, 1};
    int z = open("/dev/zero", O_RDONLY);
    read(z, buf, 4);
    printf("the device still reads zeros: %d\n", buf[0] + buf[1] + buf[2] + buf[3]);
    void *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, z, 0);
    printf("shared writable of a read-only /dev/zero: %s\n", w == MAP_FAILED && errno == EACCES ? "EACCES" : "mapped");
    void *r = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
    printf("private writable of it: %s\n", r == MAP_FAILED ? "failed" : "mapped");
    return 0;
}
