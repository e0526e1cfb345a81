/*
 * RLIMIT_CPU bounds a process's CPU time: at the soft limit the process gets SIGXCPU and
 * the soft limit goes up by one second (so SIGXCPU comes again a second later), at the hard
 * limit it gets SIGKILL. SIGXCPU's default action ends the process. A limit of 0 seconds is
 * reached at once.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_xcpu(int sig) {
    got = sig;
}

static void limit(rlim_t soft, rlim_t hard) {
    struct rlimit r = {soft, hard};
    setrlimit(RLIMIT_CPU, &r);
}

static void caught(void) {
    signal(SIGXCPU, on_xcpu);
    limit(0, RLIM_INFINITY);
    while (!got) {
    }
    struct rlimit r;
    getrlimit(RLIMIT_CPU, &r);
    printf("caught signal %d; the soft limit is now %lu\n", (int) got, (unsigned long) r.rlim_cur);
}

static void by_default(void) {
    limit(0, RLIM_INFINITY);
    for (;;) {
    }
}

static void at_the_hard_limit(void) {
    signal(SIGXCPU, SIG_IGN);
    limit(0, 0);
    for (;;) {
    }
}

static void in_child(const char *what, void (*body)(void)) {
    printf("%s: ", what);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st)) printf("killed by signal %d\n", WTERMSIG(st));
    else printf("exited %d\n", WEXITSTATUS(st));
}

int main(void) {
    in_child("a handler", caught);
    in_child("the default action", by_default);
    in_child("SIGXCPU ignored, hard limit 0", at_the_hard_limit);
    return 0;
}
