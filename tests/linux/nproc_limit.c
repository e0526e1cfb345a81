/*
 * RLIMIT_NPROC limits the tasks of a real user, counted over all its processes: a fork that
 * would pass it fails with EAGAIN. root is not limited. setuid to a user that is already
 * over the limit succeeds (programs rarely check it), but the next execve fails with EAGAIN,
 * as Linux defers the failure there.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define USER 31337

static void try(const char *what, int result) {
    printf("%-44s %s\n", what, result >= 0 ? "ok" : strerror(errno));
    fflush(stdout);
}

static void limit(rlim_t n) {
    struct rlimit r = {n, n};
    setrlimit(RLIMIT_NPROC, &r);
}

static void reap(void) {
    int st;
    while (wait(&st) > 0) {
    }
}

/* A child that becomes USER and sleeps until killed. */
static pid_t sleeper(void) {
    pid_t pid = fork();
    if (pid == 0) {
        setuid(USER);
        pause();
        _exit(0);
    }
    return pid;
}

int main(void) {
    limit(2);
    pid_t pid = fork();
    if (pid == 0) {
        try("setuid(USER)", setuid(USER));
        pid_t first = fork();
        if (first == 0) {
            pause();
            _exit(0);
        }
        try("fork: the user's second task", first);
        pid_t second = fork();
        if (second == 0) _exit(0);
        try("fork: a third task", second);
        kill(first, SIGKILL);
        reap();
        _exit(0);
    }
    reap();

    limit(0);
    pid_t root_child = fork();
    if (root_child == 0) _exit(0);
    try("root forks with RLIMIT_NPROC 0", root_child);
    reap();

    pid_t a = sleeper();
    pid = fork();
    if (pid == 0) {
        try("setuid(USER) while USER is over the limit", setuid(USER));
        char *args[] = {"/bin/true", NULL};
        execv(args[0], args);
        try("execve", -1);
        try("fork", fork());
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    kill(a, SIGKILL);
    reap();
    return 0;
}
