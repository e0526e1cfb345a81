# clone_wait.s ITERATIONS: the cost of creating a thread-like process and waiting for it.
# ITERATIONS times: clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD) on a
# stack of its own; the child calls _exit(0) at once; the parent wait4s for it and checks
# that the status is 0. Without CLONE_THREAD the child is a process of its own that shares
# everything, so wait4 can reap it (as with LinuxThreads, before NPTL). It prints
# "ITERATIONS iterations in T ns" (virtual CLOCK_MONOTONIC) and exits 0, or 2 to 4 on a
# failure. The same program in C is tests/bench/clone_wait.c.
        .text
        .globl  _start
_start: ld      a0, 16(sp)              # argv[1]: iterations
        call    atoi
        mv      s2, a0
        addi    sp, sp, -16             # 0(sp): the wait status
        call    now
        mv      s3, a0
        mv      s4, s2
.Lloop: beq     s4, zero, .Ldone
        li      a7, 56                  # clone(flags, child_stack, NULL, NULL, 0)
        li      a0, 0xf11               # VM 0x100 | FS 0x200 | FILES 0x400 | SIGHAND 0x800 | SIGCHLD 17
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, .Lchild
        blt     a0, zero, .Lfail2
        mv      s5, a0
        li      a7, 61                  # wait4(pid, sp, 0, NULL): __WALL is not needed, the
        mv      a1, sp                  # exit signal is SIGCHLD
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
        li      a7, 231                 # _exit(0) (exit_group, as libc's _exit), touching no memory
        li      a0, 0
        syscall
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

        .bss
        .align  16
stack:  .zero   4096                    # the child's stack (it never uses it)
stack_top:
