/*
 * alarm: SIGALRM after the given seconds, wakes pause(), and alarm returns what was left of
 * the previous one. Sessions and the terminal: setsid makes a new session and group with
 * no controlling terminal, so tcgetpgrp fails there with ENOTTY; setpgid within a session
 * and its errors (EACCES once the child has exec'd); /proc shows the blocked, caught and
 * ignored signals.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int alarms;

static void on_alarm(int sig) {
    (void) sig;
    alarms++;
}

/* Prints the Sig* lines of /proc/self/status that do not depend on what else runs. */
static void show_status(void) {
    char buf[4096];
    FILE *f = fopen("/proc/self/status", "r");
    while (fgets(buf, sizeof buf, f)) {
        if (strncmp(buf, "SigBlk", 6) == 0 || strncmp(buf, "SigIgn", 6) == 0 || strncmp(buf, "SigCgt", 6) == 0
                || strncmp(buf, "SigPnd", 6) == 0 || strncmp(buf, "ShdPnd", 6) == 0) {
            fputs(buf, stdout);
        }
    }
    fclose(f);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    printf("first alarm: %u\n", alarm(10));
    printf("replaced: %u left\n", alarm(1));
    errno = 0;
    int r = pause();
    printf("pause: %d %s, alarms %d\n", r, errno == EINTR ? "EINTR" : "?", alarms);
    printf("no alarm left: %u\n", alarm(0));
    alarm(5);
    printf("cancelled with %u left\n", alarm(0));

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        pid_t sid = setsid();
        int ok = sid == getpid() && getsid(0) == sid && getpgrp() == sid;
        errno = 0;
        int fg = tcgetpgrp(0);
        int notty = errno == ENOTTY;
        errno = 0;
        int again = setsid();
        printf("child: new session %d, tcgetpgrp %d %s, setsid again %d %s\n", ok, fg, notty ? "ENOTTY" : "?",
               again, errno == EPERM ? "EPERM" : "?");
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    errno = 0;
    r = setpgid(pid, pid);
    printf("setpgid of a child in another session: %d %s\n", r, errno == EPERM ? "EPERM" : errno == ESRCH ? "ESRCH" : "?");
    errno = 0;
    r = setpgid(0, -1);
    printf("setpgid to a negative group: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    printf("getpgid of nobody: %d\n", getpgid(99999));

    int fds[2];
    pipe2(fds, O_CLOEXEC);
    pid = fork();
    if (pid == 0) {
        char *argv[] = {"sleep", "100", NULL};
        execv("/bin/sleep", argv);
        _exit(127);
    }
    close(fds[1]);
    char c;
    read(fds[0], &c, 1); /* end of file once the child's exec has closed its copy */
    errno = 0;
    r = setpgid(pid, pid);
    printf("setpgid of a child that has exec'd: %d %s\n", r, errno == EACCES ? "EACCES" : "?");
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    raise(SIGUSR1);
    kill(getpid(), SIGINT);
    show_status();
    return 0;
}
