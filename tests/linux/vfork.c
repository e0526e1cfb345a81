/*
 * vfork(): the parent sleeps until the child exits (or execs), and the child runs in the
 * parent's memory, so its store is visible once the parent wakes.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int shared = 0;

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        shared = 7;
        _exit(3);
    }
    printf("parent resumed, shared = %d\n", shared);
    int status;
    waitpid(pid, &status, 0);
    printf("child exit status %d\n", WEXITSTATUS(status));
    return 0;
}
