# clone_files.s: the article's demo. The parent dups fd 1, then clone()s a child with
# SIGCHLD|CLONE_FS|CLONE_SIGHAND|CLONE_VM, plus CLONE_FILES if argv[1] is "1", on a stack
# it reserved. The child closes the parent's descriptor and exits. The parent waits and
# writes through the descriptor: with CLONE_FILES the table is shared, so the write fails
# with EBADF (-9); without it, the child closed only its own copy and the write works.
        .text
        .globl  _start
_start: ld      t0, 16(sp)              # argv[1]
        lbu     s3, 0(t0)
        addi    s3, s3, -48             # 1: share the descriptor table
        li      a7, 32                  # dup(1)
        li      a0, 1
        syscall
        mv      s1, a0
        li      s2, 0xb11               # SIGCHLD | CLONE_FS | CLONE_SIGHAND | CLONE_VM
        beq     s3, zero, .Lclone
        ori     s2, s2, 0x400           # | CLONE_FILES
.Lclone:
        li      a7, 56                  # clone(flags, stack, 0, 0, 0)
        mv      a0, s2
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, child
        mv      s4, a0
        li      a7, 61                  # wait4(child, 0, 0, 0)
        mv      a0, s4
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a7, 1                   # write(fd, msg, 8)
        mv      a0, s1
        la      a1, msg
        li      a2, 8
        syscall
        mv      s5, a0
        la      a0, result
        call    puts
        mv      a0, s5
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

child:  li      a7, 3                   # close(fd): s1 came with the registers
        mv      a0, s1
        syscall
        li      a7, 60
        li      a0, 0
        syscall

        .rodata
msg:    .ascii  "via dup\n"
result: .asciz  "write returned "

        .bss
        .align  16
stack:  .zero   4096
stack_top:
