/*
 * mremap: a mapping grows in place when the pages after it are free, moves (keeping its
 * contents) when they are not and MREMAP_MAYMOVE allows, and fails with ENOMEM when it
 * may not move. Shrinking unmaps the tail. MREMAP_FIXED puts it where asked, replacing
 * what was there; MREMAP_DONTUNMAP leaves the old range mapped but empty. A moved shared
 * mapping is still shared. Errors in Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static void show(const char *what, void *r) {
    printf("%-46s %s\n", what, r != MAP_FAILED ? "ok" : errno == EINVAL ? "EINVAL" : errno == ENOMEM ? "ENOMEM"
           : errno == EFAULT ? "EFAULT" : "other");
}

int main(void) {
    /* Reserve 16 pages, then keep 4 mapped with the rest free behind them. */
    char *p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 4 * PAGE, 12 * PAGE);
    char *q = mmap(p + 8 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    strcpy(p, "first page");
    strcpy(p + 3 * PAGE, "fourth page");

    show("an unknown flag", mremap(p, PAGE, PAGE, 8));
    show("MREMAP_FIXED without MREMAP_MAYMOVE", mremap(p, PAGE, PAGE, MREMAP_FIXED, p + 12 * PAGE));
    show("MREMAP_DONTUNMAP changing the size", mremap(p, PAGE, 2 * PAGE, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0));
    show("unaligned", mremap(p + 1, PAGE, PAGE, 0));
    show("new length 0", mremap(p, PAGE, 0, 0));
    show("old length 0 of a private mapping", mremap(p, 0, PAGE, MREMAP_MAYMOVE));
    show("nothing mapped there", mremap(p + 5 * PAGE, PAGE, PAGE, 0));
    show("old range past the end of the mapping", mremap(p, 5 * PAGE, 6 * PAGE, MREMAP_MAYMOVE));
    show("MREMAP_FIXED onto itself", mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p));
    show("MREMAP_FIXED unaligned", mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p + 12 * PAGE + 1));

    char *r = mremap(p, 4 * PAGE, 6 * PAGE, 0);
    printf("grow in place to 6 pages: %s, %s\n", r == p ? "same address" : "moved", p + 3 * PAGE);
    show("grow into the next mapping, no MAYMOVE", mremap(p, 6 * PAGE, 10 * PAGE, 0));
    r = mremap(p, 6 * PAGE, 10 * PAGE, MREMAP_MAYMOVE);
    printf("grow with MREMAP_MAYMOVE: %s, %s, %s\n", r != p ? "moved" : "same address", r, r + 3 * PAGE);
    r[9 * PAGE] = 1;
    unsigned char vec[1];
    printf("old address after the move: %s\n", mincore(p, PAGE, vec) == -1 && errno == ENOMEM ? "unmapped" : "mapped");

    char *s = mremap(r, 10 * PAGE, 2 * PAGE, 0);
    printf("shrink to 2 pages: %s, page 2 %s\n", s == r ? "same address" : "moved",
           mincore(r + 2 * PAGE, PAGE, vec) == -1 ? "unmapped" : "mapped");

    char *t = mremap(s, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, q);
    printf("MREMAP_FIXED over another mapping: %s, %s, writable %s\n", t == q ? "at the address" : "elsewhere", t,
           (t[0] = 'F', t[0] == 'F') ? "yes" : "no");

    char *u = mremap(t, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    printf("MREMAP_DONTUNMAP: new %s, old still mapped %s, old reads %d\n", u, mincore(t, PAGE, vec) == 0 ? "yes" : "no", t[0]);

    char *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    strcpy(shared, "shared before");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *moved = mremap(shared, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
        strcpy(moved, "moved by the child");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent sees: %s\n", shared);
    char *dup = mremap(shared, 0, PAGE, MREMAP_MAYMOVE);
    strcpy(dup, "through the second mapping");
    printf("old length 0 of a shared mapping: %s, first mapping reads: %s\n", dup != shared ? "a second mapping" : "same",
           shared);
    return 0;
}
