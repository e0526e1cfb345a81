/* mman.c: mmap, munmap, mprotect and the program break (brk, sbrk). */
#include <unistd.h>
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "libc.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    return (void *)__syscall_ret(__syscall6(SYS_mmap, (long)addr, (long)length, prot, flags, fd, offset));
}

int munmap(void *addr, size_t length) { return (int)__syscall_ret(__syscall2(SYS_munmap, addr, length)); }
int mprotect(void *addr, size_t length, int prot) { return (int)__syscall_ret(__syscall3(SYS_mprotect, addr, length, prot)); }

/* The current break, learnt from the kernel on first use (brk(0) returns it). */
static unsigned long current_break;

/*
 * brk(2) as Linux has it returns the new break, or the old one when it cannot move; the
 * C function turns that into 0 or -1 with ENOMEM, as glibc does.
 */
int brk(void *addr)
{
    unsigned long got = (unsigned long)__syscall1(SYS_brk, addr);
    current_break = got;
    if (got < (unsigned long)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

/* Moves the break by increment bytes and returns the old break, or (void *)-1 and ENOMEM. */
void *sbrk(long increment)
{
    unsigned long old;
    if (current_break == 0) current_break = (unsigned long)__syscall1(SYS_brk, 0);
    old = current_break;
    if (increment == 0) return (void *)old;
    if (brk((void *)(old + increment)) < 0) return (void *)-1;
    return (void *)old;
}
