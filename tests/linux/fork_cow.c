/*
 * fork() copies the address space lazily (copy-on-write): the child sees the parent's
 * data, and what either writes afterwards stays private to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SIZE (4 * 1024 * 1024)

static long sum(const unsigned char *p) {
    long s = 0;
    for (long i = 0; i < SIZE; i += 4096) s += p[i];
    return s;
}

int main(void) {
    unsigned char *buf = malloc(SIZE);
    memset(buf, 1, SIZE);
    printf("parent before fork: %ld\n", sum(buf));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child sees: %ld\n", sum(buf));
        memset(buf, 2, SIZE);
        printf("child after writing: %ld\n", sum(buf));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent after child: %ld\n", sum(buf));
    return 0;
}
