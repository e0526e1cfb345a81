# einval.s: clone flag combinations Linux refuses, each printed with its result, and then
# proof that no refused call left a child behind: wait4(-1, 0, __WALL, 0) is ECHILD (-10).
        .text
        .globl  _start
_start: la      s1, cases
.Lnext: ld      a0, 0(s1)
        beq     a0, zero, .Ldone
        li      a7, 56
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, .Lchild       # must never happen
        call    putnum
        li      a0, 10
        call    putc
        addi    s1, s1, 8
        j       .Lnext
.Ldone: li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0x40000000
        li      a3, 0
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit
.Lchild:
        li      a7, 60
        li      a0, 99
        syscall

        .rodata
        .align  8
cases:  .quad   0x811                   # CLONE_SIGHAND without CLONE_VM: EINVAL
        .quad   0x10111                 # CLONE_THREAD without CLONE_SIGHAND: EINVAL
        .quad   0x20211                 # CLONE_NEWNS with CLONE_FS: EINVAL
        .quad   0x10000211              # CLONE_NEWUSER with CLONE_FS: EINVAL
        .quad   0x1011                  # CLONE_PIDFD (not implemented): EINVAL
        .quad   0x20000011              # CLONE_NEWPID (no namespaces): EPERM
        .quad   0
        .bss
        .align  16
stack:  .zero   1024
stack_top:
