# lib.s: helpers linked into every kernel test program.
#
#   puts(a0 = NUL-terminated string)   writes it to fd 1
#   putnum(a0 = signed 64-bit value)    writes it in decimal
#   putc(a0 = byte)                     writes one byte
#   sys_exit(a0 = code)                 exit_group(code)
#
# They follow the calling convention: arguments in a0, return address in ra; they clobber
# only a0-a7 and t0-t4, and keep sp 16-byte aligned.

        .text
        .globl  puts, putnum, putc, sys_exit

puts:   mv      t0, a0
        li      a2, 0
.Llen:  add     t1, t0, a2
        lbu     t1, 0(t1)
        beq     t1, zero, .Lwrite
        addi    a2, a2, 1
        j       .Llen
.Lwrite:
        li      a7, 1                   # write(1, s, len)
        li      a0, 1
        mv      a1, t0
        syscall
        ret

putc:   addi    sp, sp, -16
        sb      a0, 0(sp)
        li      a7, 1
        li      a0, 1
        mv      a1, sp
        li      a2, 1
        syscall
        addi    sp, sp, 16
        ret

putnum: addi    sp, sp, -32             # digits are built backwards in 0..31(sp)
        addi    t0, sp, 31              # next free byte, from the end
        mv      t1, a0
        li      t2, 0                   # negative?
        bge     t1, zero, .Ldigits
        li      t2, 1
        neg     t1, t1
.Ldigits:
        li      t3, 10
        remu    t4, t1, t3
        addi    t4, t4, 48
        sb      t4, 0(t0)
        addi    t0, t0, -1
        divu    t1, t1, t3
        bne     t1, zero, .Ldigits
        beq     t2, zero, .Lout
        li      t4, 45                  # '-'
        sb      t4, 0(t0)
        addi    t0, t0, -1
.Lout:  li      a7, 1
        li      a0, 1
        addi    a1, t0, 1
        addi    a2, sp, 31
        sub     a2, a2, t0
        syscall
        addi    sp, sp, 32
        ret

sys_exit:
        li      a7, 231
        syscall
