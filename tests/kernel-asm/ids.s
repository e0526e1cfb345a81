# ids.s: getpid, gettid and getppid in a process and in its forked child.
# Prints "parent PID TID PPID", then the child prints "child PID TID PPID".
        .text
        .globl  _start
_start: la      a0, parent
        call    puts
        call    show
        li      a7, 57                  # fork()
        syscall
        beq     a0, zero, child
        addi    sp, sp, -16
        li      a7, 61                  # wait4(pid, 0, 0, 0)
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 0
        call    sys_exit
child:  la      a0, kid
        call    puts
        call    show
        li      a7, 60
        li      a0, 0
        syscall

show:   addi    sp, sp, -16
        sd      ra, 0(sp)
        li      a7, 39                  # getpid
        syscall
        call    putnum
        li      a0, 32
        call    putc
        li      a7, 186                 # gettid
        syscall
        call    putnum
        li      a0, 32
        call    putc
        li      a7, 110                 # getppid
        syscall
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .rodata
parent: .asciz  "parent "
kid:    .asciz  "child "
