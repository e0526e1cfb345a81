/*
 * The classic demonstration of light-weight processes: a child made by clone() with
 * CLONE_FILES shares its parent's descriptor table, so when the child closes a descriptor
 * it is gone for the parent too, and the parent's next write fails with EBADF. Without
 * CLONE_FILES the child closes only its own copy and the parent's write works.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static int close_it(void *arg) {
    int fd = *(int *) arg;
    printf("child: closing descriptor %d\n", fd);
    fflush(stdout);
    close(fd);
    return 0;
}

static void demo(int flags, const char *what) {
    char *stack = malloc(STACK_SIZE);
    int fd = open("/tmp/clone_files.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("%s: parent opened descriptor %d\n", what, fd);
    fflush(stdout);
    pid_t pid = clone(close_it, stack + STACK_SIZE, flags, &fd);
    int status;
    if (waitpid(pid, &status, 0) != pid) printf("waitpid failed: %s\n", strerror(errno));
    printf("child exited normally: %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
    if (write(fd, "hello\n", 6) < 0)
        printf("parent: write failed: %s\n", strerror(errno));
    else
        printf("parent: write worked\n");
    close(fd);
    free(stack);
}

int main(void) {
    demo(SIGCHLD | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_VM, "shared table");
    demo(SIGCHLD | CLONE_FS | CLONE_SIGHAND | CLONE_VM, "copied table");
    unlink("/tmp/clone_files.txt");
    return 0;
}
