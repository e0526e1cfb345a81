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

/*
 * A system call that is a cancellation point (read, write, nanosleep, pause, wait4 ...), as
 * glibc's SYSCALL_CANCEL: in a process with threads, a pthread_cancel pending on the caller
 * ends it before the call, and one that arrives while the call blocks ends it there
 * (pthread_cancel.c). Returns what __syscall6 returns. In a process that has never had a
 * second thread it is just the system call.
 */
long __syscall_cancel(long nr, long a, long b, long c, long d, long e, long f);
#define __syscall_cancel0(n) __syscall_cancel((n), 0, 0, 0, 0, 0, 0)
#define __syscall_cancel1(n, a) __syscall_cancel((n), (long)(a), 0, 0, 0, 0, 0)
#define __syscall_cancel2(n, a, b) __syscall_cancel((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall_cancel3(n, a, b, c) __syscall_cancel((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall_cancel4(n, a, b, c, d) __syscall_cancel((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* read, write and close that are never cancellation points, for stdio: a thread cancelled inside
 * one would leave its stream locked for ever. (glibc instead unlocks the stream in a
 * cleanup handler; POSIX lets stdio functions either be cancellation points or not.) */
long __read_nocancel(int fd, void *buf, unsigned long count);
long __write_nocancel(int fd, const void *buf, unsigned long count);
int __close_nocancel(int fd);

/* Calls the constructors in order (crt0, before main) and the destructors in reverse
 * order (exit, after the atexit handlers): init_array.c. */
void __libc_init_array(int argc, char **argv, char **envp);
void __libc_fini_array(void);

/* Flushes every stdio stream; exit() calls it after the atexit handlers and destructors. */
void __stdio_exit(void);

/* fork in a threaded process (fork.c): the parent takes stdio's locks (the list, then
 * every stream) and then malloc's before the system call and releases them after it, in
 * reverse; the child, whose other threads are gone, resets them all to unlocked. */
void __stdio_fork_lock(void);
void __stdio_fork_unlock(void);
void __stdio_fork_child(void);
void __malloc_fork_lock(void);
void __malloc_fork_unlock(void);
void __malloc_fork_child(void);

/* POSIX timers with SIGEV_THREAD (timer_thread.c): timer_create's case, and timer_delete's
 * clean-up for any timer id (it does nothing for the others). */
struct sigevent;
int __timer_create_thread(int clk, const struct sigevent *sev, void **timerid);
void __timer_thread_forget(int id);

#endif
