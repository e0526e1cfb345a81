# settid.s: CLONE_CHILD_SETTID stores the child's tid in the child's memory before it runs
# (the child checks it against gettid: 1), and set_tid_address returns the caller's tid (1).
        .text
        .globl  _start
_start: li      a7, 56                  # clone(SIGCHLD|CLONE_VM|CLONE_CHILD_SETTID, stack, 0, &ctid, 0)
        li      a0, 0x1000111
        la      a1, stack_top
        li      a2, 0
        la      a3, ctid
        li      a4, 0
        syscall
        beq     a0, zero, child
        li      a7, 61
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a7, 218                 # set_tid_address(&ctid) == gettid()
        la      a0, ctid
        syscall
        mv      s1, a0
        li      a7, 186
        syscall
        seq     a0, a0, s1
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit
child:  la      t0, ctid
        lw      s1, 0(t0)
        li      a7, 186
        syscall
        seq     a0, a0, s1
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 60
        li      a0, 0
        syscall
        .data
        .align  8
ctid:   .word   0, 0
        .bss
        .align  16
stack:  .zero   4096
stack_top:
