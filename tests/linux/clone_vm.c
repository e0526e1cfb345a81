/*
 * CLONE_VM shares the address space: a store by the child is seen by the parent. Without
 * it the child writes to its own copy-on-write copy and the parent sees nothing.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#define STACK_SIZE (64 * 1024)

static int counter = 1;

static int bump(void *arg) {
    counter += *(int *) arg;
    return 0;
}

static void demo(int flags, const char *what) {
    char *stack = malloc(STACK_SIZE);
    int add = 41;
    counter = 1;
    pid_t pid = clone(bump, stack + STACK_SIZE, flags, &add);
    waitpid(pid, NULL, 0);
    printf("%s: counter = %d\n", what, counter);
    free(stack);
}

int main(void) {
    demo(SIGCHLD | CLONE_VM, "with CLONE_VM");
    demo(SIGCHLD, "without CLONE_VM");
    return 0;
}
