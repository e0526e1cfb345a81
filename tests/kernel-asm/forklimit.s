# forklimit.s: run with a limit of 3 tasks (init, us, one more). The first child exits but
# stays a zombie, so the second fork fails with EAGAIN (-11); once the zombie is reaped a
# fork works again (prints 1).
        .text
        .globl  _start
_start: li      a7, 57
        syscall
        beq     a0, zero, child
        li      a7, 57
        syscall
        beq     a0, zero, child
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a7, 57
        syscall
        beq     a0, zero, child
        slt     a0, zero, a0
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit
child:  li      a7, 60
        li      a0, 0
        syscall
