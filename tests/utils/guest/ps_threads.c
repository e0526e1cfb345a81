/*
 * Runs a command (argv[1..]) as a child while this process has three extra threads, so that
 * ps sees a multi-threaded process: the threads are clone()d with the flags pthread_create
 * uses, on malloc'd stacks, and spin until the command has finished.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)
#define THREADS 3

static volatile int done;
static volatile int started;

static int spin(void *arg) {
    __sync_fetch_and_add(&started, 1);
    while (!done) sched_yield();
    return 0;
}

int main(int argc, char **argv) {
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM;
    for (int i = 0; i < THREADS; i++) {
        char *stack = malloc(STACK_SIZE);
        if (clone(spin, stack + STACK_SIZE, flags, NULL) < 0) {
            perror("clone");
            return 1;
        }
    }
    while (started < THREADS) sched_yield();
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[1], argv + 1);
        perror("execv");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    done = 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
