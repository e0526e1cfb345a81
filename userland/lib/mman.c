/*
 * mman.c: mmap, munmap, mprotect, mremap, msync, mincore, madvise, posix_madvise,
 * memfd_create, and the program break (brk, sbrk).
 */
#include <unistd.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "libc.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    return (void *)__syscall_ret(__syscall6(SYS_mmap, (long)addr, (long)length, prot, flags, fd, offset));
}

int munmap(void *addr, size_t length) { return (int)__syscall_ret(__syscall2(SYS_munmap, addr, length)); }
int mprotect(void *addr, size_t length, int prot) { return (int)__syscall_ret(__syscall3(SYS_mprotect, addr, length, prot)); }

/* The fifth argument is read only when a flag says there is one, as glibc does. */
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...)
{
    void *new_address = 0;
    if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
        va_list ap;
        va_start(ap, flags);
        new_address = va_arg(ap, void *);
        va_end(ap);
    }
    return (void *)__syscall_ret(__syscall5(SYS_mremap, old_address, old_size, new_size, flags, new_address));
}

int msync(void *addr, size_t length, int flags) { return (int)__syscall_ret(__syscall3(SYS_msync, addr, length, flags)); }
int mincore(void *addr, size_t length, unsigned char *vec) { return (int)__syscall_ret(__syscall3(SYS_mincore, addr, length, vec)); }
int madvise(void *addr, size_t length, int advice) { return (int)__syscall_ret(__syscall3(SYS_madvise, addr, length, advice)); }

/* posix_madvise returns the error number instead of setting errno. POSIX_MADV_DONTNEED is
 * only advice in POSIX, so glibc ignores it rather than discard the pages as MADV_DONTNEED would. */
int posix_madvise(void *addr, size_t length, int advice)
{
    if (advice == POSIX_MADV_DONTNEED) return 0;
    long r = __syscall3(SYS_madvise, addr, length, advice);
    return r < 0 ? (int)-r : 0;
}

int memfd_create(const char *name, unsigned int flags) { return (int)__syscall_ret(__syscall2(SYS_memfd_create, name, flags)); }

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
