# interleave.s: parent and child each write one letter 300 times, one byte per write, on
# different CPUs; how the letters interleave depends only on the seed.
        .text
        .globl  _start
_start: li      a7, 57
        syscall
        li      s2, 97                  # 'a' for the parent
        bne     a0, zero, .Lgo
        li      s2, 98                  # 'b' for the child
.Lgo:   mv      s3, a0
        li      s1, 300
.Lloop: mv      a0, s2
        call    putc
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
.Lquit: li      a0, 0
        call    sys_exit
