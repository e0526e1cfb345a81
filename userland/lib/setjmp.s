# setjmp.s: non-local jumps (setjmp.h), which C cannot write because they save and load
# sp, fp and ra.
#
# int setjmp(jmp_buf env)                     also _setjmp: saves no signal mask (as glibc)
# int sigsetjmp(sigjmp_buf env, int savemask) saves the mask too when savemask != 0
# void longjmp(jmp_buf env, int val)          also _longjmp and siglongjmp
#
# The layout of struct __jmp_buf_tag (setjmp.h): s1..s10 at 0..72, fp 80, sp 88, ra 96,
# the mask-saved flag (a 32-bit int) at 104 and the signal mask at 112. The registers are
# those a called function must preserve, so to the compiled code setjmp is an ordinary call
# and longjmp is a second return from it. The mask goes through rt_sigprocmask (system call
# 14) with the kernel's 8-byte sigset; a system call preserves every register but a0.

        .text
        .globl  sigsetjmp
        .type   sigsetjmp, @function
sigsetjmp:
        sw      a1, 104(a0)             # the flag first: a1 is all that tells us to save
        beq     a1, zero, save_registers
        mv      t0, a0
        li      a0, 0                   # rt_sigprocmask(SIG_BLOCK, NULL, &env->mask, 8):
        li      a1, 0                   # blocks nothing, only reads the current mask
        addi    a2, t0, 112
        li      a3, 8
        li      a7, 14
        syscall
        mv      a0, t0
        j       save_registers
        .size   sigsetjmp, . - sigsetjmp

        .globl  setjmp
        .type   setjmp, @function
        .globl  _setjmp
        .type   _setjmp, @function
setjmp:
_setjmp:
        sw      zero, 104(a0)
save_registers:
        sd      s1, 0(a0)
        sd      s2, 8(a0)
        sd      s3, 16(a0)
        sd      s4, 24(a0)
        sd      s5, 32(a0)
        sd      s6, 40(a0)
        sd      s7, 48(a0)
        sd      s8, 56(a0)
        sd      s9, 64(a0)
        sd      s10, 72(a0)
        sd      fp, 80(a0)
        sd      sp, 88(a0)
        sd      ra, 96(a0)
        li      a0, 0
        ret
        .size   setjmp, . - setjmp
        .size   _setjmp, . - _setjmp

        .globl  longjmp
        .type   longjmp, @function
        .globl  _longjmp
        .type   _longjmp, @function
        .globl  siglongjmp
        .type   siglongjmp, @function
longjmp:
_longjmp:
siglongjmp:
        mv      t0, a0
        mv      t1, a1
        lw      t2, 104(t0)
        beq     t2, zero, load_registers
        li      a0, 2                   # rt_sigprocmask(SIG_SETMASK, &env->mask, NULL, 8)
        addi    a1, t0, 112
        li      a2, 0
        li      a3, 8
        li      a7, 14
        syscall
load_registers:
        ld      s1, 0(t0)
        ld      s2, 8(t0)
        ld      s3, 16(t0)
        ld      s4, 24(t0)
        ld      s5, 32(t0)
        ld      s6, 40(t0)
        ld      s7, 48(t0)
        ld      s8, 56(t0)
        ld      s9, 64(t0)
        ld      s10, 72(t0)
        ld      fp, 80(t0)
        ld      sp, 88(t0)
        ld      ra, 96(t0)
        mv      a0, t1                  # setjmp's second result: val, or 1 if val is 0
        bne     a0, zero, jump_back
        li      a0, 1
jump_back:
        ret
        .size   longjmp, . - longjmp
        .size   _longjmp, . - _longjmp
        .size   siglongjmp, . - siglongjmp
