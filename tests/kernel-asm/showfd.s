# showfd.s: prints argv[1], then the result of writing to fd 5, then writes "ok\n" to fd 6.
        .text
        .globl  _start
_start: ld      a0, 16(sp)
        call    puts
        li      a0, 10
        call    putc
        li      a7, 1
        li      a0, 5
        la      a1, ok
        li      a2, 3
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 1
        li      a0, 6
        la      a1, ok
        li      a2, 3
        syscall
        li      a0, 0
        call    sys_exit
        .rodata
ok:     .asciz  "ok\n"
