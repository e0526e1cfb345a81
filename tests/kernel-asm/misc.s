# misc.s: uname, an unknown call, getuid, virtual time, futex EAGAIN, process groups.
        .text
        .globl  _start
_start: li      a7, 63                  # uname(buf)
        la      a0, uts
        syscall
        la      a0, uts                 # sysname
        call    puts
        li      a0, 32
        call    putc
        la      a0, uts + 260           # machine: the fifth 65-byte field
        call    puts
        li      a0, 10
        call    putc
        li      a7, 400                 # no such call: ENOSYS
        syscall
        call    println
        li      a7, 102                 # getuid
        syscall
        call    println
        li      a7, 228                 # clock_gettime(CLOCK_MONOTONIC, t0)
        li      a0, 1
        la      a1, t0
        syscall
        li      a7, 35                  # nanosleep(2 ms)
        la      a0, two_ms
        li      a1, 0
        syscall
        li      a7, 228
        li      a0, 1
        la      a1, t1
        syscall
        la      t0, t0                  # (t1 - t0) in ns >= 2,000,000 ?
        ld      t2, 0(t0)
        ld      t3, 8(t0)
        la      t0, t1
        ld      t4, 0(t0)
        ld      t5, 8(t0)
        sub     t4, t4, t2
        li      t2, 1000000000
        mul     t4, t4, t2
        add     t4, t4, t5
        sub     t4, t4, t3
        li      t2, 2000000
        sle     a0, t2, t4
        call    println
        li      a7, 202                 # futex(&word, FUTEX_WAIT_PRIVATE, 6): the word is 5
        la      a0, word
        li      a1, 128
        li      a2, 6
        li      a3, 0
        syscall
        call    println
        li      a7, 111                 # getpgrp: init's group, 1
        syscall
        call    println
        li      a7, 112                 # setsid: a new session, ours
        syscall
        call    println
        li      a7, 124                 # getsid(0)
        li      a0, 0
        syscall
        call    println
        li      a0, 0
        call    sys_exit

println:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .rodata
        .align  8
two_ms: .quad   0, 2000000
        .data
        .align  8
word:   .word   5, 0
t0:     .quad   0, 0
t1:     .quad   0, 0
        .bss
uts:    .zero   390
