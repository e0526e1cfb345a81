# faults.s: argv[1] picks a fatal trap: s (store to 0: SIGSEGV), d (divide by zero:
# SIGFPE), b (break: SIGTRAP), i (an illegal instruction: SIGILL), m (a misaligned
# atomic: SIGBUS), w (write to the read-only text: SIGSEGV).
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     t0, 0(t0)
        li      t1, 115
        beq     t0, t1, segv
        li      t1, 100
        beq     t0, t1, fpe
        li      t1, 98
        beq     t0, t1, trap
        li      t1, 105
        beq     t0, t1, ill
        li      t1, 109
        beq     t0, t1, bus
        li      t1, 119
        beq     t0, t1, rotext
        li      a0, 1
        call    sys_exit
segv:   li      t0, 0
        sd      t0, 0(t0)
fpe:    li      t0, 1
        li      t1, 0
        div     t0, t0, t1
trap:   break
ill:    la      t0, bad
        jr      t0
bus:    la      t0, word
        addi    t0, t0, 1
        li      t1, 0
        cas.d   t1, t1, 0(t0)
rotext: la      t0, _start
        sd      t0, 0(t0)
        .align  8
bad:    .quad   0                       # in .text: opcode 0 is never an instruction
        .data
        .align  8
word:   .quad   0, 0
