# fork_touch.s MIB ITERATIONS: the cost of fork + exit + wait4 in a process that has touched
# MIB MiB of memory. It maps MIB MiB of private anonymous memory, writes one byte to every
# page (so every page is resident and becomes copy-on-write at each fork), then ITERATIONS
# times: fork; the child calls _exit(0) at once; the parent wait4s for it and checks that
# the status is 0. It prints "ITERATIONS iterations in T ns" (T in the guest's virtual
# CLOCK_MONOTONIC) and exits 0; any failure exits with a code from 1 to 4.
# The same program in C is tests/bench/fork_touch.c.
        .text
        .globl  _start
_start: ld      a0, 16(sp)              # argv[1]: MiB to touch
        call    atoi
        slli    s1, a0, 20              # s1 = bytes
        ld      a0, 24(sp)              # argv[2]: iterations
        call    atoi
        mv      s2, a0                  # s2 = iterations
        addi    sp, sp, -16             # 0(sp): the wait status
        li      a7, 9                   # mmap(0, s1, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
        li      a0, 0
        mv      a1, s1
        li      a2, 3
        li      a3, 0x22
        li      a4, -1
        li      a5, 0
        syscall
        li      t0, -4096
        bltu    t0, a0, .Lfail1         # -4095..-1: an errno
        mv      t0, a0                  # touch: one byte per page
        add     t1, a0, s1
        li      t2, 1
.Ltouch:
        bgeu    t0, t1, .Ltouched
        sb      t2, 0(t0)
        addi    t0, t0, 4096
        j       .Ltouch
.Ltouched:
        call    now
        mv      s3, a0                  # s3 = start time
        mv      s4, s2                  # s4 = iterations left
.Lloop: beq     s4, zero, .Ldone
        li      a7, 57                  # fork()
        syscall
        beq     a0, zero, .Lchild
        blt     a0, zero, .Lfail2
        mv      s5, a0
        li      a7, 61                  # wait4(pid, sp, 0, NULL)
        mv      a1, sp
        li      a2, 0
        li      a3, 0
        syscall
        bne     a0, s5, .Lfail3
        lw      t0, 0(sp)
        bne     t0, zero, .Lfail4
        addi    s4, s4, -1
        j       .Lloop
.Ldone: call    now
        sub     a1, a0, s3
        mv      a0, s2
        call    report
        li      a0, 0
        j       .Lexit
.Lchild:
        li      a7, 231                 # _exit(0) (exit_group, as libc's _exit): nothing else
        li      a0, 0
        syscall
.Lfail1:
        li      a0, 1
        j       .Lexit
.Lfail2:
        li      a0, 2
        j       .Lexit
.Lfail3:
        li      a0, 3
        j       .Lexit
.Lfail4:
        li      a0, 4
.Lexit: li      a7, 231                 # exit_group(a0)
        syscall
