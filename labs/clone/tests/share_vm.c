/*
 * CLONE_VM: the child runs in its parent's address space. Everything the child stores, in a
 * global, in the heap, or in a mapping it makes itself, the parent sees. Without CLONE_VM
 * the child has a copy (copy-on-write, as after fork): its stores and its new mapping are
 * its own, and the parent still sees what was there before the clone.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly share_vm.expected.
 */
#include "clone_test.h"
#include <sys/mman.h>

static int counter;
static char *buffer;      /* a heap block the parent allocates */
static char *mapping;     /* a page the child maps */

/* The child: adds 41 to the counter, overwrites the buffer, maps a page and writes to it. */
static int child(void *arg)
{
    (void)arg;
    counter += 41;
    strcpy(buffer, "written by the child");
    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page != MAP_FAILED) {
        strcpy(page, "the child's page");
        mapping = page;
    }
    return 0;
}

static void try(int flags, const char *what)
{
    int status;
    counter = 1;
    strcpy(buffer, "written by the parent");
    mapping = NULL;
    if (run_child(what, child, flags, &status) < 0)
        return;
    printf("%s: counter = %d\n", what, counter);
    printf("%s: buffer = \"%s\"\n", what, buffer);
    printf("%s: the child's mapping is %s\n", what, mapping ? mapping : "not seen");
    if (mapping)
        munmap(mapping, 4096);
}

int main(void)
{
    buffer = malloc(64);
    try(SIGCHLD | CLONE_VM, "with CLONE_VM");
    try(SIGCHLD, "without CLONE_VM");
    return 0;
}
