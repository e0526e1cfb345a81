# futex_timeout.s: FUTEX_WAIT with a 2 ms timeout and nobody to wake it returns ETIMEDOUT
# (-110) after at least 2 ms of virtual time (prints 1); an invalid timeout is EINVAL (-22).
        .text
        .globl  _start
_start: li      a7, 228                 # clock_gettime(CLOCK_MONOTONIC, before)
        li      a0, 1
        la      a1, before
        syscall
        li      a7, 202                 # futex(&word, FUTEX_WAIT_PRIVATE, 0, &two_ms)
        la      a0, word
        li      a1, 128
        li      a2, 0
        la      a3, two_ms
        syscall
        call    println
        li      a7, 228
        li      a0, 1
        la      a1, after
        syscall
        la      t0, before
        ld      t1, 8(t0)
        la      t0, after
        ld      t2, 8(t0)
        ld      t3, 0(t0)
        la      t0, before
        ld      t4, 0(t0)
        sub     t3, t3, t4
        li      t4, 1000000000
        mul     t3, t3, t4
        add     t2, t2, t3
        sub     t2, t2, t1
        li      t1, 2000000
        sle     a0, t1, t2
        call    println
        li      a7, 202                 # an invalid timeout
        la      a0, word
        li      a1, 128
        li      a2, 0
        la      a3, bad
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
bad:    .quad   0, 2000000000
        .data
        .align  8
word:   .quad   0
before: .quad   0, 0
after:  .quad   0, 0
