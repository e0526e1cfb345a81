# affinity.s: pins itself to CPU 2 and checks getcpu and sched_getaffinity; a mask with no
# CPU of this machine is EINVAL. Prints "2", "8 4", "-22".
        .text
        .globl  _start
_start: addi    sp, sp, -16
        li      t0, 4                   # CPU 2 only
        sd      t0, 0(sp)
        li      a7, 203                 # sched_setaffinity(0, 8, sp)
        li      a0, 0
        li      a1, 8
        mv      a1, a1
        mv      a2, sp
        syscall
        bne     a0, zero, .Lfail
        li      a7, 309                 # getcpu(sp, 0, 0)
        mv      a0, sp
        li      a1, 0
        li      a2, 0
        syscall
        lw      a0, 0(sp)
        call    println
        li      a7, 204                 # sched_getaffinity(0, 8, sp)
        li      a0, 0
        li      a1, 8
        mv      a2, sp
        syscall
        call    putnum
        li      a0, 32
        call    putc
        ld      a0, 0(sp)
        call    println
        li      t0, 16                  # CPU 4: not on a four-CPU machine
        sd      t0, 0(sp)
        li      a7, 203
        li      a0, 0
        li      a1, 8
        mv      a2, sp
        syscall
        call    println
        li      a0, 0
        call    sys_exit
.Lfail: li      a0, 1
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
