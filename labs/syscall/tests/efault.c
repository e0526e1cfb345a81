/*
 * sysinfo fails with EFAULT, and does not end the program, when its pointer does not lead
 * to 112 writable bytes: NULL, a small number, a kernel address, a read-only page, and a
 * struct that runs off the end of its mapping into a page that is not mapped. It works
 * into a page that was never touched (the kernel faults it in, as the program's own store
 * would) and into the last 112 bytes of a mapping. Each line is the call and its result.
 *
 * Linux is the reference: gcc efault.c && ./a.out prints the same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#define PAGE 4096

static void call(const char *what, void *info) {
    errno = 0;
    int r = sysinfo(info);
    printf("sysinfo(%s) = %d%s%s\n", what, r, r == 0 ? "" : " ", r == 0 ? "" : strerror(errno));
}

int main(void) {
    call("NULL", NULL);
    call("(void *) 1", (void *) 1);
    call("a kernel address", (void *) 0xffff800000000000UL);
    char *two = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (two == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    call("a page never touched", two);
    call("the last 112 bytes of a mapping", two + 2 * PAGE - sizeof(struct sysinfo));
    munmap(two + PAGE, PAGE);
    call("a struct running into an unmapped page", two + PAGE - 56);
    mprotect(two, PAGE, PROT_READ);
    call("a read-only page", two);
    struct sysinfo si;
    call("&si", &si);
    return 0;
}
