/*
 * A child execs /bin/echo, which every system has, with arguments and escapes; the parent
 * waits for it. Linux's echo here is coreutils', so Clonix's must print the same.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(char *const argv[]) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execv("/bin/echo", argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("[exit %d]\n", WEXITSTATUS(status));
}

int main(void) {
    char *plain[] = {"echo", "hello,", "world", NULL};
    char *no_newline[] = {"echo", "-n", "no", "newline", NULL};
    char *escapes[] = {"echo", "-e", "tab\there\\nnew line \\x41\\0102", NULL};
    char *stop[] = {"echo", "-e", "before\\cafter", NULL};
    char *not_option[] = {"echo", "-x", "-n", NULL};
    run(plain);
    run(no_newline);
    run(escapes);
    run(stop);
    run(not_option);
    return 0;
}
