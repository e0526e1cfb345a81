/*
 * User and group ids follow Linux's rules. root may set any id: setuid sets all three
 * (real, effective, saved), setreuid sets the saved id to the new effective one when the
 * real one is given. An unprivileged process may only move among the ids it has: setuid to
 * its real or saved id changes only the effective one, setreuid/setresuid to any of its
 * three; anything else is EPERM and changes nothing; -1 leaves an id alone and is EINVAL
 * for setuid. Dropping to another user costs the right to signal root's processes (EPERM)
 * but not one's own children; execve makes the saved ids the effective ones. The ids are
 * the Uid: and Gid: lines of /proc/self/status (real, effective, saved, file system).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void try(const char *what, int result) {
    printf("%-34s %-24s", what, result == 0 ? "ok" : strerror(errno));
    uid_t r, e, s;
    gid_t gr, ge, gs;
    getresuid(&r, &e, &s);
    getresgid(&gr, &ge, &gs);
    printf(" uid %u %u %u  gid %u %u %u\n", r, e, s, gr, ge, gs);
}

/* The Uid: and Gid: lines of /proc/self/status. */
static void status(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "Uid:", 4) == 0 || strncmp(line, "Gid:", 4) == 0) printf("  %s", line);
    }
    if (f != NULL) fclose(f);
}

/* Runs body in a child and waits for it, so that each part starts as root again. */
static void in_child(void (*body)(void)) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
}

static void root_sets_anything(void) {
    printf("-- root\n");
    try("setuid(-1)", setuid((uid_t) -1));
    try("setgid(-1)", setgid((gid_t) -1));
    try("setresgid(100, 200, 300)", setresgid(100, 200, 300));
    try("setregid(-1, 400)", setregid((gid_t) -1, 400));
    try("setregid(500, -1)", setregid(500, (gid_t) -1));
    try("setreuid(1000, 2000)", setreuid(1000, 2000));
    status();
}

static void unprivileged_moves(void) {
    printf("-- real 1000, effective 2000, saved 3000\n");
    setresgid(10, 20, 30);
    try("setresuid(1000, 2000, 3000)", setresuid(1000, 2000, 3000));
    try("setuid(3000)", setuid(3000));
    try("setuid(2000)", setuid(2000));
    try("setuid(4000)", setuid(4000));
    try("seteuid(1000)", seteuid(1000));
    try("setreuid(-1, 3000)", setreuid((uid_t) -1, 3000));
    try("setreuid(3000, -1)", setreuid(3000, (uid_t) -1));
    try("setresuid(5000, -1, -1)", setresuid(5000, (uid_t) -1, (uid_t) -1));
    try("setresuid(-1, -1, 1000)", setresuid((uid_t) -1, (uid_t) -1, 1000));
    try("setgid(20)", setgid(20));
    try("setgid(40)", setgid(40));
    try("setregid(30, 10)", setregid(30, 10));
    try("setresgid(10, 10, 10)", setresgid(10, 10, 10));
    try("setuid(0)", setuid(0));
    status();
}

static void signals_after_dropping(void) {
    printf("-- signals\n");
    pid_t parent = getppid();
    try("setuid(1000)", setuid(1000));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    try("kill(root's process, 0)", kill(parent, 0));
    try("kill(own child, 0)", kill(child, 0));
    try("kill(itself, 0)", kill(getpid(), 0));
    try("kill(own child, SIGKILL)", kill(child, SIGKILL));
    int st;
    waitpid(child, &st, 0);
    printf("child killed by signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static char *self;

static void exec_sets_saved_ids(void) {
    printf("-- execve\n");
    try("setresgid(7, 8, 9)", setresgid(7, 8, 9));
    try("setresuid(1000, 0, 3000)", setresuid(1000, 0, 3000));
    fflush(stdout);
    char *args[] = {self, "after-exec", NULL};
    execv(self, args);
    perror("execv");
}

int main(int argc, char **argv) {
    self = argv[0];
    if (argc > 1) {
        try("after execve", 0);
        return 0;
    }
    try("start", 0);
    in_child(root_sets_anything);
    in_child(unprivileged_moves);
    in_child(signals_after_dropping);
    in_child(exec_sets_saved_ids);
    return 0;
}
