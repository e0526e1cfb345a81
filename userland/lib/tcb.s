# tcb.s: reading and writing the thread pointer, which C cannot name (see tcb.h).
#
# struct tcb *__tcb(void)           returns tp
# void __set_tcb(struct tcb *tcb)   sets tp to tcb; clone(CLONE_SETTLS) sets it in a new thread

        .text
        .globl  __tcb
        .type   __tcb, @function
__tcb:
        mv      a0, tp
        ret
        .size   __tcb, . - __tcb

        .globl  __set_tcb
        .type   __set_tcb, @function
__set_tcb:
        mv      tp, a0
        ret
        .size   __set_tcb, . - __set_tcb
