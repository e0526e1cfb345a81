# spread.s: four busy processes on four CPUs. Each spins, then prints the CPU it runs on
# (getcpu); new tasks go to the least loaded CPU, so all four CPUs appear.
        .text
        .globl  _start
_start: li      s2, 3                   # children to make
.Lfork: li      a7, 57
        syscall
        beq     a0, zero, .Lwork
        addi    s2, s2, -1
        bne     s2, zero, .Lfork
        li      s3, 1                   # the parent works too, then reaps
.Lwork: li      s1, 200000
.Lspin: addi    s1, s1, -1
        bne     s1, zero, .Lspin
        addi    sp, sp, -16
        li      a7, 309                 # getcpu(sp, 0, 0)
        mv      a0, sp
        li      a1, 0
        li      a2, 0
        syscall
        la      a0, cpu
        call    puts
        lw      a0, 0(sp)
        call    putnum
        li      a0, 10
        call    putc
        beq     s3, zero, .Lquit
        li      s2, 3
.Lreap: li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        addi    s2, s2, -1
        bne     s2, zero, .Lreap
.Lquit: li      a0, 0
        call    sys_exit
        .rodata
cpu:    .asciz  "cpu "
