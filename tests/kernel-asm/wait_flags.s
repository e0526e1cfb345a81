# wait_flags.s: wait4's pid selectors and options. Prints one line per call:
#   WNOHANG with a live child: 0
#   a clone child (exit signal 0) without __WCLONE: -10; with __WCLONE: its pid, status 1024
#   an unknown option bit: -22
#   pid 0 (our process group): the first child, status 768
#   pid -pgrp: a third child, status 1280
#   __WALL with nobody left: -10
        .text
        .globl  _start
_start: addi    sp, sp, -16
        li      a7, 57                  # child A: sleeps 1 ms, exits 3
        syscall
        beq     a0, zero, childA
        mv      s1, a0
        li      a7, 61                  # wait4(A, sp, WNOHANG, 0)
        mv      a0, s1
        mv      a1, sp
        li      a2, 1
        li      a3, 0
        syscall
        call    println
        li      a7, 56                  # clone(0, 0, 0, 0, 0): child B, no exit signal
        li      a0, 0
        li      a1, 0
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, childB
        mv      s2, a0
        li      a7, 61                  # wait4(B, sp, 0, 0): not a "normal" child
        mv      a0, s2
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        call    println
        li      a7, 61                  # wait4(B, sp, __WCLONE, 0)
        mv      a0, s2
        mv      a1, sp
        li      a2, 0x80000000
        li      a3, 0
        syscall
        call    pidstatus
        li      a7, 61                  # wait4(-1, sp, 0x100, 0): EINVAL
        li      a0, -1
        mv      a1, sp
        li      a2, 0x100
        li      a3, 0
        syscall
        call    println
        li      a7, 61                  # wait4(0, sp, 0, 0): A, from our process group
        li      a0, 0
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        call    pidstatus
        li      a7, 57                  # child C exits 5
        syscall
        beq     a0, zero, childC
        li      a7, 111                 # getpgrp
        syscall
        neg     a0, a0                  # wait4(-pgrp, sp, 0, 0)
        li      a7, 61
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        call    pidstatus
        li      a7, 61                  # wait4(-1, 0, __WALL, 0): ECHILD
        li      a0, -1
        li      a1, 0
        li      a2, 0x40000000
        li      a3, 0
        syscall
        call    println
        li      a0, 0
        call    sys_exit

childA: li      a7, 35
        la      a0, ts
        li      a1, 0
        syscall
        li      a0, 3
        j       leave
childB: li      a0, 4
        j       leave
childC: li      a0, 5
leave:  li      a7, 60
        syscall

# println(a0): prints a0 and a newline. pidstatus(a0): prints a0, a space, the status at 16(sp) of the caller.
println:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret
pidstatus:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        call    putnum
        li      a0, 32
        call    putc
        lw      a0, 16(sp)
        call    println
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .rodata
        .align  8
ts:     .quad   0, 1000000
