/*
 * The clone(2) demonstration of the article Clonix follows (userland/bin/clone_demo.c),
 * both ways: a child made with CLONE_VM | CLONE_FS | CLONE_SIGHAND shares its parent's
 * address space, and with CLONE_FILES its descriptor table too, so when the child closes a
 * descriptor the parent's next write through it fails with EBADF. Without CLONE_FILES the
 * child closes its own copy of the descriptor, and the parent's write works.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly demo.expected.
 */
#include "clone_test.h"
#include <fcntl.h>

/* The child: closes the descriptor that *arg names, and returns 0 (its exit status). */
static int child(void *arg)
{
    int fd = *(int *)arg;
    printf("child: closing descriptor %d\n", fd);
    fflush(stdout);
    close(fd);
    return 0;
}

/* The article's program: clone with or without CLONE_FILES, then write to the descriptor. */
static void demo(int share)
{
    int flags = SIGCHLD | CLONE_FS | CLONE_SIGHAND | CLONE_VM | (share ? CLONE_FILES : 0);
    int fd, status;
    pid_t pid;

    fd = open("/tmp/clone_demo.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("parent: opened descriptor %d; cloning with%s CLONE_FILES\n", fd, share ? "" : "out");
    fflush(stdout);
    pid = spawn(child, flags, &fd);
    if (pid < 0) {
        printf("clone: %s\n", strerror(errno));
        return;
    }
    if (waitpid(pid, &status, 0) != pid)
        printf("waitpid: %s\n", strerror(errno));
    printf("parent: child exited with status %d\n", WEXITSTATUS(status));
    if (write(fd, "hello\n", 6) < 0)
        printf("parent: write to descriptor %d failed: %s\n", fd, strerror(errno));
    else
        printf("parent: write to descriptor %d worked\n", fd);
    close(fd);
}

int main(void)
{
    demo(1);
    demo(0);
    unlink("/tmp/clone_demo.txt");
    return 0;
}
