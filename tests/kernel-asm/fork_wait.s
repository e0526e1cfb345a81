# fork_wait.s: wait4 and Linux's wait status encoding.
#   1. a child that exits 7: wait4 returns its pid, status 0x0700 (1792)
#   2. a child that stores to address 0: status 0x8b (139: SIGSEGV with the core bit)
#   3. a child that divides by zero: status 0x88 (136: SIGFPE with the core bit)
#   4. wait4 with no child left: -ECHILD (-10)
# Prints "status N" for each, then "last R".
        .text
        .globl  _start
_start: addi    sp, sp, -16
        li      a7, 57
        syscall
        bne     a0, zero, .L1
        li      a7, 60
        li      a0, 7
        syscall
.L1:    call    reap
        li      a7, 57
        syscall
        bne     a0, zero, .L2
        li      t0, 0
        sd      t0, 0(t0)               # SIGSEGV
.L2:    call    reap
        li      a7, 57
        syscall
        bne     a0, zero, .L3
        li      t0, 0
        div     t0, t0, t0              # SIGFPE
.L3:    call    reap
        li      a7, 61                  # wait4(-1, sp, 0, 0): nobody left
        li      a0, -1
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        mv      s1, a0
        la      a0, last
        call    puts
        mv      a0, s1
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

# reap(a0 = child pid): waits for it, checks the returned pid, prints its status.
reap:   addi    sp, sp, -32
        sd      ra, 0(sp)
        mv      s1, a0
        li      a7, 61
        addi    a1, sp, 16
        li      a2, 0
        li      a3, 0
        syscall
        bne     a0, s1, .Lbad
        la      a0, status
        call    puts
        lw      a0, 16(sp)
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 32
        ret
.Lbad:  li      a0, 99
        call    sys_exit

        .rodata
status: .asciz  "status "
last:   .asciz  "last "
