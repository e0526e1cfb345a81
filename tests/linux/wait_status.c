/*
 * The wait status as Linux encodes it: exit codes in bits 8..15, a killing signal in the
 * low seven bits, and the WIF* macros that take it apart.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(int status) {
    printf("status 0x%04x: ", status);
    if (WIFEXITED(status)) printf("exited with %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("killed by signal %d\n", WTERMSIG(status));
    else printf("other\n");
}

int main(void) {
    int codes[] = {0, 1, 42, 255, 256 + 7};
    for (int i = 0; i < 5; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(codes[i]);
        int status;
        waitpid(pid, &status, 0);
        show(status);
    }
    pid_t pid = fork();
    if (pid == 0) {
        kill(getpid(), SIGKILL);
        for (;;) {
        }
    }
    int status;
    waitpid(pid, &status, 0);
    show(status);
    printf("no more children: %d\n", (int) wait(&status));
    return 0;
}
