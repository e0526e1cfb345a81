/*
 * RLIMIT_AS bounds the size of all of a process's mappings: mmap and brk fail with ENOMEM
 * when they would pass it (MAP_FIXED over existing pages counts only what it adds), and
 * malloc returns NULL. RLIMIT_STACK bounds how far the main stack grows: a recursion that
 * goes deeper gets SIGSEGV.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MIB (1024L * 1024)

static void try(const char *what, int ok) {
    printf("%-40s %s\n", what, ok ? "ok" : strerror(errno));
}

/* VmSize from /proc/self/status, in bytes. */
static long vmsize(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[128];
    long kb = 0;
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "VmSize:", 7) == 0) kb = atol(line + 7);
    }
    if (f != NULL) fclose(f);
    return kb * 1024;
}

static void *map(long bytes) {
    return mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void address_space(void) {
    void *fixed = map(MIB);
    struct rlimit r;
    r.rlim_cur = r.rlim_max = vmsize() + 2 * MIB;
    try("setrlimit(RLIMIT_AS, VmSize + 2 MiB)", setrlimit(RLIMIT_AS, &r) == 0);
    try("mmap 4 MiB", map(4 * MIB) != MAP_FAILED);
    try("mmap 1 MiB", map(MIB) != MAP_FAILED);
    try("MAP_FIXED over a mapped MiB", mmap(fixed, MIB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == fixed);
    try("sbrk 4 MiB", sbrk(4 * MIB) != (void *) -1);
    try("malloc 8 MiB", malloc(8 * MIB) != NULL);
    try("mmap 1 MiB more", map(MIB) != MAP_FAILED);
    try("mmap one page more", map(4096) != MAP_FAILED);
}

static int depth(int n) {
    volatile char frame[1024];
    frame[0] = (char) n;
    return n == 0 ? frame[0] : depth(n - 1) + frame[0];
}

static void stack(void) {
    struct rlimit r = {256 * 1024, RLIM_INFINITY};
    try("setrlimit(RLIMIT_STACK, 256 KiB)", setrlimit(RLIMIT_STACK, &r) == 0);
    printf("100 KiB deep: %d\n", depth(100));
    fflush(stdout);
    printf("1 MiB deep: %d\n", depth(1024));
}

/* Runs body in a child and says how it ended. */
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
    if (WIFSIGNALED(st)) printf("killed by signal %d\n", WTERMSIG(st));
    else printf("exited %d\n", WEXITSTATUS(st));
}

int main(void) {
    in_child(address_space);
    in_child(stack);
    return 0;
}
