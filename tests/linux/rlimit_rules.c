/*
 * getrlimit, setrlimit and prlimit follow Linux's rules: an unknown resource is EINVAL, a
 * bad pointer EFAULT, a soft limit above the hard one EINVAL, RLIMIT_NOFILE's hard limit
 * above fs.nr_open EPERM; a process may lower its hard limit but only a privileged one may
 * raise it (EPERM), so an unprivileged process cannot take back what it gave up. Limits are
 * inherited across fork and kept across execve; prlimit reads and sets another process's
 * limits, unless it belongs to someone else (EPERM) or does not exist (ESRCH).
 *
 * The C library's getrlimit and setrlimit are prlimit64 on the caller, as glibc's are, so a
 * null pointer is simply "not wanted"; the system calls getrlimit (97) and setrlimit (160)
 * copy the structure and fail with EFAULT.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void try(const char *what, int result) {
    printf("%-40s %s\n", what, result == 0 ? "ok" : strerror(errno));
}

static void show(const char *who) {
    struct rlimit r;
    getrlimit(RLIMIT_CORE, &r);
    printf("%s: core %lu %lu\n", who, (unsigned long) r.rlim_cur, (unsigned long) r.rlim_max);
}

static void set(int resource, rlim_t soft, rlim_t hard, const char *what) {
    struct rlimit r = {soft, hard};
    try(what, setrlimit(resource, &r));
}

static void wait_for(pid_t pid) {
    int status;
    waitpid(pid, &status, 0);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        show("after execve");
        return 0;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    struct rlimit r;
    try("getrlimit(16)", getrlimit(16, &r));
    try("getrlimit(-1)", getrlimit(-1, &r));
    struct rlimit *none = NULL;
    try("getrlimit(RLIMIT_CPU, NULL)", getrlimit(RLIMIT_CPU, none));
    try("setrlimit(RLIMIT_CPU, NULL)", setrlimit(RLIMIT_CPU, none));
    try("setrlimit(16, NULL)", setrlimit(16, none));
    try("SYS_getrlimit(RLIMIT_CPU, NULL)", (int) syscall(SYS_getrlimit, RLIMIT_CPU, none));
    try("SYS_setrlimit(RLIMIT_CPU, NULL)", (int) syscall(SYS_setrlimit, RLIMIT_CPU, none));
    try("SYS_setrlimit(16, NULL)", (int) syscall(SYS_setrlimit, 16, none));
    try("SYS_getrlimit(16, NULL)", (int) syscall(SYS_getrlimit, 16, none));
    set(16, 1, 1, "setrlimit(16, {1, 1})");
    set(RLIMIT_CORE, 10, 5, "soft above hard");
    getrlimit(RLIMIT_NOFILE, &r);
    set(RLIMIT_NOFILE, r.rlim_cur, (1 << 20) + 1, "NOFILE hard above nr_open");
    try("prlimit(0, CPU, NULL, NULL)", prlimit(0, RLIMIT_CPU, NULL, NULL));
    try("prlimit of no process", prlimit(0x7ffffff0, RLIMIT_CPU, NULL, &r));
    set(RLIMIT_CORE, 4096, RLIM_INFINITY, "soft up to 4096");
    set(RLIMIT_CORE, 4096, 8192, "hard down to 8192");
    show("parent");

    pid_t pid = fork();
    if (pid == 0) {
        show("child");
        _exit(0);
    }
    wait_for(pid);

    pid = fork();
    if (pid == 0) {
        char *args[] = {argv[0], "show", NULL};
        execv(argv[0], args);
        _exit(127);
    }
    wait_for(pid);

    int go[2];
    pipe(go);
    pid = fork();
    if (pid == 0) {
        char c;
        read(go[0], &c, 1);
        show("child after prlimit");
        _exit(0);
    }
    struct rlimit fresh = {1024, 8192}, old;
    try("prlimit of a child", prlimit(pid, RLIMIT_CORE, &fresh, &old));
    printf("its old limits: %lu %lu\n", (unsigned long) old.rlim_cur, (unsigned long) old.rlim_max);
    write(go[1], "x", 1);
    wait_for(pid);

    pid_t parent = getpid();
    pid = fork();
    if (pid == 0) {
        if (setgid(31337) != 0 || setuid(31337) != 0) {
            perror("dropping root");
            _exit(1);
        }
        set(RLIMIT_CORE, 4096, 16384, "unprivileged: hard up");
        set(RLIMIT_CORE, 4096, 4096, "unprivileged: hard down to 4096");
        set(RLIMIT_CORE, 4096, 8192, "unprivileged: hard back up");
        set(RLIMIT_CORE, 0, 4096, "unprivileged: soft down");
        set(RLIMIT_CORE, 4096, 4096, "unprivileged: soft up to hard");
        show("unprivileged");
        try("unprivileged: prlimit of root's process", prlimit(parent, RLIMIT_CORE, NULL, &r));
        try("unprivileged: prlimit of itself", prlimit(0, RLIMIT_CORE, NULL, &r));
        _exit(0);
    }
    wait_for(pid);
    show("parent at the end");
    return 0;
}
