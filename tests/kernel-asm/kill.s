# kill.s: kill(pid, 0) probes (0, then -3 ESRCH for a pid nobody has); kill(child, SIGTERM)
# ends a sleeping child, whose wait status is then 15; a signal above 64 is -22.
        .text
        .globl  _start
_start: addi    sp, sp, -16
        li      a7, 57
        syscall
        beq     a0, zero, child
        mv      s1, a0
        li      a7, 62                  # kill(child, 0)
        mv      a0, s1
        li      a1, 0
        syscall
        call    println
        li      a7, 62                  # kill(4000, 0)
        li      a0, 4000
        li      a1, 0
        syscall
        call    println
        li      a7, 62                  # kill(child, 65)
        mv      a0, s1
        li      a1, 65
        syscall
        call    println
        li      a7, 62                  # kill(child, SIGTERM)
        mv      a0, s1
        li      a1, 15
        syscall
        call    println
        li      a7, 61
        mv      a0, s1
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        lw      a0, 0(sp)
        call    println
        li      a0, 0
        call    sys_exit
child:  li      a7, 35                  # sleeps a whole second (virtual)
        la      a0, ts
        li      a1, 0
        syscall
        li      a7, 60
        li      a0, 0
        syscall

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
ts:     .quad   1, 0
