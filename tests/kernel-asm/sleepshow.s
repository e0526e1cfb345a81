# sleepshow.s: sleeps 1 ms, then prints "PID TID" and exits 0.
        .text
        .globl  _start
_start: li      a7, 35
        la      a0, ts
        li      a1, 0
        syscall
        li      a7, 39
        syscall
        call    putnum
        li      a0, 32
        call    putc
        li      a7, 186
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit
        .rodata
        .align  8
ts:     .quad   0, 1000000
