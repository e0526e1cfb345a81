/*
 * Page tables: a huge sparse mapping, one page touched every 2 MiB (a read from /dev/zero
 * into it, so that the kernel does the touching), until the kernel can map no more; each
 * touch needs a page and a page table. Then munmap gives both back. /proc/meminfo is
 * opened before memory runs out, since opening a file then may fail too.
 */
#include "stress.h"
#include <stdlib.h>
#include <sys/mman.h>

#define STEP (2L << 20)
#define SIZE (1L << 40)

int main(void) {
    int info = open("/proc/meminfo", O_RDONLY);
    long tables = meminfo_from(info, "PageTables");
    char *p = mmap(0, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) { printf("mmap: %s\n", errname(errno)); return 1; }
    int zero = open("/dev/zero", O_RDONLY);
    long touched = 0;
    int err = 0;
    while (touched * STEP < SIZE) {
        if (read(zero, p + touched * STEP, 1) != 1) { err = errno; break; }
        touched++;
    }
    long grown = meminfo_from(info, "PageTables") - tables;
    munmap(p, SIZE); /* first, so that printing has memory to work with */
    long after = meminfo("PageTables");
    printf("%ld pages 2 MiB apart, then %s\n", touched, errname(err));
    printf("page tables: %s\n", grown >= touched * 4 ? "one page each at least" : "fewer than the pages");
    printf("after munmap PageTables is %s\n", after == tables ? "back where it was" : "not back");
    return 0;
}
