/*
 * Many children at once: a process that has written 4 MiB forks 16 children, which all
 * live at the same time. Each writes 4 pages of its own and waits; the 16 forks and the
 * 64 written pages must cost the machine's private memory (AnonPages) less than half of one
 * copy of the 4 MiB. Then each child checks that it sees its own pages, and the parent's
 * everywhere else, none of its siblings'. Builds with gcc and prints the same (cow.h).
 */
#include "cow.h"

#define NPAGES 1024
#define CHILDREN 16
#define WRITTEN 4

int main(void) {
    char *buf = malloc(NPAGES * PAGE);
    write_pages(buf, NPAGES, 1);
    int ready[2], go[2];
    if (pipe(ready) || pipe(go)) return 2;
    long anon = meminfo_pages("AnonPages");
    int pids[CHILDREN];
    fflush(stdout);
    for (int i = 0; i < CHILDREN; i++) {
        pids[i] = fork();
        if (pids[i] < 0) return 2;
        if (pids[i] == 0) {
            close(go[1]);
            write_pages(buf + i * WRITTEN * PAGE, WRITTEN, 1000 * (i + 1));
            char c = 'w';
            write(ready[1], &c, 1);
            read(go[0], &c, 1); // returns 0 once the parent has closed the pipe: every sibling has written
            long wrong = wrong_pages(buf, i * WRITTEN, 1) + wrong_pages(buf + i * WRITTEN * PAGE, WRITTEN, 1000 * (i + 1))
                    + wrong_pages(buf + (i + 1) * WRITTEN * PAGE, NPAGES - (i + 1) * WRITTEN, (i + 1) * WRITTEN + 1);
            _exit(wrong != 0);
        }
    }
    for (int i = 0; i < CHILDREN; i++) {
        char c;
        if (read(ready[0], &c, 1) != 1) return 2; // a child has written its pages
    }
    long used = meminfo_pages("AnonPages") - anon;
    close(go[1]);
    int failures = 0;
    for (int i = 0; i < CHILDREN; i++) failures += wait_for(pids[i]) != 0;
    if (used < NPAGES / 2) printf("ok: %d children that wrote %d pages each cost less than half of one copy\n", CHILDREN, WRITTEN);
    else printf("FAIL: %d children that wrote %d pages each cost %ld pages of private memory (AnonPages)\n", CHILDREN, WRITTEN, used);
    if (failures == 0) printf("ok: each child saw its own pages and the parent's, none of its siblings'\n");
    else printf("FAIL: %d of %d children saw pages that were not theirs or the parent's\n", failures, CHILDREN);
    if (wrong_pages(buf, NPAGES, 1) == 0) printf("ok: the parent's pages are unchanged\n");
    else printf("FAIL: the parent's pages changed when its children wrote\n");
    return 0;
}
