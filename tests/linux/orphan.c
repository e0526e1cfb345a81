/*
 * When a parent dies first its children are reparented (to init, or to a subreaper), so
 * getppid() in the orphan changes; the orphan still runs to completion.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int pipefd[2];
    pipe(pipefd);
    pid_t middle = fork();
    if (middle == 0) {
        pid_t before = getpid();
        pid_t grandchild = fork();
        if (grandchild == 0) {
            close(pipefd[0]);
            /* Wait until the middle process has exited. */
            while (getppid() == before) usleep(1000);
            char line[64];
            int n = snprintf(line, sizeof line, "orphan reparented: %d\n", getppid() != before);
            write(pipefd[1], line, n);
            _exit(0);
        }
        _exit(0);
    }
    close(pipefd[1]);
    int status;
    waitpid(middle, &status, 0);
    printf("middle exited with %d\n", WEXITSTATUS(status));
    char buf[64];
    int n = read(pipefd[0], buf, sizeof buf);
    if (n > 0) fwrite(buf, 1, n, stdout);
    return 0;
}
