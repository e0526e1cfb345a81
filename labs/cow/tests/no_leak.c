/*
 * No frame is leaked: a process that has written 1 MiB forks 20 children one after the
 * other, and each child writes some of the pages, forks a grandchild that writes others,
 * and exits, while the parent writes pages too between forks. Once all are reaped, the
 * machine has exactly as many free frames (MemFree) as before. Each child also checks
 * that its fork copied no page that no one wrote. Builds with gcc, but Linux's MemFree is
 * too coarse for it (cow.h): there the leak line differs.
 */
#include "cow.h"

#define NPAGES 256
#define CHILDREN 20

static char buf[NPAGES * PAGE];

/* The life of child number I: writes pages, has a child of its own, and exits. */
static void child(int i, long anon) {
    int failed = meminfo_pages("AnonPages") - anon >= NPAGES / 4;
    write_pages(buf + (i * 7 % NPAGES) * PAGE, 5, i);
    fflush(stdout);
    int pid = fork();
    if (pid == 0) {
        write_pages(buf + (i * 13 % NPAGES) * PAGE, 3, i);
        _exit(wrong_pages(buf + (i * 13 % NPAGES) * PAGE, 3, i) != 0);
    }
    failed |= pid < 0 || wait_for(pid) != 0;
    _exit(failed || wrong_pages(buf + (i * 7 % NPAGES) * PAGE, 5, i) != 0);
}

int main(void) {
    write_pages(buf, NPAGES, 1);
    // One child first, so that what the first fork sets up once (the kernel's caches) is
    // not counted as a leak.
    fflush(stdout);
    int pid = fork();
    if (pid == 0) _exit(0);
    wait_for(pid);
    long free = meminfo_pages("MemFree");
    int failures = 0;
    for (int i = 0; i < CHILDREN; i++) {
        long anon = meminfo_pages("AnonPages");
        pid = fork();
        if (pid < 0) return 2;
        if (pid == 0) child(i, anon);
        write_pages(buf + (i * 11 % NPAGES) * PAGE, 4, 100 + i);
        failures += wait_for(pid) != 0;
    }
    long leaked = free - meminfo_pages("MemFree");
    if (failures == 0) printf("ok: every child saw its own writes, and no fork copied a page no one wrote\n");
    else printf("FAIL: %d of %d children saw wrong pages or had pages copied that no one wrote\n", failures, CHILDREN);
    if (leaked == 0) printf("ok: once the children are reaped, every frame is free again\n");
    else printf("FAIL: %ld frames are still in use after every child was reaped (MemFree)\n", leaked);
    return 0;
}
