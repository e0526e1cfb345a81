/*
 * libc.h: what libc's own files share and programs never see.
 *
 * __syscallN(nr, ...) is the raw system call: it returns -errno on failure and does not
 * touch errno. __syscall_ret turns such a result into the C convention (-1 and errno).
 */
#ifndef _CLONIX_LIBC_H
#define _CLONIX_LIBC_H

long __syscall6(long nr, long a, long b, long c, long d, long e, long f);
long __syscall_ret(unsigned long r);

#define __syscall0(n) __syscall6((n), 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a) __syscall6((n), (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b) __syscall6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c) __syscall6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d) __syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __syscall5(n, a, b, c, d, e) \
    __syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Flushes every stdio stream; exit() calls it after the atexit handlers. */
void __stdio_exit(void);

#endif
