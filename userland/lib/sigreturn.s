# sigreturn.s: void __restore_rt(void)
#
# The way back from every signal handler, as glibc's __restore_rt on x86-64. sigaction()
# passes it to the kernel as sa_restorer with SA_RESTORER; the kernel sets ra to it when it
# enters a handler, so the handler's final ret lands here with sp at the signal frame, and
# rt_sigreturn restores every register, the pc and the signal mask saved in that frame
# (docs/kernel.md, "Signals").

        .text
        .globl  __restore_rt
        .type   __restore_rt, @function
__restore_rt:
        li      a7, 15                  # SYS_rt_sigreturn
        syscall
        break                           # rt_sigreturn does not return here
        .size   __restore_rt, . - __restore_rt
