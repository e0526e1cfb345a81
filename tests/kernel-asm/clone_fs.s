# clone_fs.s: the child chdir()s to /tmp and exits; the parent waits and prints getcwd.
# With CLONE_FS (argv[1] = "1") the parent is in /tmp too; without it, still in /.
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     s3, 0(t0)
        addi    s3, s3, -48
        li      s2, 0x111               # SIGCHLD | CLONE_VM
        beq     s3, zero, .Lclone
        ori     s2, s2, 0x200           # | CLONE_FS
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
        li      a7, 79                  # getcwd(buf, 64)
        la      a0, buf
        li      a1, 64
        syscall
        la      a0, buf
        call    puts
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

child:  li      a7, 80                  # chdir("/tmp")
        la      a0, tmp
        syscall
        li      a7, 60
        li      a0, 0
        syscall

        .rodata
tmp:    .asciz  "/tmp"
        .bss
        .align  16
buf:    .zero   64
stack:  .zero   4096
stack_top:
