/*
 * signal.h: signals, with Linux x86-64 numbers and glibc's user-space layouts.
 *
 * struct sigaction is glibc's (handler, 128-byte sa_mask, flags, restorer); sigaction()
 * converts it to the kernel's layout (handler, flags, restorer, 8-byte mask) for
 * rt_sigaction. sigset_t is glibc's 1024-bit set; the kernel uses the first 64 bits.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <time.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define _NSIG 65
#define NSIG _NSIG
/* As glibc's: real-time signals 32 and 33 are kept for the thread library (SIGCANCEL is 32). */
#define SIGRTMIN 34
#define SIGRTMAX 64

typedef void (*sighandler_t)(int);
#define SIG_ERR ((sighandler_t)-1)
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef struct {
    unsigned long __val[1024 / (8 * sizeof(unsigned long))];
} sigset_t;

typedef int sig_atomic_t;

/* si_code values (asm-generic/siginfo.h): who sent the signal... */
#define SI_USER 0        /* kill, raise, and pthread_kill as sigwaitinfo reports it */
#define SI_KERNEL 0x80   /* the kernel */
#define SI_QUEUE (-1)    /* sigqueue */
#define SI_TIMER (-2)    /* a POSIX timer's expiry (timer_create) */
#define SI_MESGQ (-3)    /* a message queue's state change */
#define SI_ASYNCIO (-4)  /* an asynchronous I/O's completion */
#define SI_SIGIO (-5)    /* a queued SIGIO */
#define SI_TKILL (-6)    /* tkill, tgkill */
#define SI_DETHREAD (-7) /* execve killing the other threads */
#define SI_ASYNCNL (-60) /* an asynchronous name lookup's completion */
/* ...or, per signal, what the fault was; each family counts from 1. */
#define ILL_ILLOPC 1   /* illegal opcode */
#define ILL_ILLOPN 2   /* illegal operand */
#define ILL_ILLADR 3   /* illegal addressing mode */
#define ILL_ILLTRP 4   /* illegal trap */
#define ILL_PRVOPC 5   /* privileged opcode */
#define ILL_PRVREG 6   /* privileged register */
#define ILL_COPROC 7   /* coprocessor error */
#define ILL_BADSTK 8   /* internal stack error */
#define FPE_INTDIV 1   /* integer divide by zero */
#define FPE_INTOVF 2   /* integer overflow */
#define FPE_FLTDIV 3   /* floating-point divide by zero */
#define FPE_FLTOVF 4   /* floating-point overflow */
#define FPE_FLTUND 5   /* floating-point underflow */
#define FPE_FLTRES 6   /* floating-point inexact result */
#define FPE_FLTINV 7   /* floating-point invalid operation */
#define FPE_FLTSUB 8   /* subscript out of range */
#define SEGV_MAPERR 1  /* address not mapped */
#define SEGV_ACCERR 2  /* mapped, but the access is not allowed */
#define SEGV_BNDERR 3  /* bounds check failure */
#define SEGV_PKUERR 4  /* protection key check failure */
#define BUS_ADRALN 1   /* misaligned address */
#define BUS_ADRERR 2   /* no such physical address (a file mapping beyond the end of its file) */
#define BUS_OBJERR 3   /* an object's hardware error */
#define BUS_MCEERR_AR 4 /* memory error, action required */
#define BUS_MCEERR_AO 5 /* memory error, action optional */
#define TRAP_BRKPT 1   /* breakpoint */
#define TRAP_TRACE 2   /* trace trap */
#define TRAP_BRANCH 3  /* taken branch */
#define TRAP_HWBKPT 4  /* hardware breakpoint or watchpoint */
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define POLL_IN 1      /* SIGIO: input ready */
#define POLL_OUT 2     /* output possible */
#define POLL_MSG 3     /* a message arrived */
#define POLL_ERR 4     /* an I/O error */
#define POLL_PRI 5     /* urgent input */
#define POLL_HUP 6     /* the other end hung up */

/* The value sigqueue sends with a signal. */
union sigval {
    int sival_int;
    void *sival_ptr;
};

/* glibc's x86-64 siginfo_t: 128 bytes, the fields this kernel fills named by macros. */
typedef struct {
    int si_signo;
    int si_errno;
    int si_code;
    int __pad0;
    union {
        struct {
            pid_t __pid;
            uid_t __uid;
            int __status;
        } __proc;
        struct {
            pid_t __pid;
            uid_t __uid;
            union sigval __value;
        } __rt;
        void *__addr;
        int __pad[28];
    } __u;
} siginfo_t;
#define si_pid __u.__proc.__pid
#define si_uid __u.__proc.__uid
#define si_status __u.__proc.__status
#define si_value __u.__rt.__value
#define si_int __u.__rt.__value.sival_int
#define si_ptr __u.__rt.__value.sival_ptr
#define si_addr __u.__addr
/* A POSIX timer's signal (SI_TIMER): the kernel's timer id and the expiries it missed. */
#define si_timerid __u.__proc.__pid
#define si_overrun __u.__proc.__uid

/*
 * How a POSIX timer (timer_create) tells that it expired, glibc's 64-byte struct sigevent:
 * nothing (SIGEV_NONE), signal sigev_signo with sigev_value to the process (SIGEV_SIGNAL)
 * or to thread sigev_notify_thread_id (SIGEV_THREAD_ID), or a call of
 * sigev_notify_function in a new thread (SIGEV_THREAD).
 */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4
typedef struct sigevent {
    union sigval sigev_value;
    int sigev_signo;
    int sigev_notify;
    union {
        int __pad[12];
        pid_t _tid;
        struct {
            void (*_function)(union sigval);
            void *_attribute; /* a pthread_attr_t *, or NULL */
        } _sigev_thread;
    } _sigev_un;
} sigevent_t;
#define sigev_notify_thread_id _sigev_un._tid
#define sigev_notify_function _sigev_un._sigev_thread._function
#define sigev_notify_attributes _sigev_un._sigev_thread._attribute

/* An alternate signal stack (sigaltstack), for handlers installed with SA_ONSTACK. */
typedef struct {
    void *ss_sp;
    int ss_flags;
    size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

struct sigaction {
    union {
        sighandler_t __sa_handler;
        void (*__sa_sigaction)(int, siginfo_t *, void *);
    } __sigaction_handler;
    sigset_t sa_mask;
    int sa_flags;
    void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.__sa_handler
#define sa_sigaction __sigaction_handler.__sa_sigaction

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int kill(pid_t pid, int sig);
/* Sends sig to every process of group pgrp, as kill(-pgrp, sig) (0: the caller's group); EINVAL if pgrp < 0. */
int killpg(pid_t pgrp, int sig);
int raise(int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);
int pause(void);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigwait(const sigset_t *set, int *sig);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigaltstack(const stack_t *ss, stack_t *old);

#endif
