/*
 * system(3): the wait status of /bin/sh -c for commands that exit, fail to be found, or
 * kill the shell; the environment reaches the command; output is ordered with ours by
 * fflush; SIGCHLD stays blocked while system waits, so a handler's wait finds nothing; a
 * script without a binary header is run by the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void show(const char *command)
{
    fflush(stdout);
    int status = system(command);
    if (status == -1) printf("%-40s -1 (%s)\n", command, strerror(errno));
    else if (WIFEXITED(status)) printf("%-40s exited %d\n", command, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%-40s killed by signal %d\n", command, WTERMSIG(status));
    else printf("%-40s status %#x\n", command, status);
}

/* Writes an executable file holding text. */
static void write_script(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, text, strlen(text));
    close(fd);
}

static volatile int chld_count, chld_wait_errno;

static void on_chld(int sig)
{
    (void)sig;
    chld_count++;
    if (waitpid(-1, NULL, WNOHANG) < 0) chld_wait_errno = errno;
}

int main(void)
{
    printf("system(NULL) says a shell exists: %s\n", system(NULL) ? "yes" : "no");
    show("true");
    show("false");
    show("exit 3");
    show("exit 300");
    show("echo hello from the shell");
    show("echo one; echo two | cat");
    show("nosuch_command_xyz 2>/dev/null");
    show("kill -TERM $$");
    show("test -d /tmp && echo /tmp is a directory");
    setenv("GREETING", "hello, environment", 1);
    show("echo \"$GREETING\"");
    show("x=5; if [ $x -gt 3 ]; then exit 7; fi");
    show("for i in 1 2 3; do echo line $i; done | wc -l");
    write_script("/tmp/sh_script_plain", "echo a script run by the shell: $0 $1\nexit 9\n");
    write_script("/tmp/sh_script_hashbang", "#!/bin/sh\necho a script with a hashbang line\n");
    show("/tmp/sh_script_plain argument");
    show("/tmp/sh_script_hashbang");
    unlink("/tmp/sh_script_plain");
    unlink("/tmp/sh_script_hashbang");

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    show("exit 4");
    printf("SIGCHLD handler ran %d time(s), its waitpid: %s\n", chld_count, strerror(chld_wait_errno));
    return 0;
}
