/*
 * clone() refuses inconsistent flag sets with EINVAL, checked in Linux's order:
 * CLONE_SIGHAND needs CLONE_VM, CLONE_THREAD needs CLONE_SIGHAND, and CLONE_FS cannot be
 * combined with CLONE_NEWNS. A refused call creates nothing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define STACK_SIZE (64 * 1024)

static int nothing(void *arg) {
    (void) arg;
    return 0;
}

static void try(int flags, const char *what) {
    char *stack = malloc(STACK_SIZE);
    errno = 0;
    int r = clone(nothing, stack + STACK_SIZE, flags, NULL);
    if (r < 0) {
        printf("%-32s -> -1 %s\n", what, strerror(errno));
    } else {
        waitpid(r, NULL, __WALL);
        printf("%-32s -> a child\n", what);
    }
    free(stack);
}

int main(void) {
    try(SIGCHLD | CLONE_SIGHAND, "CLONE_SIGHAND without CLONE_VM");
    try(SIGCHLD | CLONE_VM | CLONE_THREAD, "CLONE_THREAD without SIGHAND");
    try(SIGCHLD | CLONE_FS | CLONE_NEWNS, "CLONE_FS with CLONE_NEWNS");
    try(SIGCHLD | CLONE_VM | CLONE_SIGHAND, "CLONE_VM | CLONE_SIGHAND");
    int r = clone(NULL, NULL, SIGCHLD, NULL);
    printf("%-32s -> %d %s\n", "NULL fn and stack", r, strerror(errno));
    if (waitpid(-1, NULL, WNOHANG) < 0) printf("no children left: %s\n", strerror(errno));
    return 0;
}
