# yield.s: on one CPU, parent and child take turns with sched_yield: "ababababab".
        .text
        .globl  _start
_start: li      a7, 57
        syscall
        li      s2, 97
        bne     a0, zero, .Lgo
        li      s2, 98
.Lgo:   mv      s3, a0
        li      s1, 5
.Lloop: mv      a0, s2
        call    putc
        li      a7, 24                  # sched_yield
        syscall
        addi    s1, s1, -1
        bne     s1, zero, .Lloop
        beq     s3, zero, .Lquit
        addi    sp, sp, -16
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 10
        call    putc
.Lquit: li      a0, 0
        call    sys_exit
