/*
 * VMAs: processes that each map single pages, alternately read-only and read-write so that
 * no two merge, until mmap is refused: by vm.max_map_count (65530), or for want of memory
 * for the VMAs. The processes are kept until the last has reported.
 */
#include "stress.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct report { int vmas; int err; };

/* Maps until refused; reports how many VMAs the process then had (with those exec made). */
static void child(int out) {
    struct report r = {count_lines("/proc/self/maps"), 0};
    char *last = 0;
    for (;;) {
        char *p = mmap(0, 4096, (r.vmas & 1) ? PROT_READ : PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) { r.err = errno; break; }
        last = p;
        r.vmas++;
    }
    munmap(last, 64 * 4096); /* the last VMAs make room for the report */
    report(out, &r, sizeof r);
    pause();
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    pid_t pids[64];
    int made = 0, full = 0, fork_err = 0;
    while (made < n && made < 64) {
        int in;
        pid_t pid = spawn(child, &in);
        if (pid < 0) { fork_err = errno; break; }
        pids[made++] = pid;
        struct report r;
        if (read(in, &r, sizeof r) != sizeof r) { printf("process %d could not report\n", made - 1); break; }
        if (made == 1) printf("first process: %d VMAs, then %s\n", r.vmas, errname(r.err));
        if (r.vmas > 65530) { full++; continue; } /* mmap refuses once a process has more than max_map_count */
        printf("process %d: %d VMAs, then %s\n", made - 1, r.vmas, errname(r.err));
        break;
    }
    for (int i = 0; i < made; i++) kill(pids[i], SIGKILL);
    for (int i = 0; i < made; i++) waitpid(pids[i], 0, 0);
    if (fork_err) printf("fork: %s\n", errname(fork_err));
    printf("%d processes reached max_map_count\n", full);
    return 0;
}
