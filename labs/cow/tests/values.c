/*
 * After fork, parent and child each see their own writes and never the other's, in global
 * data, on the heap and on the stack, and fork itself copies no page of the 1 MiB both
 * have written. The two take turns through pipes, so the output never depends on the
 * schedule. Builds with gcc and prints the same (cow.h).
 */
#include "cow.h"

#define NPAGES 256

static char data[NPAGES * PAGE];

int main(void) {
    char *heap = malloc(16 * PAGE);
    char stack[2 * PAGE];
    write_pages(data, NPAGES, 1000);
    write_pages(heap, 16, 2000);
    write_pages(stack, 2, 3000);
    int to_parent[2], to_child[2];
    char token = 'x';
    if (pipe(to_parent) || pipe(to_child)) return 2;
    long anon = meminfo_pages("AnonPages");
    fflush(stdout);
    int pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) {
        long copied = meminfo_pages("AnonPages") - anon;
        // The child writes the first half of each buffer, then lets the parent look.
        write_pages(data, NPAGES / 2, 5000);
        write_pages(heap, 8, 6000);
        write_pages(stack, 1, 7000);
        write(to_parent[1], &token, 1);
        read(to_child[0], &token, 1);
        // The parent has written the second half of each buffer meanwhile.
        if (copied < NPAGES / 4) printf("ok: child: fork copied no page that was not written\n");
        else printf("FAIL: child: fork copied %ld pages of %d written before it\n", copied, NPAGES);
        long wrong = wrong_pages(data, NPAGES / 2, 5000) + wrong_pages(data + NPAGES / 2 * PAGE, NPAGES / 2, 1000 + NPAGES / 2)
                + wrong_pages(heap, 8, 6000) + wrong_pages(heap + 8 * PAGE, 8, 2008)
                + wrong_pages(stack, 1, 7000) + wrong_pages(stack + PAGE, 1, 3001);
        if (wrong == 0) printf("ok: child: sees its own writes and none of the parent's\n");
        else printf("FAIL: child: %ld pages do not hold what the child wrote or had before fork\n", wrong);
        fflush(stdout);
        _exit(0);
    }
    read(to_parent[0], &token, 1);
    long unchanged = wrong_pages(data, NPAGES, 1000) + wrong_pages(heap, 16, 2000) + wrong_pages(stack, 2, 3000);
    write_pages(data + NPAGES / 2 * PAGE, NPAGES / 2, 8000);
    write_pages(heap + 8 * PAGE, 8, 9000);
    write_pages(stack + PAGE, 1, 10000);
    write(to_child[1], &token, 1);
    int status = wait_for(pid);
    long wrong = wrong_pages(data, NPAGES / 2, 1000) + wrong_pages(data + NPAGES / 2 * PAGE, NPAGES / 2, 8000)
            + wrong_pages(heap, 8, 2000) + wrong_pages(heap + 8 * PAGE, 8, 9000)
            + wrong_pages(stack, 1, 3000) + wrong_pages(stack + PAGE, 1, 10000);
    if (unchanged == 0) printf("ok: parent: the child's writes are not seen by the parent\n");
    else printf("FAIL: parent: %ld pages changed when the child wrote them\n", unchanged);
    if (wrong == 0) printf("ok: parent: sees its own writes and none of the child's\n");
    else printf("FAIL: parent: %ld pages do not hold what the parent wrote or had before fork\n", wrong);
    printf("child exited with status %d\n", status);
    return 0;
}
