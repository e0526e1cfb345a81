# proc_lib.s: helpers of the /proc test programs, linked with lib.s.
#
#   cat_path(a0 = path)        prints "== path\n" and the file's bytes, read 7 at a time so a
#                              /proc file is read in many pieces of one snapshot; or
#                              "error -ERRNO\n" when open or read fails
#   path_of(a0 = prefix, a1 = number, a2 = suffix)
#                              builds prefix + decimal number + suffix in a static buffer and
#                              returns its address (each call overwrites the last result)
#
# Same convention as lib.s: they clobber only a0-a7 and t0-t4.
        .text
        .globl  cat_path, path_of

cat_path:
        addi    sp, sp, -32
        sd      ra, 0(sp)
        sd      s4, 8(sp)
        sd      s5, 16(sp)
        mv      s4, a0
        la      a0, header
        call    puts
        mv      a0, s4
        call    puts
        li      a0, 10
        call    putc
        li      a7, 2                   # open(path, O_RDONLY)
        mv      a0, s4
        li      a1, 0
        li      a2, 0
        syscall
        blt     a0, zero, .Lerror
        mv      s5, a0
.Lread: li      a7, 0                   # read(fd, buf, 7)
        mv      a0, s5
        la      a1, buf
        li      a2, 7
        syscall
        blt     a0, zero, .Lrerr
        beq     a0, zero, .Lclose
        mv      a2, a0
        li      a7, 1                   # write(1, buf, n)
        li      a0, 1
        la      a1, buf
        syscall
        j       .Lread
.Lrerr: mv      s4, a0
        li      a7, 3
        mv      a0, s5
        syscall
        mv      a0, s4
.Lerror:
        mv      s4, a0
        la      a0, error
        call    puts
        mv      a0, s4
        call    putnum
        li      a0, 10
        call    putc
        j       .Lret
.Lclose:
        li      a7, 3                   # close(fd)
        mv      a0, s5
        syscall
.Lret:  ld      ra, 0(sp)
        ld      s4, 8(sp)
        ld      s5, 16(sp)
        addi    sp, sp, 32
        ret

# path_of(a0 = prefix, a1 = n >= 0, a2 = suffix) -> a0 = the built path in pathbuf.
path_of:
        la      t0, pathbuf
.Lpre:  lbu     t1, 0(a0)               # copy the prefix
        beq     t1, zero, .Lnum
        sb      t1, 0(t0)
        addi    a0, a0, 1
        addi    t0, t0, 1
        j       .Lpre
.Lnum:  la      t2, digits + 24         # digits are built backwards, from the end
        li      t3, 10
.Ldig:  remu    t4, a1, t3
        addi    t4, t4, 48
        addi    t2, t2, -1
        sb      t4, 0(t2)
        divu    a1, a1, t3
        bne     a1, zero, .Ldig
        la      t3, digits + 24
.Lcopy: beq     t2, t3, .Lsuf           # then append them
        lbu     t1, 0(t2)
        sb      t1, 0(t0)
        addi    t2, t2, 1
        addi    t0, t0, 1
        j       .Lcopy
.Lsuf:  lbu     t1, 0(a2)               # and the suffix with its NUL
        sb      t1, 0(t0)
        beq     t1, zero, .Lend
        addi    a2, a2, 1
        addi    t0, t0, 1
        j       .Lsuf
.Lend:  la      a0, pathbuf
        ret

        .rodata
header: .asciz  "== "
error:  .asciz  "error "
        .bss
buf:    .zero   8
digits: .zero   24
pathbuf: .zero  128
