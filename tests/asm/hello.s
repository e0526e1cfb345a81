# hello.s: writes "hello, world\n" three times with write(2), then exits with status 0.
#
# System calls follow Linux x86-64: the number goes in a7, arguments in a0..a5, and the
# result comes back in a0. Every other register survives a syscall, so the loop counter
# lives in s1.

        .text
        .globl  _start
        .type   _start, @function
_start:
        li      s1, 3                   # print three times
.Lloop:
        li      a7, 1                   # write(
        li      a0, 1                   #   fd    = 1 (standard output),
        la      a1, msg                 #   buf   = msg,
        li      a2, msg_len             #   count = msg_len)
        syscall
        addi    s1, s1, -1
        bne     s1, zero, .Lloop

        li      a7, 60                  # exit(
        li      a0, 0                   #   status = 0)
        syscall
        .size   _start, . - _start

        .section .rodata
msg:    .ascii  "hello, world\n"
        .equ    msg_len, . - msg        # 13: the bytes from msg up to here
