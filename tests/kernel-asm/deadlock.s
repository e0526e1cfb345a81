# deadlock.s: waits on a futex nobody will ever wake (argv[1] = "f"), or spins forever
# (argv[1] = "s"). The kernel notices, reports and kills it.
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     t0, 0(t0)
        li      t1, 115
        beq     t0, t1, spin
        li      a7, 202
        la      a0, word
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 1
        call    sys_exit
spin:   j       spin
        .data
        .align  8
word:   .quad   0
