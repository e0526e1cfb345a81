# timeslice.s: two CPU-bound processes; each spins and prints its letter, ten times. Nobody
# yields: on one CPU only the timer's preemption lets the other one in.
        .text
        .globl  _start
_start: li      a7, 57
        syscall
        li      s2, 97
        bne     a0, zero, .Lgo
        li      s2, 98
.Lgo:   mv      s3, a0
        li      s4, 10
.Lround:
        li      s1, 20000
.Lspin: addi    s1, s1, -1
        bne     s1, zero, .Lspin
        mv      a0, s2
        call    putc
        addi    s4, s4, -1
        bne     s4, zero, .Lround
        beq     s3, zero, .Lquit
        addi    sp, sp, -16
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
.Lquit: li      a0, 0
        call    sys_exit
