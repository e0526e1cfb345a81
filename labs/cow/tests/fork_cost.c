/*
 * Fork costs page tables, not pages: a process that has written 4 MiB forks, and neither
 * the machine's private memory (AnonPages) nor its free memory (MemFree) drops by more
 * than a small part of the 4 MiB, since nothing has been written since. The child then
 * execs a program, which must run as usual. Builds with gcc and prints the same (cow.h).
 */
#include "cow.h"

#define NPAGES 1024

int main(void) {
    char *buf = malloc(NPAGES * PAGE);
    write_pages(buf, NPAGES, 1);
    long anon = meminfo_pages("AnonPages"), free = meminfo_pages("MemFree");
    fflush(stdout);
    int pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) {
        long anon_used = meminfo_pages("AnonPages") - anon;
        long free_used = free - meminfo_pages("MemFree");
        if (anon_used < NPAGES / 8) printf("ok: fork used no private memory for pages no one wrote\n");
        else printf("FAIL: fork used %ld pages of private memory (AnonPages) for %d pages no one wrote\n", anon_used, NPAGES);
        if (free_used < NPAGES / 8) printf("ok: fork cost the machine little more than page tables\n");
        else printf("FAIL: fork took %ld free pages (MemFree), for a process of %d written pages\n", free_used, NPAGES);
        if (wrong_pages(buf, NPAGES, 1) == 0) printf("ok: the child sees the parent's pages\n");
        else printf("FAIL: the child does not see what the parent wrote before fork\n");
        fflush(stdout);
        char *argv[] = {"echo", "ok: the child execs a program", 0};
        execv("/bin/echo", argv);
        _exit(3);
    }
    printf("child exited with status %d\n", wait_for(pid));
    if (wrong_pages(buf, NPAGES, 1) == 0) printf("ok: the parent still sees its pages\n");
    else printf("FAIL: the parent's pages changed\n");
    return 0;
}
