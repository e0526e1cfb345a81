/*
 * popen(3) and pclose(3): reading a command's output, writing its input, the exit status
 * pclose returns, modes glibc refuses (EINVAL), and a second stream whose shell must not
 * hold the first one's pipe (or pclose of the first would wait for ever). Our stdout is
 * line-buffered, so that our lines and the commands' come in one order on every system.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

static void show_status(const char *what, int status)
{
    if (status == -1) printf("%s: -1 (%s)\n", what, strerror(errno));
    else if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else printf("%s: killed by signal %d\n", what, WTERMSIG(status));
}

int main(void)
{
    char line[128];
    setvbuf(stdout, NULL, _IOLBF, 0);
    FILE *p = popen("echo one; echo two; echo three | grep -c e; exit 5", "r");
    while (fgets(line, sizeof line, p)) printf("read: %s", line);
    show_status("pclose of the reader", pclose(p));

    p = popen("cat; echo the writer is done", "w");
    fprintf(p, "written by the parent\n");
    fprintf(p, "and a second line\n");
    show_status("pclose of the writer", pclose(p));

    FILE *first = popen("cat", "w");
    FILE *second = popen("cat", "w");
    fputs("first stream\n", first);
    fputs("second stream\n", second);
    show_status("pclose of the first", pclose(first));
    show_status("pclose of the second", pclose(second));

    p = popen("echo close-on-exec mode", "re");
    if (fgets(line, sizeof line, p)) printf("re: %s", line);
    show_status("pclose of re", pclose(p));

    const char *modes[] = {"", "x", "rw", "wr", "r+", NULL};
    for (int i = 0; modes[i]; i++) {
        errno = 0;
        FILE *bad = popen("true", modes[i]);
        printf("popen mode \"%s\": %s, %s\n", modes[i], bad ? "a stream" : "NULL", strerror(errno));
    }

    p = popen("kill -KILL $$", "r");
    show_status("pclose of a killed shell", pclose(p));
    p = popen("nosuch_command_xyz 2>/dev/null", "r");
    show_status("pclose of a missing command", pclose(p));
    return 0;
}
