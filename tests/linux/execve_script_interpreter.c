/* execve of a script: the kernel runs the #! line's interpreter with the script's path. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void make(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, text, strlen(text));
    close(fd);
}

static void run(const char *path, char *const argv[]) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execv(path, argv);
        printf("execv %s: %s\n", path, strerror(errno));
        fflush(stdout);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("%s: exit %d\n", path, WEXITSTATUS(status));
}

int main(void) {
    make("/tmp/bs_args.sh", "#!/bin/sh\necho \"argv0=$0 n=$# 1=$1 2=$2\"\nexit 3\n");
    make("/tmp/bs_opt.sh", "#! /bin/sh   -e  \necho opt: $0 $1\nfalse\necho not reached\n");
    make("/tmp/bs_nested.sh", "#!/tmp/bs_args.sh inner\n");
    make("/tmp/bs_missing.sh", "#!/no/such/interpreter\n");
    make("/tmp/bs_empty.sh", "#!   \n");
    make("/tmp/bs_loop1.sh", "#!/tmp/bs_loop2.sh\n");
    make("/tmp/bs_loop2.sh", "#!/tmp/bs_loop1.sh\n");
    char *args[] = {"ignored", "one", "two three", NULL};
    run("/tmp/bs_args.sh", args);
    run("/tmp/bs_opt.sh", args);
    run("/tmp/bs_nested.sh", args);
    run("/tmp/bs_missing.sh", args);
    run("/tmp/bs_empty.sh", args);
    run("/tmp/bs_loop1.sh", args);
    chmod("/tmp/bs_args.sh", 0644);
    run("/tmp/bs_args.sh", args);
    return 0;
}
