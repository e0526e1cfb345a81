# lib.s: helpers linked into every benchmark program (bench.ProcessBench).
#
#   atoi(a0 = NUL-terminated decimal string) -> a0   (no sign, stops at the first non-digit)
#   report(a0 = iterations, a1 = elapsed nanoseconds) writes "N iterations in T ns\n" to fd 1
#   now() -> a0                       CLOCK_MONOTONIC in nanoseconds (virtual time)
#
# They follow the calling convention: arguments in a0.., result in a0, return address in ra;
# they clobber only a0-a7 and t0-t4, and keep sp 16-byte aligned.

        .text
        .globl  atoi, report, now

atoi:   li      t0, 0
        li      t2, 10
.Latoi: lbu     t1, 0(a0)
        addi    t1, t1, -48
        bgeu    t1, t2, .Lend           # not a digit (bytes below '0' wrap to huge values)
        mul     t0, t0, t2
        add     t0, t0, t1
        addi    a0, a0, 1
        j       .Latoi
.Lend:  mv      a0, t0
        ret

now:    addi    sp, sp, -16
        li      a7, 228                 # clock_gettime(CLOCK_MONOTONIC, sp)
        li      a0, 1
        mv      a1, sp
        syscall
        ld      t0, 0(sp)
        li      t1, 1000000000
        mul     t0, t0, t1
        ld      t1, 8(sp)
        add     a0, t0, t1
        addi    sp, sp, 16
        ret

# putnum(a0 = unsigned value): writes it in decimal.
putnum: addi    sp, sp, -32             # digits are built backwards in 0..31(sp)
        addi    t0, sp, 31
        li      t3, 10
.Lputd: remu    t4, a0, t3
        addi    t4, t4, 48
        sb      t4, 0(t0)
        addi    t0, t0, -1
        divu    a0, a0, t3
        bne     a0, zero, .Lputd
        li      a7, 1                   # write(1, first digit, count)
        li      a0, 1
        addi    a1, t0, 1
        addi    a2, sp, 31
        sub     a2, a2, t0
        syscall
        addi    sp, sp, 32
        ret

# puts(a0 = string, a1 = length)
puts:   mv      a2, a1
        mv      a1, a0
        li      a7, 1
        li      a0, 1
        syscall
        ret

report: addi    sp, sp, -32
        sd      ra, 0(sp)
        sd      a1, 8(sp)
        call    putnum
        la      a0, iters
        li      a1, 15
        call    puts
        ld      a0, 8(sp)
        call    putnum
        la      a0, ns
        li      a1, 4
        call    puts
        ld      ra, 0(sp)
        addi    sp, sp, 32
        ret

        .rodata
iters:  .ascii  " iterations in "
ns:     .ascii  " ns\n"
