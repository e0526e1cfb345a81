# orphan.s: the child forks a grandchild and exits at once; the grandchild sleeps 1 ms,
# by which time it has been reparented to init, and prints its getppid: 1. init reaps it.
        .text
        .globl  _start
_start: addi    sp, sp, -16
        li      a7, 57
        syscall
        beq     a0, zero, child
        li      a7, 61                  # wait for the child only
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 0
        call    sys_exit
child:  li      a7, 57
        syscall
        beq     a0, zero, grandchild
        li      a7, 60
        li      a0, 0
        syscall
grandchild:
        li      a7, 35
        la      a0, ts
        li      a1, 0
        syscall
        la      a0, ppid
        call    puts
        li      a7, 110
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 60
        li      a0, 0
        syscall

        .rodata
ppid:   .asciz  "ppid "
        .align  8
ts:     .quad   0, 1000000
