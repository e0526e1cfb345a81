/*
 * After fork, writing k pages costs k frames: the child writes 1, then 10, then 100 pages
 * of a 1 MiB buffer both share, and the machine's private memory (AnonPages) grows by k
 * each time, give or take a page. Once the child has exited, the parent is the last user
 * of every page, and writing all of them costs no frame.
 * Builds with gcc, but Linux's AnonPages is too coarse for it (cow.h): there the cost lines
 * differ.
 */
#include "cow.h"

#define NPAGES 256
#define SLACK 2

static char buf[NPAGES * PAGE];

/* Writes K pages from page FIRST and reports what it cost; returns 0 if it cost about K. */
static int check_write(long first, long k, const char *who) {
    long before = meminfo_pages("AnonPages");
    write_pages(buf + first * PAGE, k, 77);
    long cost = meminfo_pages("AnonPages") - before;
    if (cost >= k && cost <= k + SLACK) {
        printf("ok: %s: writing %ld pages cost %ld pages\n", who, k, k);
        return 0;
    }
    printf("FAIL: %s: writing %ld pages cost %ld pages of private memory (AnonPages)\n", who, k, cost);
    return 1;
}

int main(void) {
    write_pages(buf, NPAGES, 1);
    meminfo_pages("AnonPages"); // makes meminfo's buffer resident before any figure counts
    fflush(stdout);
    int pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) {
        meminfo_pages("AnonPages"); // the child's first write to the buffer is not part of the test
        int failed = check_write(0, 1, "child") + check_write(1, 10, "child") + check_write(11, 100, "child");
        if (wrong_pages(buf + 111 * PAGE, NPAGES - 111, 111 + 1) == 0) printf("ok: child: the pages it did not write are the parent's\n");
        else printf("FAIL: child: the pages it did not write changed\n");
        fflush(stdout);
        _exit(failed);
    }
    printf("child exited with status %d\n", wait_for(pid));
    long before = meminfo_pages("AnonPages");
    write_pages(buf, NPAGES, 2);
    long cost = meminfo_pages("AnonPages") - before;
    if (cost <= SLACK) printf("ok: parent: once the child has gone, writing its %d pages costs no frame\n", NPAGES);
    else printf("FAIL: parent: the child has gone, yet writing %d pages cost %ld pages (AnonPages)\n", NPAGES, cost);
    if (wrong_pages(buf, NPAGES, 2) == 0) printf("ok: parent: sees what it wrote\n");
    else printf("FAIL: parent: does not see what it wrote\n");
    return 0;
}
