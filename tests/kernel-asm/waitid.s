# waitid.s: waitid's siginfo, WNOWAIT, and wait4's rusage pointer.
#   child 1 exits 6: waitid(P_PID, c1, WEXITED|WNOWAIT) shows "17 1 1 6" (SIGCHLD,
#   CLD_EXITED, the pid, the code) and leaves the zombie: wait4(c1, &st, 0, &ru) then reaps
#   it: "1 1536". Child 2 dies of SIGSEGV: waitid(P_ALL) shows "17 3 1 11" (CLD_DUMPED).
#   waitid without WEXITED: -22. Child 3: wait4 with a bad rusage pointer is -14 (EFAULT),
#   yet the child was reaped: the next wait4 is ECHILD, -10.
        .text
        .globl  _start
_start: li      a7, 57
        syscall
        bne     a0, zero, .Lp1
        li      a0, 6
        li      a7, 60
        syscall
.Lp1:   mv      s1, a0
        li      a7, 247                 # waitid(P_PID, c1, info, WEXITED|WNOWAIT, 0)
        li      a0, 1
        mv      a1, s1
        la      a2, info
        li      a3, 0x01000004
        li      a4, 0
        syscall
        bne     a0, zero, .Lfail
        call    showinfo
        li      a7, 61                  # wait4(c1, &st, 0, &ru)
        mv      a0, s1
        la      a1, st
        li      a2, 0
        la      a3, ru
        syscall
        seq     a0, a0, s1
        call    putnum
        li      a0, 32
        call    putc
        la      t0, st
        lw      a0, 0(t0)
        call    println
        li      a7, 57
        syscall
        bne     a0, zero, .Lp2
        sd      zero, 0(zero)           # SIGSEGV
.Lp2:   mv      s1, a0
        li      a7, 247                 # waitid(P_ALL, 0, info, WEXITED, 0)
        li      a0, 0
        li      a1, 0
        la      a2, info
        li      a3, 4
        li      a4, 0
        syscall
        bne     a0, zero, .Lfail
        call    showinfo
        li      a7, 247                 # waitid(P_ALL, 0, info, WNOHANG, 0): EINVAL
        li      a0, 0
        li      a1, 0
        la      a2, info
        li      a3, 1
        li      a4, 0
        syscall
        call    println
        li      a7, 57
        syscall
        bne     a0, zero, .Lp3
        li      a0, 0
        li      a7, 60
        syscall
.Lp3:   li      a7, 61                  # wait4(c3, 0, 0, 8): EFAULT
        li      a1, 0
        li      a2, 0
        li      a3, 8
        syscall
        call    println
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        call    println
        li      a0, 0
        call    sys_exit
.Lfail: li      a0, 1
        call    sys_exit

# showinfo: prints si_signo, si_code, (si_pid == s1), si_status.
showinfo:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        la      t0, info
        lw      a0, 0(t0)
        call    putnum
        li      a0, 32
        call    putc
        la      t0, info
        lw      a0, 8(t0)
        call    putnum
        li      a0, 32
        call    putc
        la      t0, info
        lw      a0, 16(t0)
        seq     a0, a0, s1
        call    putnum
        li      a0, 32
        call    putc
        la      t0, info
        lw      a0, 24(t0)
        call    println
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

println:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .bss
        .align  8
info:   .zero   128
ru:     .zero   144
st:     .zero   8
