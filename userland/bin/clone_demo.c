/*
 * clone_demo: the article's program. Threads are processes that share things.
 *
 * The parent opens a file, then makes a child with clone() that shares its address space
 * (CLONE_VM), its cwd (CLONE_FS), its signal handlers (CLONE_SIGHAND) and, the point of the
 * lesson, its descriptor table (CLONE_FILES). The child closes the descriptor it is given.
 * Because the table is shared, the parent's descriptor is closed too, and the parent's next
 * write fails with EBADF. Run `clone_demo copy` to leave out CLONE_FILES: the child then
 * closes its own copy of the table's entry, and the parent's write works.
 *
 * Try it in the shell: `clone_demo`, then `clone_demo copy`, then `strace clone_demo` to see
 * the flags. The program is plain Linux C: it builds unchanged with gcc and prints the same.
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

#define STACK (64 * 1024)

/* The child: closes the descriptor that *arg names and returns 0 (its exit status). */
static int child(void *arg)
{
    int fd = *(int *)arg;
    printf("child: closing descriptor %d\n", fd);
    fflush(stdout);
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    int share = !(argc > 1 && strcmp(argv[1], "copy") == 0);
    int flags = SIGCHLD | CLONE_FS | CLONE_SIGHAND | CLONE_VM | (share ? CLONE_FILES : 0);
    char *stack = malloc(STACK);
    int fd, status;
    pid_t pid;

    if (argc > 1 && share) {
        fprintf(stderr, "usage: clone_demo [copy]\n");
        return 2;
    }
    fd = open("/tmp/clone_demo.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("parent: opened descriptor %d; cloning with%s CLONE_FILES\n", fd, share ? "" : "out");
    fflush(stdout);
    /* The stack grows down, so the child starts at the top of the block. */
    pid = clone(child, stack + STACK, flags, &fd);
    if (pid < 0) {
        perror("clone");
        return 1;
    }
    waitpid(pid, &status, 0);
    printf("parent: child exited with status %d\n", WEXITSTATUS(status));
    if (write(fd, "hello\n", 6) < 0)
        printf("parent: write to descriptor %d failed: %s\n", fd, strerror(errno));
    else
        printf("parent: write to descriptor %d worked\n", fd);
    close(fd);
    unlink("/tmp/clone_demo.txt");
    free(stack);
    return 0;
}
