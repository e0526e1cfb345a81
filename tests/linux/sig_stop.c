/*
 * Job control: SIGSTOP and SIGTSTP stop a process, SIGCONT continues it, and the parent
 * learns of both through waitpid (WUNTRACED, WCONTINUED, each reported once) and through
 * SIGCHLD with CLD_STOPPED and CLD_CONTINUED, unless it asked for SA_NOCLDSTOP. A stopped
 * process still dies of SIGKILL. Process groups: setpgid, getpgid, kill of a group.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int chld_count, last_code, last_status;

static void on_chld(int sig, siginfo_t *info, void *uc) {
    (void) sig;
    (void) uc;
    chld_count++;
    last_code = info->si_code;
    last_status = info->si_status;
}

static void watch_children(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | flags;
    sigaction(SIGCHLD, &sa, NULL);
}

static pid_t sleeper(void) {
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    return pid;
}

static void show(const char *what, pid_t pid, int options) {
    int status = 0;
    pid_t got = waitpid(pid, &status, options);
    printf("%s: %s", what, got == pid ? "pid" : got == 0 ? "0" : "error");
    if (got == pid) {
        if (WIFSTOPPED(status)) printf(" stopped by %d", WSTOPSIG(status));
        else if (WIFCONTINUED(status)) printf(" continued");
        else if (WIFSIGNALED(status)) printf(" killed by %d", WTERMSIG(status));
        else if (WIFEXITED(status)) printf(" exited %d", WEXITSTATUS(status));
    }
    printf("\n");
}

/* SIGCHLD stays blocked but here, so that it is taken at known points, the same on every run. */
static void collect(int expected) {
    sigset_t unblocked;
    sigemptyset(&unblocked);
    while (chld_count < expected) sigsuspend(&unblocked);
    printf("  SIGCHLDs %d, last code %d status %d\n", chld_count, last_code, last_status);
}

int main(void) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    watch_children(0);
    pid_t pid = sleeper();
    kill(pid, SIGSTOP);
    show("SIGSTOP", pid, WUNTRACED);
    collect(1);
    show("again", pid, WUNTRACED | WNOHANG);
    kill(pid, SIGCONT);
    show("SIGCONT", pid, WCONTINUED);
    collect(2);
    show("again", pid, WCONTINUED | WNOHANG);
    kill(pid, SIGTSTP);
    show("SIGTSTP", pid, WUNTRACED);
    collect(3);
    kill(pid, SIGKILL);
    show("SIGKILL while stopped", pid, 0);
    collect(4);

    watch_children(SA_NOCLDSTOP);
    chld_count = last_code = last_status = 0;
    pid = sleeper();
    kill(pid, SIGSTOP);
    show("SA_NOCLDSTOP stop", pid, WUNTRACED);
    kill(pid, SIGCONT);
    show("SA_NOCLDSTOP continue", pid, WCONTINUED);
    kill(pid, SIGTERM);
    show("SA_NOCLDSTOP exit", pid, 0);
    collect(1);

    pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        for (;;) pause();
    }
    setpgid(pid, pid);
    printf("child leads its group: %d, ours is different: %d\n", getpgid(pid) == pid, getpgrp() != pid);
    printf("kill of the group: %d\n", kill(-pid, SIGUSR1));
    show("group killed", pid, 0);
    collect(2);
    printf("kill of a group that is gone: %d\n", kill(-pid, SIGUSR1));
    return 0;
}
