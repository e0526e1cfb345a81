/*
 * /proc/PID/oom_score_adj biases the OOM killer, from -1000 (never this one) to 1000: a
 * write takes an integer as the kernel's kstrtoint reads it (decimal, 0x hex or 0 octal,
 * white space around it allowed; at most 12 bytes are looked at), EINVAL for anything else
 * or a value outside -1000..1000, ERANGE beyond an int. fork passes it on. (That an
 * unprivileged process may not go below where it started, EACCES, is checked by
 * proc.OomFilesTest: Linux hides the /proc files of a process that dropped root from it.)
 * /proc/PID/oom_score shows the badness scaled to 0..2000, which grows with the bias, and
 * is 0 for init, which is never chosen.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void put(const char *text) {
    int fd = open("/proc/self/oom_score_adj", O_WRONLY);
    long n = write(fd, text, strlen(text));
    close(fd);
    char shown[64];
    snprintf(shown, sizeof shown, "\"%s\"", text);
    for (char *p = shown; *p; p++) if (*p == '\n') *p = '|';
    if (n < 0) printf("write %-18s %s\n", shown, strerror(errno));
    else printf("write %-18s %ld bytes\n", shown, n);
}

static long get(const char *path) {
    char buf[32] = "";
    int fd = open(path, O_RDONLY);
    read(fd, buf, sizeof buf - 1);
    close(fd);
    return atol(buf);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("oom_score_adj at start: %ld\n", get("/proc/self/oom_score_adj"));
    long at0 = get("/proc/self/oom_score");
    put("abc");
    put("1001");
    put("-1001");
    put("99999999999");
    put("12345678901234");
    put("+5");
    printf("now %ld\n", get("/proc/self/oom_score_adj"));
    put(" 0x10\n");
    printf("now %ld\n", get("/proc/self/oom_score_adj"));
    put("010");
    printf("now %ld\n", get("/proc/self/oom_score_adj"));
    put("1000");
    long at1000 = get("/proc/self/oom_score");
    printf("oom_score grows with oom_score_adj: %s\n", at1000 > at0 && at0 >= 0 && at1000 <= 2000 ? "yes" : "no");
    printf("init's oom_score: %ld\n", get("/proc/1/oom_score"));
    put("100");
    pid_t pid = fork();
    if (pid == 0) {
        printf("child inherits %ld\n", get("/proc/self/oom_score_adj"));
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
