/*
 * setjmp.h: non-local jumps (C11 7.13, POSIX sigsetjmp), written in userland/lib/setjmp.s.
 *
 * A jmp_buf holds what a called function must give back to its caller, so that longjmp can
 * return a second time from the setjmp that filled it: the callee-saved registers s1..s10,
 * fp, sp and ra (the address setjmp returns to). Caller-saved registers need no saving:
 * to the compiled code setjmp is an ordinary call that may clobber them. tp is not saved,
 * because a jump never leaves its thread. After the registers come glibc's two mask
 * fields: whether sigsetjmp saved the signal mask, and the mask itself.
 *
 * As in glibc, setjmp does not save the signal mask (it is _setjmp) and longjmp restores
 * the mask only when the buffer holds one, so longjmp out of a signal handler leaves that
 * signal blocked; sigsetjmp(env, 1) with siglongjmp is the way to unblock it.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <signal.h>

struct __jmp_buf_tag {
    long __jmpbuf[13];          /* s1..s10 at 0..72, fp 80, sp 88, ra 96 */
    int __mask_was_saved;       /* at 104: non-zero if __saved_mask holds the mask */
    sigset_t __saved_mask;      /* at 112: the kernel's 64 bits are the first word */
};

typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

/* Saves the calling environment in env and returns 0; returns again, with longjmp's
 * value, each time a longjmp names env while the function that called setjmp is live. */
int setjmp(jmp_buf env);
int _setjmp(jmp_buf env);

/* As setjmp; also saves the signal mask in env when savemask is non-zero. */
int sigsetjmp(sigjmp_buf env, int savemask);

/* Returns from the setjmp that filled env, with val as its result (1 if val is 0),
 * restoring the signal mask if that setjmp saved it. Never returns. */
_Noreturn void longjmp(jmp_buf env, int val);
_Noreturn void _longjmp(jmp_buf env, int val);
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
