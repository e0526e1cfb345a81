/*
 * The last user of a page takes it back instead of copying it. A parent writes 1 MiB and
 * forks a child that exits at once, so every page is copy-on-write with the parent as its
 * only user. The parent then fills the machine's memory to the last frame (a large mapping,
 * then pipe buffers until a write fails with ENOMEM) and writes all its pages: none may need
 * a frame. A kernel that copied them would find no frame free and have to kill a process.
 *
 * Clonix only (run with --mem 16): it fills the memory of the whole machine, which must not
 * be done on a Linux host.
 */
#include "cow.h"
#include <errno.h>
#include <sys/mman.h>

#define NPAGES 256
#define PIPES 64

static char buf[NPAGES * PAGE];
static int pipes[PIPES][2];
static char chunk[PAGE];

int main(void) {
    write_pages(buf, NPAGES, 1);
    long anon = meminfo_pages("AnonPages");
    fflush(stdout);
    int pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) _exit(meminfo_pages("AnonPages") - anon >= NPAGES / 4);
    if (wait_for(pid) == 0) printf("ok: fork copied no page that was not written\n");
    else printf("FAIL: fork copied pages that were not written (AnonPages)\n");
    fflush(stdout);

    // Most of the free memory goes to one mapping, leaving room for its page tables and
    // the pipes; the pipes' buffers then take the frames that are left, one by one.
    for (int i = 0; i < PIPES; i++) {
        if (pipe(pipes[i]) || fcntl(pipes[i][1], F_SETFL, O_NONBLOCK)) return 2;
    }
    long free = meminfo_pages("MemFree");
    long fill = free - free / 256 - 256;
    char *mem = mmap(0, fill * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return 2;
    write_pages(mem, fill, 0);
    int full = 0;
    for (int i = 0; i < PIPES && !full; ) {
        if (write(pipes[i][1], chunk, PAGE) == PAGE) continue;
        if (errno == ENOMEM) full = 1;
        else if (errno == EAGAIN) i++;
        else return 2;
    }

    // A pipe write fails with ENOMEM only when no frame at all is free, so none is now, and
    // nothing frees one: each write below must take its page back.
    write_pages(buf, NPAGES, 2);
    long wrong = wrong_pages(buf, NPAGES, 2);

    munmap(mem, fill * PAGE);
    for (int i = 0; i < PIPES; i++) close(pipes[i][0]), close(pipes[i][1]);
    if (!full) printf("FAIL: the test could not fill the machine's memory\n");
    else if (wrong == 0) printf("ok: with no frame free, the parent wrote its %d pages, each its last user\n", NPAGES);
    else printf("FAIL: %ld pages do not hold what the parent wrote\n", wrong);
    return 0;
}
