# hello.s: the smallest program under the kernel: prints a line and exits 3.
        .text
        .globl  _start
_start: la      a0, msg
        call    puts
        li      a0, 3
        call    sys_exit

        .rodata
msg:    .asciz  "hello from clonix\n"
