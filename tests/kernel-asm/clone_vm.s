# clone_vm.s: the child stores 42 in a global and exits; the parent waits and prints the
# global. With CLONE_VM (argv[1] = "1") it sees 42; without (a fork with a new stack), 0.
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     s3, 0(t0)
        addi    s3, s3, -48
        li      s2, 17                  # SIGCHLD
        beq     s3, zero, .Lclone
        ori     s2, s2, 0x100           # | CLONE_VM
.Lclone:
        li      a7, 56
        mv      a0, s2
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, child
        li      a7, 61
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        la      t0, shared
        ld      a0, 0(t0)
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

child:  la      t0, shared
        li      t1, 42
        sd      t1, 0(t0)
        li      a7, 60
        li      a0, 0
        syscall

        .data
shared: .quad   0
        .bss
        .align  16
stack:  .zero   4096
stack_top:
