# uthread_switch.s: the two-level thread library's context switch, and an LWP's last act.
#
# void __uthread_switch(struct uthread_context *from, struct uthread_context *to)
#
#   Saves the registers a called function must preserve (s1..s10, fp, sp) together with ra
#   and tp into *from, loads them from *to, and returns: to where *to's owner called
#   __uthread_switch, or, for a context never run before, to the entry function its ra
#   names, on the stack its sp names. Caller-saved registers need no saving, because to
#   the compiled code this is an ordinary call. Switching tp switches the thread control
#   block, so errno (tcb.h) follows the user thread. The layout of struct uthread_context
#   (uthread_impl.h) is 14 doublewords: s1..s10 at 0..72, fp 80, sp 88, ra 96, tp 104.
#
# void __uthread_lwp_exit(char *stack, size_t size)
#
#   Unmaps the LWP's own stack and ends the LWP with SYS_exit(0). Between the two system
#   calls it touches no memory, so it may run on the stack it unmaps (musl's __unmapself
#   does the same). The kernel then clears the LWP's tid (CLONE_CHILD_CLEARTID), which
#   tells the library the slot may be used again.

        .text
        .globl  __uthread_switch
        .type   __uthread_switch, @function
__uthread_switch:
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
        sd      tp, 104(a0)
        ld      s1, 0(a1)
        ld      s2, 8(a1)
        ld      s3, 16(a1)
        ld      s4, 24(a1)
        ld      s5, 32(a1)
        ld      s6, 40(a1)
        ld      s7, 48(a1)
        ld      s8, 56(a1)
        ld      s9, 64(a1)
        ld      s10, 72(a1)
        ld      fp, 80(a1)
        ld      sp, 88(a1)
        ld      ra, 96(a1)
        ld      tp, 104(a1)
        ret
        .size   __uthread_switch, . - __uthread_switch

        .globl  __uthread_lwp_exit
        .type   __uthread_lwp_exit, @function
__uthread_lwp_exit:
        li      a7, 11                  # SYS_munmap(stack, size)
        syscall
        li      a0, 0
        li      a7, 60                  # SYS_exit(0): this LWP only
        syscall
        break                           # exit does not return
        .size   __uthread_lwp_exit, . - __uthread_lwp_exit
